import { describe, expect, test } from 'vitest'

import type { Finding } from '../../api/types.js'
import {
  epssPercent,
  filterFindings,
  findingRowKey,
  NO_FINDING_FILTERS,
  severitiesOf,
} from './finding-filters.js'
import { findingOf } from './test-findings.js'

const finding = (over: Partial<Finding>): Finding =>
  findingOf({
    findingId: 'CVE-2024-0001@openssl',
    release: '1.0.0',
    vulnerability: 'CVE-2024-0001',
    ...over,
  })

const findings = [
  finding({}),
  finding({
    findingId: 'CVE-2024-0002@zlib',
    vulnerability: 'CVE-2024-0002',
    aliases: ['GHSA-abcd-efgh-ijkl'],
    component: 'zlib',
    severity: 'Critical',
    kev: true,
    vexStatus: 'affected',
  }),
  finding({ findingId: 'CVE-2024-0003@zlib', component: 'zlib', severity: null }),
]

describe('filterFindings', () => {
  test('no filter keeps every finding in order', () => {
    expect(filterFindings(findings, NO_FINDING_FILTERS)).toEqual(findings)
  })

  test('severity ignores case, KEV keeps known exploited only', () => {
    expect(filterFindings(findings, { ...NO_FINDING_FILTERS, severity: 'critical' })).toEqual([
      findings[1],
    ])
    expect(filterFindings(findings, { ...NO_FINDING_FILTERS, kevOnly: true })).toEqual([
      findings[1],
    ])
  })

  test('VEX status, untriaged included', () => {
    const untriaged = filterFindings(findings, { ...NO_FINDING_FILTERS, vexStatus: 'untriaged' })
    expect(untriaged.map((item) => item.findingId)).toEqual([
      'CVE-2024-0001@openssl',
      'CVE-2024-0003@zlib',
    ])
  })

  test('text matches component and aliases ignoring case', () => {
    expect(filterFindings(findings, { ...NO_FINDING_FILTERS, text: ' ZLIB ' })).toHaveLength(2)
    expect(filterFindings(findings, { ...NO_FINDING_FILTERS, text: 'ghsa-abcd' })).toEqual([
      findings[1],
    ])
  })
})

describe('finding helpers', () => {
  test('severities present, worst first, lower case', () => {
    expect(severitiesOf(findings)).toEqual(['critical', 'high'])
  })

  test('a row per finding and release', () => {
    expect(findingRowKey(finding({ release: '2.0' }))).toBe('CVE-2024-0001@openssl 2.0')
  })

  test('EPSS as a percentage', () => {
    expect(epssPercent(null)).toBe('—')
    expect(epssPercent(0.97542)).toBe('97.5%')
    expect(epssPercent(0.00043)).toBe('0.04%')
  })
})
