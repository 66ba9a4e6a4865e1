import { mkdirSync, mkdtempSync, rmSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'

import {
  buildAdvisoryIndex,
  findAdvisoryMatches,
  type Advisory,
  type AdvisoryIndex,
  type AdvisorySource,
  type AffectedPackage,
  type ScanTarget,
} from '../../core/index.js'
import { HEADER_BYTES } from './match-index-format.js'
import { openAdvisoryStore } from './advisory-store.js'
import { replaceRecords, upsertRecords } from './merge-records.js'
import { writePartitionState } from './partition-state.js'
import { LAYOUT, partitionFolder } from './store-layout.js'

// The stored matching index must match exactly what reading every record and building the index
// in memory matches (the path `scan` took before), advisory objects included: an id held by two
// partitions counts once, from the first; withdrawn advisories match nothing; Maven entries,
// CPE configurations and CSAF products work through it too.

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

const GENERATION = '20260101T000000Z-0badcafe'

const advisory = (fields: Partial<Advisory> & Pick<Advisory, 'id'>): Advisory => ({
  source: 'osv',
  aliases: [],
  modified: '2026-01-01T00:00:00Z',
  severity: [],
  affected: [],
  configurations: [],
  products: [],
  ...fields,
})

const npm = (name: string, introduced: string, fixed: string, versions: string[] = []) =>
  ({
    ecosystem: 'npm',
    name,
    ranges: [{ type: 'SEMVER', events: [{ introduced }, { fixed }] }],
    versions,
  }) satisfies AffectedPackage

/** Writes a store with one generation holding these partitions; the data dir. */
const storeWith = async (
  partitions: readonly { source: AdvisorySource; partition: string; records: Advisory[] }[],
  write: 'replace' | 'upsert' = 'replace',
): Promise<string> => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'medcyber-match-index-'))
  folders.push(dataDir)
  for (const { source, partition, records } of partitions) {
    const folder = path.join(
      dataDir,
      LAYOUT.generations,
      GENERATION,
      partitionFolder(source, partition),
    )
    mkdirSync(folder, { recursive: true })
    const file = path.join(folder, LAYOUT.records)
    if (write === 'replace') {
      await replaceRecords(undefined, streamed(records), file)
    } else {
      await upsertRecords(undefined, new Map(records.map((record) => [record.id, record])), file)
    }
    await writePartitionState(folder, {
      source,
      partition,
      syncedAt: '2026-01-01T00:00:00Z',
      origin: 'test',
      records: records.length,
    })
  }
  writeFileSync(path.join(dataDir, LAYOUT.current), `${GENERATION}\n`)
  return dataDir
}

async function* streamed(records: readonly Advisory[]): AsyncGenerator<Advisory> {
  for (const record of records) yield await Promise.resolve(record)
}

const SOURCES: readonly AdvisorySource[] = ['osv', 'nvd', 'csaf']

/** The index `scan` built before: every record of every source read and compiled. */
const inMemory = async (dataDir: string): Promise<AdvisoryIndex> => {
  const store = await openAdvisoryStore(dataDir)
  const all: Advisory[] = []
  for (const source of SOURCES) for await (const one of store.advisories(source)) all.push(one)
  return buildAdvisoryIndex(all)
}

const target = (id: string, purl?: string, cpe?: string): ScanTarget => ({
  id,
  name: id,
  ...(purl === undefined ? {} : { purl }),
  ...(cpe === undefined ? {} : { cpe }),
  releases: [],
  hosts: [],
})

const shape = (index: AdvisoryIndex, targets: readonly ScanTarget[]) =>
  findAdvisoryMatches(index, targets).map((match) => ({
    target: match.target.id,
    advisory: match.advisory,
    evidence: match.evidence,
  }))

const expectSameMatches = async (dataDir: string, targets: readonly ScanTarget[]) => {
  const store = await openAdvisoryStore(dataDir)
  const opened = await store.matchIndex()
  try {
    const expected = await inMemory(dataDir)
    expect(shape(opened.index, targets)).toEqual(shape(expected, targets))
    expect(opened.index.size).toBe(expected.size)
    return opened
  } finally {
    opened.close()
  }
}

const MAVEN: AffectedPackage = {
  ecosystem: 'Maven',
  name: 'org.example:lib',
  ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '1.0' }, { fixed: '1.0.2' }] }],
  versions: [],
}

const OPENSSL_NVD = advisory({
  id: 'CVE-2016-2105',
  source: 'nvd',
  configurations: [
    {
      operator: 'OR',
      negate: false,
      nodes: [
        {
          operator: 'OR',
          negate: false,
          cpeMatch: [
            {
              vulnerable: true,
              criteria: 'cpe:2.3:a:openssl:openssl:*:*:*:*:*:*:*:*',
              versionStartIncluding: '1.0.2',
              versionEndExcluding: '1.0.2h',
            },
          ],
        },
      ],
    },
  ],
})

const TARGETS = [
  target('left-pad-old', 'pkg:npm/left-pad@1.0.0'),
  target('left-pad-new', 'pkg:npm/left-pad@2.0.0'),
  target('shared', 'pkg:npm/shared@1.5.0'),
  target('moved', 'pkg:npm/moved@1.0.0'),
  target('requests', 'pkg:pypi/Requests@2.0.0'),
  target('maven', 'pkg:maven/org.example/lib@1.0.1'),
  target('openssl', undefined, 'cpe:2.3:a:openssl:openssl:1.0.2a:*:*:*:*:*:*:*'),
  target('none', 'pkg:npm/unknown@1.0.0'),
]

