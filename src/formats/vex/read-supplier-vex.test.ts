import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'

import type { Component } from '../../core/index.js'
import { testdataPath } from '../../../test/support/testdata.js'
import { readSupplierVex } from './read-supplier-vex.js'

/** Our device ships the supplier's product as one component. */
const component = (id: string, name: string, version: string, extra: Partial<Component> = {}) =>
  ({ id, name, version, kind: 'application', supportLevel: 'supported', ...extra }) as Component

const cdxCase = (folder: string): string =>
  readFileSync(testdataPath('cyclonedx-bom-examples', 'VEX', folder, 'vex.json'), 'utf8')

describe('readSupplierVex: CycloneDX VEX use cases (cyclonedx-bom-examples, status per README)', () => {
  const acme = (version: string) => [component('acme', 'Acme Product', version)]
  it.each([
    ['Use-Cases/Case-1', '2.4.0', 'not_affected', 'code_not_reachable'],
    ['Use-Cases/Case-2', '2.4.0', 'affected', undefined],
    ['Use-Cases/Case-3', '2.4.0', 'under_investigation', undefined],
    // Case 4: not exploitable in 2.2.0 through 2.4.0 (a vers range).
    ['Use-Cases/Case-4', '2.3.1', 'not_affected', 'code_not_reachable'],
    // Case 5: exploitable from 1.5.0 up to 7.0.0, not before nor from 7.0.0.
    ['Use-Cases/Case-5', '6.0.0', 'affected', undefined],
    ['Use-Cases/Case-5', '1.4.0', 'not_affected', 'code_not_reachable'],
    ['Use-Cases/Case-5', '7.0.0', 'not_affected', 'code_not_reachable'],
  ])('%s, version %s: %s', (folder, version, status, justification) => {
    const report = readSupplierVex(cdxCase(folder), 'vex.json', acme(version))
    expect(report.format).toBe('cyclonedx')
    expect(report.suggestions).toHaveLength(1)
    const [suggestion] = report.suggestions
    expect(suggestion?.finding).toBe('CVE-2020-25649@acme')
    expect(suggestion?.status).toBe(status)
    expect(suggestion?.justification).toBe(justification)
  })

  it('Case 4 says nothing about a version outside its range', () => {
    expect(
      readSupplierVex(cdxCase('Use-Cases/Case-4'), 'vex.json', acme('2.5.0')).suggestions,
    ).toEqual([])
  })

  it('CISA case 2: ABC 4.2 is not affected by the Ripple20 CVEs; a stranger product is reported', () => {
    const report = readSupplierVex(cdxCase('CISA-Use-Cases/Case-2'), 'vex.json', [
      component('abc', 'ABC', '4.2'),
    ])
    expect(report.suggestions.length).toBeGreaterThan(3)
    expect(new Set(report.suggestions.map((item) => item.status))).toEqual(
      new Set(['not_affected']),
    )
    expect(report.suggestions[0]?.finding).toMatch(/^CVE-2020-\d+@abc$/)
    const none = readSupplierVex(cdxCase('CISA-Use-Cases/Case-2'), 'vex.json', [
      component('xyz', 'XYZ', '4.2'),
    ])
    expect(none.suggestions).toEqual([])
    expect(none.issues[0]).toMatchObject({
      code: 'vex/unknown-product',
      path: '$.vulnerabilities[0].affects[0].ref',
    })
  })
})

describe('readSupplierVex: OASIS CSAF 2.0 VEX examples', () => {
  const csaf = (name: string): string =>
    readFileSync(
      testdataPath('oasis-csaf', 'csaf_2.0', 'examples', 'csaf', 'csaf_vex', name),
      'utf8',
    )
  it.each([
    ['2022-evd-uc-01-a-001.json', 'DEF', '1.0', 'affected'],
    ['2022-evd-uc-01-f-001.json', 'DEF', '1.1', 'fixed'],
    ['2022-evd-uc-01-na-001.json', 'ABC', '4.2', 'not_affected'],
    ['2022-evd-uc-01-ui-001.json', 'GHI', '17.4', 'under_investigation'],
  ])('%s: Example Company %s %s is %s for CVE-2021-44228', (name, product, version, status) => {
    const report = readSupplierVex(csaf(name), name, [component('abc', product, version)])
    expect(report.format).toBe('csaf')
    expect(report.suggestions.map((item) => [item.finding, item.status])).toEqual([
      ['CVE-2021-44228@abc', status],
    ])
    const suggestion = report.suggestions[0]
    if (status === 'not_affected')
      expect(suggestion?.justification ?? suggestion?.detail).toBeDefined()
  })
})

describe('readSupplierVex: hostile or foreign input', () => {
  it('names what is wrong instead of throwing', () => {
    expect(readSupplierVex('{', 'x.json', []).issues[0]?.code).toBe('vex/not-json')
    expect(readSupplierVex('{"a":1}', 'x.json', []).issues[0]?.code).toBe('vex/unknown-format')
    expect(readSupplierVex('[]', 'x.json', []).issues[0]?.code).toBe('vex/unknown-format')
  })

  it('OpenVEX: a product purl with qualifiers matches the component purl', () => {
    const doc = {
      '@context': 'https://openvex.dev/ns/v0.2.0',
      statements: [
        {
          vulnerability: { name: 'CVE-2023-1' },
          products: [{ '@id': 'pkg:npm/lodash@4.17.20?arch=x' }],
          status: 'affected',
          action_statement: 'Update to 4.17.21',
        },
      ],
    }
    const report = readSupplierVex(JSON.stringify(doc), 'o.json', [
      component('lodash', 'lodash', '4.17.20', { purl: 'pkg:npm/lodash@4.17.20' }),
    ])
    expect(report.suggestions).toEqual([
      {
        finding: 'CVE-2023-1@lodash',
        status: 'affected',
        detail: 'Update to 4.17.21',
        'x-source': 'o.json#$.statements[0].products[0]',
      },
    ])
  })
})
