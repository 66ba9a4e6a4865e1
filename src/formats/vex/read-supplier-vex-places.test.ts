import { describe, expect, it } from 'vitest'

import type { Component } from '../../core/index.js'
import { readSupplierVex } from './read-supplier-vex.js'

const components: Component[] = [
  {
    id: 'abc',
    name: 'ABC',
    version: '4.2',
    kind: 'application',
    supportLevel: 'actively-maintained',
  },
]

/**
 * Where `offset` is in `text`, counted here independently of the code under test: 1-based line,
 * and 1-based column in UTF-16 units (what editors and the SBOM side report).
 */
const placeAt = (text: string, offset: number): { line: number; column: number } => {
  expect(offset).toBeGreaterThanOrEqual(0)
  const before = text.slice(0, offset).split('\n')
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 }
}

/** The one occurrence of `needle` in `text`; a fixture where it is not unique proves nothing. */
const onlyIndexOf = (text: string, needle: string): number => {
  const at = text.indexOf(needle)
  expect(at).toBeGreaterThanOrEqual(0)
  expect(text.indexOf(needle, at + 1)).toBe(-1)
  return at
}

describe('readSupplierVex: issues are placed where their value starts in the text', () => {
  it('CycloneDX: an unknown analysis state, at the state value', () => {
    const text = JSON.stringify(
      {
        bomFormat: 'CycloneDX',
        specVersion: '1.6',
        vulnerabilities: [
          { id: 'CVE-2020-1', analysis: { state: 'not_affected' } },
          { id: 'CVE-2020-2', analysis: { state: 'perhaps_later' } },
        ],
      },
      null,
      2,
    )
    const [issue] = readSupplierVex(text, 'cdx.json', components).issues
    expect(issue).toMatchObject({
      code: 'vex/no-analysis',
      path: '$.vulnerabilities[1].analysis.state',
      ...placeAt(text, onlyIndexOf(text, '"perhaps_later"')),
    })
    expect(issue?.line).toBeGreaterThan(1)
  })

  it('CycloneDX on one line: the column counts UTF-16 units, an emoji as two', () => {
    const text =
      '{"bomFormat":"CycloneDX","specVersion":"1.6","vulnerabilities":' +
      '[{"id":"CVE-2020-3","description":"Ümlaut 🙂","analysis":{"state":"bogus"}}]}'
    const [issue] = readSupplierVex(text, 'cdx.json', components).issues
    expect(issue).toMatchObject(placeAt(text, onlyIndexOf(text, '"bogus"')))
    expect(issue).toMatchObject({ line: 1, column: text.indexOf('"bogus"') + 1 })
  })

  it('OpenVEX: a statement with an unknown status, at the statement', () => {
    const statement = (status: string) => ({
      status,
      vulnerability: { name: 'CVE-2021-1' },
      products: [{ '@id': 'pkg:generic/abc@4.2' }],
    })
    const text = JSON.stringify(
      {
        '@context': 'https://openvex.dev/ns/v0.2.0',
        statements: [statement('not_affected'), statement('maybe_affected')],
      },
      null,
      2,
    )
    const report = readSupplierVex(text, 'openvex.json', components)
    const issue = report.issues.find((item) => item.code === 'vex/bad-statement')
    // Status is the statement's first key, so the statement's `{` is the last one before it.
    const start = text.lastIndexOf('{', onlyIndexOf(text, '"status": "maybe_affected"'))
    expect(issue).toMatchObject({ path: '$.statements[1]', ...placeAt(text, start) })
    expect(issue?.line).toBeGreaterThan(1)
  })

  it('CSAF: a vulnerability with neither cve nor ids, at the vulnerability', () => {
    const text = JSON.stringify(
      {
        document: { csaf_version: '2.0', category: 'csaf_vex', title: 'Example' },
        vulnerabilities: [
          { cve: 'CVE-2021-44228', product_status: {} },
          { title: 'nameless', product_status: {} },
        ],
      },
      null,
      2,
    )
    const [issue] = readSupplierVex(text, 'csaf.json', components).issues
    const start = text.lastIndexOf('{', onlyIndexOf(text, '"title": "nameless"'))
    expect(issue).toMatchObject({
      code: 'vex/no-vulnerability-id',
      path: '$.vulnerabilities[1]',
      ...placeAt(text, start),
    })
    expect(issue?.line).toBeGreaterThan(1)
  })

  it('not JSON: at the syntax error, when the parser says where it is', () => {
    const text = '{\n  "bomFormat": "CycloneDX",\n  "specVersion" "1.6"\n}\n'
    const [issue] = readSupplierVex(text, 'broken.json', components).issues
    expect(issue).toMatchObject({
      code: 'vex/not-json',
      path: '$',
      ...placeAt(text, onlyIndexOf(text, '"1.6"')),
    })
  })

  it('not JSON: at the syntax error also when the parser does not say where (Node 20)', () => {
    // Node 20 says `Unexpected token '}', "..." is not valid JSON`: no position in the message.
    const text = '{\n  "bomFormat": "CycloneDX",\n  "specVersion": tru\n}\n'
    const [issue] = readSupplierVex(text, 'broken.json', components).issues
    expect(issue).toMatchObject({
      code: 'vex/not-json',
      path: '$',
      ...placeAt(text, onlyIndexOf(text, 'tru')),
    })
  })

  it('an issue about the file as a whole keeps line 0', () => {
    expect(readSupplierVex('{\n  "a": 1\n}', 'x.json', []).issues).toMatchObject([
      { code: 'vex/unknown-format', path: '$', line: 0, column: 0 },
    ])
  })

  it('an issue about a value the file lacks is at the nearest value that encloses it', () => {
    const text = JSON.stringify(
      {
        bomFormat: 'CycloneDX',
        specVersion: '1.6',
        vulnerabilities: [
          { description: 'no id', analysis: { state: 'exploitable' } },
          { id: 'CVE-2020-5', description: 'no analysis' },
          { id: 'CVE-2020-6', analysis: { detail: 'no state' } },
        ],
      },
      null,
      2,
    )
    const issues = readSupplierVex(text, 'cdx.json', components).issues
    const objectBefore = (needle: string) => text.lastIndexOf('{', onlyIndexOf(text, needle))
    expect(issues).toMatchObject([
      { path: '$.vulnerabilities[0].id', ...placeAt(text, objectBefore('"no id"')) },
      {
        path: '$.vulnerabilities[1].analysis.state',
        ...placeAt(text, objectBefore('"no analysis"')),
      },
      {
        path: '$.vulnerabilities[2].analysis.state',
        ...placeAt(text, objectBefore('"no state"')),
      },
    ])
  })
})

