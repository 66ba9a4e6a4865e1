import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'

import { testdataPath } from '../../../../test/support/testdata.js'
import type { Advisory, AffectedPackage, OsvEvent, OsvRange } from '../advisory.js'
import { compileAffected } from '../versions/index.js'
import { buildAdvisoryIndex, findAdvisoryMatches } from './scan.js'
import type { ScanTarget } from './scan-target.js'

// External data: the whole PyPA advisory database as one index. Its packages are heavy-tailed
// (django, tensorflow: hundreds of records), which is what the interval index is for. Every
// version the database mentions (listed, introduced, fixed, last_affected) of every package is
// scanned through the interval index and through each entry's own predicate: the matches must
// be the same, in the same order, with the explicit lists kept and with them removed (then
// only the ranges answer, legacy versions and overlapping intervals included).

interface YamlRecord {
  readonly id: string
  readonly modified: string
  readonly withdrawn?: string
  readonly affected?: readonly {
    readonly package: { readonly ecosystem: string; readonly name: string }
    readonly ranges?: readonly { readonly type: OsvRange['type']; readonly events: OsvEvent[] }[]
    readonly versions?: readonly string[]
  }[]
}

const advisories: Advisory[] = []
const versionsByPackage = new Map<string, Set<string>>()

const advisoryOf = (record: YamlRecord, listed: boolean): Advisory => ({
  id: record.id,
  source: 'osv',
  aliases: [],
  modified: record.modified,
  ...(record.withdrawn === undefined ? {} : { withdrawn: record.withdrawn }),
  severity: [],
  affected: (record.affected ?? []).map((entry): AffectedPackage => ({
    ...entry.package,
    ranges: entry.ranges ?? [],
    versions: listed ? (entry.versions ?? []) : [],
  })),
  configurations: [],
  products: [],
})

const mentioned = (record: YamlRecord): void => {
  for (const entry of record.affected ?? []) {
    const set = versionsByPackage.get(entry.package.name) ?? new Set<string>()
    versionsByPackage.set(entry.package.name, set)
    for (const version of entry.versions ?? []) set.add(version)
    for (const range of entry.ranges ?? []) {
      for (const event of range.events) {
        for (const value of Object.values(event)) if (typeof value === 'string') set.add(value)
      }
    }
  }
}

const records: YamlRecord[] = []

beforeAll(() => {
  const root = testdataPath('pypa-advisory-database', 'vulns')
  for (const pkg of readdirSync(root).sort()) {
    for (const file of readdirSync(path.join(root, pkg)).sort()) {
      const record = parse(readFileSync(path.join(root, pkg, file), 'utf8'), {
        schema: 'failsafe',
      }) as YamlRecord
      records.push(record)
      mentioned(record)
    }
  }
}, 60_000)

const targets = (): ScanTarget[] =>
  [...versionsByPackage].flatMap(([name, versions]) =>
    [...versions].sort().map((version) => ({
      id: `${name}@${version}`,
      name,
      purl: `pkg:pypi/${encodeURIComponent(name)}@${encodeURIComponent(version)}`,
      releases: [],
      hosts: [],
    })),
  )

const shape = (index: ReturnType<typeof buildAdvisoryIndex>, scanned: readonly ScanTarget[]) =>
  findAdvisoryMatches(index, scanned).map(
    (match) => `${match.target.id} ${match.advisory.id} ${match.evidence.detail}`,
  )

describe('interval index on the PyPA advisory database', () => {
  it.each([
    ['with the explicit lists', true, 134_000],
    ['with ranges only', false, 120_000],
  ])(
    'matches %s exactly as every entry asked alone',
    (_label, listed, atLeast) => {
      advisories.length = 0
      advisories.push(...records.map((record) => advisoryOf(record, listed)))
      const scanned = targets()
      const fast = shape(buildAdvisoryIndex(advisories), scanned)
      const perEntry = shape(
        buildAdvisoryIndex(advisories, (affected) => compileAffected(affected).isAffected),
        scanned,
      )
      expect(fast.length).toBeGreaterThan(atLeast)
      expect(fast).toEqual(perEntry)
    },
    120_000,
  )
})
