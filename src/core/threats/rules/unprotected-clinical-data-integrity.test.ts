import { describe, expect, it } from 'vitest'

import { subjectsFound, type MinimalModel } from '../../../../test/support/rule-harness.js'
import { unprotectedClinicalDataIntegrity } from './unprotected-clinical-data-integrity.js'

const unprotected = (m: MinimalModel): void => {
  m.dataFlows[0]!.integrity = 'none'
}

describe('unprotected-clinical-data-integrity', () => {
  it.each<[string, (m: MinimalModel) => void, string[]]>([
    ['fires on therapy data with no integrity protection', unprotected, ['bolus-command']],
    [
      'fires on monitoring data with no integrity protection',
      (m) => {
        unprotected(m)
        m.assets[0]!.category = 'diagnosis-monitoring'
      },
      ['bolus-command'],
    ],
    ['is silent with authenticated encryption', () => undefined, []],
    [
      'is silent when a CRC is used (crc-as-integrity-protection reports it)',
      (m) => {
        m.dataFlows[0]!.integrity = 'crc'
      },
      [],
    ],
    [
      'is silent when the integrity of the data does not matter',
      (m) => {
        unprotected(m)
        m.assets[0]!.security.integrity = 'none'
      },
      [],
    ],
    [
      'is silent for workflow data',
      (m) => {
        unprotected(m)
        m.assets[0]!.category = 'clinical-workflow'
      },
      [],
    ],
    [
      "is silent for a person at the pump's own keys",
      (m) => {
        unprotected(m)
        m.interfaces.push({
          id: 'pump-keys',
          element: 'pump-device',
          type: 'user-interface',
          status: 'active',
        })
        m.dataFlows[0]!.interfaces = ['pump-keys']
      },
      [],
    ],
  ])('%s', (_name, change, expected) => {
    expect(subjectsFound(unprotectedClinicalDataIntegrity, change)).toEqual(expected)
  })
})