describe('readSupplierVex: an index in a path counts every entry of its list', () => {
  it('CycloneDX: vulnerabilities and affects after entries that are not objects', () => {
    const text =
      '{"bomFormat":"CycloneDX","specVersion":"1.6","vulnerabilities":[1,' +
      '{"id":"CVE-1","analysis":{"state":"bogus"}},' +
      '{"id":"CVE-2","analysis":{"state":"not_affected"},"affects":[null,{"ref":"stranger"}]}]}'
    const issues = readSupplierVex(text, 'cdx.json', components).issues
    expect(issues).toMatchObject([
      {
        code: 'vex/not-an-object',
        severity: 'warning',
        path: '$.vulnerabilities[0]',
        ...placeAt(text, text.indexOf('[1,') + 1),
      },
      {
        code: 'vex/no-analysis',
        path: '$.vulnerabilities[1].analysis.state',
        ...placeAt(text, onlyIndexOf(text, '"bogus"')),
      },
      {
        code: 'vex/not-an-object',
        path: '$.vulnerabilities[2].affects[0]',
        ...placeAt(text, onlyIndexOf(text, 'null')),
      },
      {
        code: 'vex/unknown-product',
        path: '$.vulnerabilities[2].affects[1].ref',
        ...placeAt(text, onlyIndexOf(text, '"stranger"')),
      },
    ])
  })

  it('OpenVEX: statements, and subcomponents in their own list beside products', () => {
    const text = JSON.stringify(
      {
        '@context': 'https://openvex.dev/ns/v0.0.1',
        statements: [
          'not a statement',
          { vulnerability: 'CVE-2021-2', status: 'bogus' },
          {
            vulnerability: 'CVE-2021-3',
            status: 'affected',
            // A bare IRI (0.0.x) that is the component's id.
            products: ['abc'],
            subcomponents: ['pkg:generic/stranger@1'],
          },
        ],
      },
      null,
      2,
    )
    const report = readSupplierVex(text, 'openvex.json', components)
    expect(report.issues).toMatchObject([
      {
        code: 'vex/not-an-object',
        path: '$.statements[0]',
        ...placeAt(text, onlyIndexOf(text, '"not a statement"')),
      },
      { code: 'vex/bad-statement', path: '$.statements[1]' },
      {
        code: 'vex/unknown-product',
        path: '$.statements[2].subcomponents[0]',
        ...placeAt(text, onlyIndexOf(text, '"pkg:generic/stranger@1"')),
      },
    ])
    expect(report.suggestions).toMatchObject([
      { finding: 'CVE-2021-3@abc', 'x-source': 'openvex.json#$.statements[2].products[0]' },
    ])
  })

  it('CSAF: vulnerabilities after an entry that is not an object', () => {
    const text = JSON.stringify(
      {
        document: { csaf_version: '2.0', category: 'csaf_vex', title: 'Example' },
        vulnerabilities: [[], { title: 'nameless', product_status: {} }],
      },
      null,
      2,
    )
    const issues = readSupplierVex(text, 'csaf.json', components).issues
    expect(issues).toMatchObject([
      { code: 'vex/not-an-object', path: '$.vulnerabilities[0]' },
      {
        code: 'vex/no-vulnerability-id',
        path: '$.vulnerabilities[1]',
        ...placeAt(text, text.lastIndexOf('{', onlyIndexOf(text, '"title": "nameless"'))),
      },
    ])
  })
})
