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

  it('CycloneDX: a state the specification does not have is named, with the states it has', () => {
    const text = JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      vulnerabilities: [{ id: 'CVE-2024-0001', analysis: { state: 'fixed' } }, { id: 'CVE-2' }],
    })
    const messages = readSupplierVex(text, 'x.json', []).issues.map((issue) => issue.message)
    expect(messages).toEqual([
      expect.stringMatching(
        /^CVE-2024-0001 has analysis state "fixed", which is not one of .*not_affected/,
      ),
      'CVE-2 has no analysis state; nothing to import',
    ])
  })

  it('CycloneDX: reads components nested 20,000 deep, and places issues below them', () => {
    const depth = 20_000
    let nested = '{"bom-ref":"deepest","name":"Deep","version":"1.0"}'
    for (let level = 0; level < depth; level += 1) {
      nested = `{"bom-ref":"c${String(level)}","name":"c","components":[${nested}]}`
    }
    const text =
      `{"bomFormat":"CycloneDX","specVersion":"1.6","components":[${nested}],` +
      '"vulnerabilities":[{"id":"CVE-2024-1","analysis":{"state":"not_affected"},' +
      '"affects":[{"ref":"deepest"}]},{"analysis":{"state":"exploitable"}}]}'
    const report = readSupplierVex(text, 'deep.json', [component('deep', 'Deep', '1.0')])
    expect(report.suggestions.map((item) => item.finding)).toEqual(['CVE-2024-1@deep'])
    // The vulnerability without an id is placed at its object, after the deep components.
    expect(report.issues).toMatchObject([
      { path: '$.vulnerabilities[1].id', line: 1, column: text.lastIndexOf('{"analysis"') + 1 },
    ])
  })

  it('CSAF: branches nested 20,000 deep are read to a limit, and the cut is reported', () => {
    let branch =
      '{"category":"product_version","name":"1.0","product":{"name":"Deep 1.0","product_id":"DEEP"}}'
    for (let level = 0; level < 20_000; level += 1) {
      branch = `{"category":"vendor","name":"Deep Inc","branches":[${branch}]}`
    }
    const text = JSON.stringify({
      document: { csaf_version: '2.0', category: 'csaf_vex', title: 'Deep' },
      product_tree: {
        full_product_names: [
          {
            name: 'ABC 4.2',
            product_id: 'ABC',
            product_identification_helper: { purl: 'pkg:generic/abc@4.2' },
          },
        ],
        branches: 'BRANCHES',
      },
      vulnerabilities: [{ cve: 'CVE-2024-2', product_status: { known_affected: ['ABC', 'DEEP'] } }],
    }).replace('"BRANCHES"', `[${branch}]`)
    const report = readSupplierVex(text, 'deep.json', [
      component('abc', 'ABC', '4.2', { purl: 'pkg:generic/abc@4.2' }),
      component('deep', 'Deep 1.0', '1.0'),
    ])
    expect(report.suggestions.map((item) => item.finding)).toEqual(['CVE-2024-2@abc'])
    // Thirty levels are read; the list of the thirty-first is where reading stopped.
    const cut = `$.product_tree${'.branches[0]'.repeat(30)}.branches`
    expect(report.issues).toMatchObject([
      { code: 'vex/too-deep', path: cut },
      {
        code: 'vex/unknown-product',
        path: '$.vulnerabilities[0].product_status.known_affected[1]',
      },
    ])
    expect(report.issues[0]?.line).toBe(1)
  })

  // Each of these made the reading throw: the tree was used as the core's type, unchecked. The
  // advisory reader's product tree now reads it, and says where each part is wrong.
  it.each([
    ['branches that are no list', { branches: 5 }, [['vex/not-a-list', '$.product_tree.branches']]],
    [
      'a branch that is null',
      { branches: [null] },
      [['vex/not-an-object', '$.product_tree.branches[0]']],
    ],
    [
      'a product name branch whose name is a number',
      {
        branches: [
          {
            category: 'product_name',
            name: 7,
            branches: [
              { category: 'product_version', name: '1', product: { name: 'P 1', product_id: 'P' } },
            ],
          },
        ],
      },
      [['vex/not-a-string', '$.product_tree.branches[0].name']],
    ],
    [
      'a full product name that is null',
      { full_product_names: [null] },
      [['vex/not-an-object', '$.product_tree.full_product_names[0]']],
    ],
    [
      'a purl that is no string',
      {
        full_product_names: [
          { name: 'P', product_id: 'P', product_identification_helper: { purl: 5 } },
        ],
      },
      [
        [
          'vex/not-a-string',
          '$.product_tree.full_product_names[0].product_identification_helper.purl',
        ],
      ],
    ],
    [
      'a relationship without its product',
      { relationships: [{ category: 'default_component_of' }] },
      [
        ['vex/not-a-string', '$.product_tree.relationships[0].product_reference'],
        ['vex/not-a-string', '$.product_tree.relationships[0].relates_to_product_reference'],
        ['vex/not-an-object', '$.product_tree.relationships[0].full_product_name'],
      ],
    ],
  ])('CSAF: %s is left out instead of throwing, and said so', (_name, productTree, problems) => {
    const text = JSON.stringify({
      document: { csaf_version: '2.0' },
      product_tree: productTree,
      vulnerabilities: [{ cve: 'CVE-2024-3', product_status: { known_affected: ['P'] } }],
    })
    const report = readSupplierVex(text, 'csaf.json', [
      component('p', 'P', '1', { purl: 'pkg:generic/p@1' }),
    ])
    expect(report.suggestions).toEqual([])
    expect(report.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ...problems,
      ['vex/unknown-product', '$.vulnerabilities[0].product_status.known_affected[0]'],
    ])
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
