import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'

import { testdataPath } from '../../../../test/support/testdata.js'
import type { AffectedPackage, OsvEvent, OsvRange } from '../advisory.js'
import { compileAffected } from './osv-range.js'
import { isPep440Version } from './pypi-order.js'

// External truth: the PyPA advisory database (CC-BY-4.0, "Python Packaging Authority (PyPA)
// Advisory Database"), where osv.dev enumerated every affected release into `versions`. With
// that list removed, our range evaluation must still find each listed version affected, and no
// `fixed` version affected.

const WITHDRAWN = [
  'aiohttp/PYSEC-2022-43059',
  'ansible/PYSEC-2020-221',
  'ansible/PYSEC-2021-125',
  'arrayfire/PYSEC-2019-144',
  'flask-caching/PYSEC-2021-13',
  'hyperledger/PYSEC-2022-43055',
  'loguru/PYSEC-2022-15',
  'pynetbox/PYSEC-2023-141',
  'redis/PYSEC-2023-73',
  'selenium/PYSEC-2023-101',
]

/** Malformed upstream: a GIT event that is not a full commit hash (`<sha>.patch`, short sha). */
const MALFORMED = [
  'binderhub/PYSEC-2021-371',
  'matrix-synapse/PYSEC-2021-424',
  'matrix-synapse/PYSEC-2021-425',
  'matrix-synapse/PYSEC-2021-436',
  'python-dbusmock/PYSEC-2019-155',
  'python-fedora/PYSEC-2017-27',
  'vyper/PYSEC-2023-80',
]

/**
 * Where the record's own data disagree with its ranges, read against osv-schema's evaluation:
 * - django PYSEC-2023-61 lists pre-releases (3.2a1 ...) of the versions its ranges start at;
 * - gevent PYSEC-2023-177 lists 23.9.0 and 23.9.0.post1 although 23.9.0 is its fix;
 * - gratient PYSEC-2024-1 has no ranges at all;
 * - wagtail PYSEC-2021-114 nests [0, 2.11.6) inside [2.11, 2.11.7): the sorted walk of the
 *   schema closes both at 2.11.6, so 2.11.6 (listed) is outside;
 * - apache-iotdb and pyspark give overlapping intervals, so a `fixed` of one interval is inside
 *   another one and is rightly affected.
 */
const KNOWN_DISAGREEMENTS = [
  'apache-iotdb/PYSEC-2022-42972 fixed 0.13.0 is affected',
  'django/PYSEC-2023-61 listed 3.2a1 is not affected',
  'django/PYSEC-2023-61 listed 3.2b1 is not affected',
  'django/PYSEC-2023-61 listed 3.2rc1 is not affected',
  'django/PYSEC-2023-61 listed 4.2a1 is not affected',
  'django/PYSEC-2023-61 listed 4.2b1 is not affected',
  'django/PYSEC-2023-61 listed 4.2rc1 is not affected',
  'gevent/PYSEC-2023-177 listed 23.9.0 is not affected',
  'gevent/PYSEC-2023-177 listed 23.9.0.post1 is not affected',
  'gratient/PYSEC-2024-1 listed 0.5 is not affected',
  'pyspark/PYSEC-2022-236 fixed 3.1.1 is affected',
  'pyspark/PYSEC-2023-72 fixed 3.1.1 is affected',
  'pyspark/PYSEC-2023-72 fixed 3.2.0 is affected',
  'wagtail/PYSEC-2021-114 listed 2.11.6 is not affected',
]

interface YamlRecord {
  readonly withdrawn?: string
  readonly affected?: readonly {
    readonly package: { readonly ecosystem: string; readonly name: string }
    readonly ranges?: readonly {
      readonly type: OsvRange['type']
      readonly events: readonly OsvEvent[]
    }[]
    readonly versions?: readonly string[]
  }[]
}

interface Tally {
  records: number
  listed: number
  fixed: number
  legacy: string[]
  disagreements: string[]
}

const checkRecord = (id: string, record: YamlRecord, tally: Tally): void => {
  tally.records += 1
  for (const entry of record.affected ?? []) {
    const ranges: readonly OsvRange[] = entry.ranges ?? []
    const rangesOnly: AffectedPackage = { ...entry.package, ranges, versions: [] }
    const predicate = compileAffected(rangesOnly)
    for (const version of entry.versions ?? []) {
      tally.listed += 1
      if (!isPep440Version(version)) tally.legacy.push(version)
      if (!predicate.isAffected(version))
        tally.disagreements.push(`${id} listed ${version} is not affected`)
    }
    for (const range of ranges.filter((candidate) => candidate.type === 'ECOSYSTEM')) {
      for (const event of range.events) {
        if (!('fixed' in event)) continue
        tally.fixed += 1
        if (predicate.isAffected(event.fixed))
          tally.disagreements.push(`${id} fixed ${event.fixed} is affected`)
      }
    }
  }
}

describe('OSV range evaluation against the PyPA advisory database', () => {
  const root = testdataPath('pypa-advisory-database', 'vulns')
  const tally: Tally = { records: 0, listed: 0, fixed: 0, legacy: [], disagreements: [] }
  const skipped = { withdrawn: [] as string[], malformed: [] as string[] }

  beforeAll(() => {
    for (const pkg of readdirSync(root).sort()) {
      for (const file of readdirSync(path.join(root, pkg)).sort()) {
        const id = `${pkg}/${file.replace(/\.yaml$/, '')}`
        // The failsafe schema keeps every scalar a string: timestamps, and versions like 1.0.
        const record = parse(readFileSync(path.join(root, pkg, file), 'utf8'), {
          schema: 'failsafe',
        }) as YamlRecord
        if (record.withdrawn !== undefined) skipped.withdrawn.push(id)
        else if (MALFORMED.includes(id)) skipped.malformed.push(id)
        else checkRecord(id, record, tally)
      }
    }
  }, 60_000)

  it('skips exactly the withdrawn and the malformed records', () => {
    expect(skipped.withdrawn).toEqual(WITHDRAWN)
    expect(skipped.malformed).toEqual(MALFORMED)
  })

  it('finds every listed version affected and no fixed version, except known data errors', () => {
    expect(tally.records).toBe(2644)
    expect(tally.listed).toBe(138_750)
    expect(tally.fixed).toBe(4909)
    expect(tally.disagreements).toEqual(KNOWN_DISAGREEMENTS)
  })

  it('orders the non-PEP 440 versions of the database through the legacy fallback', () => {
    // e.g. buildbot 0.7.10p1, rope 0.3m1, limnoria's dates: 108 listed versions (75 distinct) in
    // 28 records that a PEP 440-only parser (packaging >= 22) cannot place in any range.
    expect(tally.legacy.length).toBe(108)
    expect(new Set(tally.legacy).size).toBe(75)
    expect(tally.legacy).toEqual(
      expect.arrayContaining(['0.7.10p1', '0.3m1', '2.0.1rc2-git', 'trunk']),
    )
  })
})