const PARTITIONS = [
  {
    source: 'osv' as const,
    partition: 'PyPI',
    records: [
      advisory({
        id: 'GHSA-both',
        summary: 'first copy',
        affected: [
          { ecosystem: 'PyPI', name: 'requests', ranges: [], versions: ['2.0.0'] },
          npm('shared', '1.0.0', '2.0.0'),
        ],
      }),
      // An older copy that no longer names npm `moved`: it shadows the npm partition's copy.
      advisory({ id: 'GHSA-moved', affected: [{ ...npm('x', '0', '1'), ecosystem: 'PyPI' }] }),
      advisory({
        id: 'GHSA-gone',
        withdrawn: '2026-01-02T00:00:00Z',
        affected: [npm('left-pad', '0', '9')],
      }),
    ],
  },
  {
    source: 'osv' as const,
    partition: 'npm',
    records: [
      advisory({ id: 'GHSA-lp', affected: [npm('left-pad', '0', '1.1.0', ['2.0.0'])] }),
      advisory({
        id: 'GHSA-both',
        summary: 'second copy',
        affected: [npm('shared', '0', '9.0.0')],
      }),
      advisory({ id: 'GHSA-moved', affected: [npm('moved', '0', '2.0.0')] }),
      advisory({ id: 'GHSA-gone', affected: [npm('left-pad', '0', '9')] }),
      advisory({ id: 'GHSA-maven', affected: [MAVEN] }),
    ],
  },
  { source: 'nvd' as const, partition: 'cves', records: [OPENSSL_NVD] },
]

describe('the stored matching index', () => {
  it('matches as the records read in full do, first copies and withdrawals honoured', async () => {
    const dataDir = await storeWith(PARTITIONS)
    const opened = await expectSameMatches(dataDir, TARGETS)
    expect(opened.readInFull).toEqual([])
    const store = await openAdvisoryStore(dataDir)
    const again = await store.matchIndex()
    const found = shape(again.index, TARGETS).map((match) => `${match.target} ${match.advisory.id}`)
    again.close()
    expect(found).toEqual([
      'left-pad-old GHSA-lp',
      'left-pad-new GHSA-lp',
      'shared GHSA-both',
      'requests GHSA-both',
      'maven GHSA-maven',
      'openssl CVE-2016-2105',
    ])
  })

  it('is written by incremental merges too', async () => {
    await expectSameMatches(await storeWith(PARTITIONS, 'upsert'), TARGETS)
  })

  it('falls back to the records for a partition without a usable index', async () => {
    const dataDir = await storeWith(PARTITIONS)
    const generation = path.join(dataDir, LAYOUT.generations, GENERATION)
    unlinkSync(path.join(generation, 'osv', 'npm', LAYOUT.matchIndex))
    // An index made for other records (the file changed size) is not believed.
    const pypi = path.join(generation, 'osv', 'PyPI', LAYOUT.records)
    writeFileSync(pypi, `${JSON.stringify(PARTITIONS[0]?.records[0])}\n`, { flag: 'a' })
    // Nor is one cut short after its header (its sections are read only when first asked).
    truncateSync(path.join(generation, 'nvd', 'cves', LAYOUT.matchIndex), HEADER_BYTES + 8)
    const opened = await expectSameMatches(dataDir, TARGETS)
    expect(opened.readInFull.map((folder) => path.relative(generation, folder)).sort()).toEqual([
      path.join('nvd', 'cves'),
      path.join('osv', 'PyPI'),
      path.join('osv', 'npm'),
    ])
  })

  it('agrees with the in-memory index on random partitions sharing ids', async () => {
    const VERSIONS = ['0.1.0', '1.0.0', '1.0.1-rc.1', '1.0.1', '1.2.0', '2.0.0']
    const entry = fc
      .tuple(
        fc.constantFrom('a', 'b', 'c'),
        fc.constantFrom('0', ...VERSIONS),
        fc.constantFrom(...VERSIONS),
        fc.subarray(VERSIONS),
      )
      .map(([name, introduced, fixed, versions]) => npm(name, introduced, fixed, versions))
    const record = fc
      .tuple(fc.integer({ min: 0, max: 5 }), fc.array(entry, { maxLength: 3 }), fc.boolean())
      .map(([id, affected, withdrawn]) =>
        advisory({
          id: `OSV-${String(id)}`,
          affected,
          ...(withdrawn && id === 0 ? { withdrawn: '2026-01-02T00:00:00Z' } : {}),
        }),
      )
    const unique = (records: Advisory[]) => [...new Map(records.map((r) => [r.id, r])).values()]
    const targets = ['a', 'b', 'c'].flatMap((name) =>
      VERSIONS.map((version) => target(`${name}@${version}`, `pkg:npm/${name}@${version}`)),
    )
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(record, { maxLength: 6 }), { minLength: 1, maxLength: 3 }),
        async (drawn) => {
          const dataDir = await storeWith(
            drawn.map((records, at) => ({
              source: 'osv' as const,
              partition: `P${String(at)}`,
              records: unique(records),
            })),
          )
          await expectSameMatches(dataDir, targets)
          rmSync(dataDir, { recursive: true, force: true })
        },
      ),
      { numRuns: 60 },
    )
  })
})
