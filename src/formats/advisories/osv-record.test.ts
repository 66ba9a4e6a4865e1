import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'

import { testdataPath } from '../../../test/support/testdata.js'
import { osvRecordToAdvisory } from './osv-record.js'

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'))

const jsonFiles = (folder: string, suffix = '.json'): string[] =>
  readdirSync(folder)
    .filter((name) => name.endsWith(suffix))
    .sort()
    .map((name) => path.join(folder, name))

/** Every PyPA record, as the strings its YAML holds (the core schema keeps timestamps text). */
const pypaRecords = (): { file: string; record: Record<string, unknown> }[] => {
  const root = testdataPath('pypa-advisory-database', 'vulns')
  return readdirSync(root)
    .sort()
    .flatMap((pkg) => jsonFiles(path.join(root, pkg), '.yaml'))
    .map((file) => ({
      file,
      record: parse(readFileSync(file, 'utf8'), { schema: 'core' }) as Record<string, unknown>,
    }))
}

const osvSchema = () => {
  const ajv = new Ajv2020({ strict: false, allErrors: false })
  addFormats.default(ajv)
  return ajv.compile(readJson(testdataPath('osv-schema', 'validation', 'schema.json')) as object)
}

const realJsonRecords = (): string[] => [
  ...jsonFiles(testdataPath('ghsa-selected')),
  ...jsonFiles(testdataPath('osv-schema', 'tools', 'osv-linter', 'testdata')),
  ...jsonFiles(testdataPath('osv-schema', 'tools', 'ghsa', 'testdata'), '.osv.json'),
  ...jsonFiles(testdataPath('osv-schema', 'tools', 'redhat', 'testdata', 'OSV')),
]

describe('osvRecordToAdvisory on real records', () => {
  it('converts every PyPA record, keeping each explicit version list and the withdrawn ones', () => {
    const records = pypaRecords()
    expect(records).toHaveLength(2661)
    let withdrawn = 0
    for (const { file, record } of records) {
      const result = osvRecordToAdvisory(record, file)
      if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.error)}`)
      const advisory = result.value
      expect(advisory.id).toBe(record['id'])
      expect(advisory.modified).toBe(record['modified'])
      const affected = (record['affected'] ?? []) as { versions?: string[] }[]
      expect(advisory.affected.map((entry) => entry.versions)).toEqual(
        affected.map((entry) => entry.versions ?? []),
      )
      if (advisory.withdrawn !== undefined) {
        withdrawn += 1
        expect(advisory.withdrawn).toBe(record['withdrawn'])
      }
    }
    // INVENTORY.md 2.5: 10 of the PyPA records are withdrawn.
    expect(withdrawn).toBe(10)
  })

  it('accepts every record the official OSV schema accepts (GHSA, GO, PYSEC, MAL, RHSA, SUSE...)', () => {
    const validate = osvSchema()
    const files = realJsonRecords()
    expect(files.length).toBeGreaterThanOrEqual(40)
    const schemaValid = files.filter((file) => validate(readJson(file)))
    // osv-schema README: all linter/ghsa/redhat records are schema-valid but one broken copy.
    expect(files.length - schemaValid.length).toBe(1)
    for (const file of schemaValid) {
      const result = osvRecordToAdvisory(readJson(file), file)
      expect(result.ok ? [] : result.error, file).toEqual([])
    }
  })

  it('keeps the ranges, aliases and CVSS vector of Log4Shell as GitHub published them', () => {
    // The expected values are the ghsa-selected README table, written from the upstream record.
    const result = osvRecordToAdvisory(
      readJson(testdataPath('ghsa-selected', 'GHSA-jfh8-c2jp-5v3q.json')),
    )
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const advisory = result.value
    expect(advisory).toMatchObject({
      id: 'GHSA-jfh8-c2jp-5v3q',
      source: 'osv',
      aliases: ['CVE-2021-44228'],
      severity: [{ vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H' }],
    })
    expect(
      advisory.affected.map((entry) => [
        `${entry.ecosystem}:${entry.name}`,
        entry.ranges.flatMap((range) => range.events.map((event) => Object.values(event)[0])),
      ]),
    ).toEqual([
      ['Maven:org.apache.logging.log4j:log4j-core', ['2.13.0', '2.15.0']],
      ['Maven:org.apache.logging.log4j:log4j-core', ['0', '2.3.1']],
      ['Maven:org.apache.logging.log4j:log4j-core', ['2.4', '2.12.2']],
    ])
  })

  it('keeps a withdrawn GitHub advisory with its withdrawal date (osv-schema ghsa golden file)', () => {
    const result = osvRecordToAdvisory(
      readJson(testdataPath('osv-schema', 'tools', 'ghsa', 'testdata', 'withdrawn.osv.json')),
    )
    expect(result.ok && result.value.withdrawn).toBe('2018-10-11T17:29:49Z')
  })

  it('keeps both packages of a multi-ecosystem advisory (cryptography on PyPI, openssl-src on crates.io)', () => {
    const result = osvRecordToAdvisory(
      readJson(testdataPath('ghsa-selected', 'GHSA-x4qr-2fvf-3mr5.json')),
    )
    expect(result.ok && result.value.affected.map((entry) => entry.ecosystem)).toEqual([
      'PyPI',
      'crates.io',
      'crates.io',
    ])
  })
})

describe('osvRecordToAdvisory on broken records', () => {
  const valid = {
    id: 'PYSEC-0000-1',
    modified: '2024-01-01T00:00:00Z',
    affected: [
      {
        package: { ecosystem: 'PyPI', name: 'x' },
        ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }, { fixed: '1.0' }] }],
      },
    ],
  }

  it('places each problem at its JSON path', () => {
    const result = osvRecordToAdvisory(
      {
        ...valid,
        modified: 'yesterday',
        affected: [
          {
            package: { ecosystem: 'PyPI', name: 'x' },
            ranges: [
              { type: 'ECOSYSTEM', events: [{ introduced: '0', fixed: '1' }] },
              { type: 'SEMVERISH', events: [] },
            ],
          },
        ],
      },
      'x.json',
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.map((issue) => [issue.code, issue.path, issue.source])).toEqual([
      ['osv/bad-timestamp', ['modified'], 'x.json'],
      ['osv/bad-event', ['affected', 0, 'ranges', 0, 'events', 0], 'x.json'],
      ['osv/bad-range-type', ['affected', 0, 'ranges', 1, 'type'], 'x.json'],
    ])
  })

  it('requires an id and a modified time, and refuses what is not an object', () => {
    const missing = osvRecordToAdvisory({ affected: [] })
    expect(missing.ok ? [] : missing.error.map((issue) => issue.path)).toEqual([
      ['id'],
      ['modified'],
    ])
    expect(osvRecordToAdvisory([valid]).ok).toBe(false)
    expect(osvRecordToAdvisory(valid).ok).toBe(true)
  })

  it('skips severities that are not CVSS vectors (Ubuntu priorities) and affected entries without a package', () => {
    const result = osvRecordToAdvisory({
      ...valid,
      severity: [
        { type: 'Ubuntu', score: 'medium' },
        { type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' },
      ],
      affected: [...valid.affected, { ranges: [{ type: 'GIT', repo: 'r', events: [] }] }],
    })
    expect(result.ok && result.value.severity).toEqual([
      { vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' },
    ])
    expect(result.ok && result.value.affected).toHaveLength(1)
  })
})
