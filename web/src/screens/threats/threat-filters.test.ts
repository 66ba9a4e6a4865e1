import { describe, expect, test } from 'vitest'

import { threatOf } from './test-threats.js'
import {
  countByStatus,
  elementsOf,
  filterThreats,
  knownHazardousSituations,
  NO_THREAT_FILTERS,
} from './threat-filters.js'

const threats = [
  threatOf({}),
  threatOf({
    id: 'usb-tampering@pump-usb',
    title: 'Firmware replaced over USB',
    stride: ['tampering', 'elevation-of-privilege'],
    element: 'pump-usb',
    cwe: ['CWE-494'],
    status: 'mitigated',
    hazardousSituations: ['hs-overdose'],
  }),
  threatOf({
    id: 'cloud-dos@cloud-api',
    stride: ['denial-of-service'],
    element: 'cloud-api',
    assessments: [
      {
        threat: 'cloud-dos@cloud-api',
        status: 'open',
        rationale: 'r',
        hazardousSituations: ['hs-delay'],
      },
    ],
  }),
]

describe('filterThreats', () => {
  test('each filter narrows the list', () => {
    expect(filterThreats(threats, NO_THREAT_FILTERS)).toHaveLength(3)
    expect(filterThreats(threats, { ...NO_THREAT_FILTERS, status: 'mitigated' })).toEqual([
      threats[1],
    ])
    expect(filterThreats(threats, { ...NO_THREAT_FILTERS, category: 'tampering' })).toEqual([
      threats[1],
    ])
    expect(filterThreats(threats, { ...NO_THREAT_FILTERS, element: 'cloud-api' })).toEqual([
      threats[2],
    ])
  })

  test('text matches title, id and CWE ignoring case', () => {
    expect(filterThreats(threats, { ...NO_THREAT_FILTERS, text: 'firmware' })).toEqual([threats[1]])
    expect(filterThreats(threats, { ...NO_THREAT_FILTERS, text: 'cwe-494' })).toEqual([threats[1]])
    expect(filterThreats(threats, { ...NO_THREAT_FILTERS, text: 'nothing like it' })).toEqual([])
  })
})

describe('threat lists for the filters and the form', () => {
  test('elements sorted once each; statuses counted', () => {
    expect(elementsOf([...threats, threatOf({})])).toEqual(['cloud-api', 'pump-ble', 'pump-usb'])
    expect(Object.fromEntries(countByStatus(threats))).toEqual({ open: 2, mitigated: 1 })
  })

  test('hazardous situations linked anywhere, once each', () => {
    expect(knownHazardousSituations(threats)).toEqual([{ id: 'hs-delay' }, { id: 'hs-overdose' }])
  })
})
