// npx tsx bench/version-order.ts: our version orders against the reference tools on 100k seeded
// pairs per ecosystem (disagreements must be 0), and the speed of comparing pre-parsed keys
// against the string libraries (semver, @renovatebot/pep440) measured in the same run.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { compare as pep440Compare } from '@renovatebot/pep440'
import { compare as semverCompare, valid as semverValid } from 'semver'
import { parse as parseYaml } from 'yaml'

import type { AffectedPackage, OsvRange } from '../src/core/vulnerabilities/advisory.js'
import {
  compileAffected,
  compareVersionKeys,
  compareVersions,
  parseVersionKey,
  type VersionFamily,
  type VersionKey,
} from '../src/core/vulnerabilities/versions/index.js'
import { isPep440Version } from '../src/core/vulnerabilities/versions/pypi-order.js'
import {
  disagreements,
  dpkgOracle,
  legacyPackagingOracle,
  mavenOracle,
  packagingOracle,
  rpmOracle,
  type OracleAnswer,
  type VersionOracle,
  type VersionPair,
} from '../test/support/version-oracles.js'
import { testdataPath } from '../test/support/testdata.js'
import { samplePairs, type SampleKind } from '../test/support/version-samples.js'

// A smaller count (first argument) is for trying changes; the report needs at least 100k.
const PAIRS = Number(process.argv[2] ?? 100_000)
const SEED = 7_2024

const ours = (family: VersionFamily, pairs: readonly VersionPair[]): OracleAnswer[] =>
  pairs.map(([a, b]) => compareVersions(family, a, b) ?? 'invalid')

interface OracleRow {
  readonly family: VersionFamily
  readonly kind: SampleKind
  readonly oracle: VersionOracle | undefined
}

const ORACLE_ROWS: readonly OracleRow[] = [
  { family: 'debian', kind: 'debian', oracle: dpkgOracle() },
  { family: 'rpm', kind: 'rpm', oracle: rpmOracle() },
  { family: 'maven', kind: 'maven', oracle: mavenOracle() },
  { family: 'pypi', kind: 'pypi', oracle: packagingOracle() },
  { family: 'pypi', kind: 'pypiWithLegacy', oracle: legacyPackagingOracle() },
  { family: 'semver', kind: 'semver', oracle: undefined },
  { family: 'go', kind: 'go', oracle: undefined },
  { family: 'nuget', kind: 'nuget', oracle: undefined },
  { family: 'alpine', kind: 'alpine', oracle: undefined },
  { family: 'rubygems', kind: 'rubygems', oracle: undefined },
  { family: 'generic', kind: 'generic', oracle: undefined },
]

/** node-semver itself is the reference for SemVer: its compare, wherever it parses both. */
const semverAnswers = (pairs: readonly VersionPair[]): OracleAnswer[] =>
  pairs.map(([a, b]) =>
    semverValid(a) !== null && semverValid(b) !== null ? semverCompare(a, b) : 'invalid',
  )

/**
 * packaging >= 22 knows PEP 440 only: where it answers "invalid", we must have taken the legacy
 * fallback for one side; elsewhere our answers must be its answers.
 */
const pep440Disagreements = (
  pairs: readonly VersionPair[],
  mine: readonly OracleAnswer[],
  theirs: readonly OracleAnswer[],
): number =>
  pairs.filter(([a, b], index) => {
    const reference = theirs[index]
    const pep440 = isPep440Version(a) && isPep440Version(b)
    return reference === 'invalid' ? pep440 : !pep440 || mine[index] !== reference
  }).length

const checkRow = async (row: OracleRow): Promise<string> => {
  const pairs = samplePairs(row.kind, PAIRS, SEED)
  const mine = ours(row.family, pairs)
  if (row.family === 'semver') {
    const found = disagreements(pairs, mine, semverAnswers(pairs))
    return `| ${row.family} | ${row.kind} | ${String(pairs.length)} | node-semver compare | ${String(found.length)} | |`
  }
  if (row.oracle === undefined) {
    return `| ${row.family} | ${row.kind} | ${String(pairs.length)} | none on this machine (vector tests only) | — | |`
  }
  if (row.oracle.missing !== undefined) {
    return `| ${row.family} | ${row.kind} | ${String(pairs.length)} | ${row.oracle.name} | skipped: ${row.oracle.missing} | |`
  }
  const started = performance.now()
  const theirs = await row.oracle.compare(pairs, mine)
  const seconds = (performance.now() - started) / 1000
  if (row.kind === 'pypi') {
    const valid = theirs.filter((answer) => answer !== 'invalid').length
    const found = pep440Disagreements(pairs, mine, theirs)
    return `| ${row.family} | ${row.kind} | ${String(pairs.length)} (${String(valid)} both PEP 440) | ${row.oracle.name} | ${String(found)} | ${seconds.toFixed(1)} s |`
  }
  const found = disagreements(pairs, mine, theirs)
  for (const sample of found.slice(0, 5)) console.error(JSON.stringify(sample))
  return `| ${row.family} | ${row.kind} | ${String(pairs.length)} | ${row.oracle.name} | ${String(found.length)} | ${seconds.toFixed(1)} s |`
}

/** Operations per second of `work` over `count` items, best of five rounds of >= 200 ms. */
const rate = (count: number, work: () => number): number => {
  let best = 0
  let sink = 0
  for (let round = 0; round < 5; round += 1) {
    let done = 0
    const started = performance.now()
    while (performance.now() - started < 200) {
      sink += work()
      done += count
    }
    best = Math.max(best, done / ((performance.now() - started) / 1000))
  }
  if (Number.isNaN(sink)) throw new Error('unreachable')
  return best
}

const keyPairs = (
  family: VersionFamily,
  pairs: readonly VersionPair[],
): [VersionKey, VersionKey][] =>
  pairs.flatMap(([a, b]) => {
    const left = parseVersionKey(family, a)
    const right = parseVersionKey(family, b)
    return left === undefined || right === undefined
      ? []
      : [[left, right] as [VersionKey, VersionKey]]
  })

const format = (perSecond: number): string =>
  perSecond >= 1e6 ? `${(perSecond / 1e6).toFixed(2)} M/s` : `${(perSecond / 1e3).toFixed(0)} k/s`

interface SpeedRow {
  readonly family: VersionFamily
  readonly kind: SampleKind
  readonly library?: { readonly name: string; readonly compare: (a: string, b: string) => number }
}

const SPEED_ROWS: readonly SpeedRow[] = [
  { family: 'semver', kind: 'semver', library: { name: 'semver.compare', compare: semverCompare } },
  {
    family: 'pypi',
    kind: 'pypi',
    library: { name: '@renovatebot/pep440 compare', compare: pep440Compare },
  },
  { family: 'go', kind: 'go' },
  { family: 'nuget', kind: 'nuget' },
  { family: 'maven', kind: 'maven' },
  { family: 'debian', kind: 'debian' },
  { family: 'rpm', kind: 'rpm' },
  { family: 'alpine', kind: 'alpine' },
  { family: 'rubygems', kind: 'rubygems' },
  { family: 'generic', kind: 'generic' },
]

const speedRow = (row: SpeedRow): string => {
  const keys = keyPairs(row.family, samplePairs(row.kind, 20_000, SEED + 1))
  // The same pairs as strings, for the parse-every-time forms.
  const strings: [string, string][] = samplePairs(row.kind, 20_000, SEED + 1).filter(
    ([a, b]) => compareVersions(row.family, a, b) !== undefined,
  )
  const keyed = rate(keys.length, () => {
    let total = 0
    for (const [a, b] of keys) total += compareVersionKeys(a, b)
    return total
  })
  const ourStrings = rate(strings.length, () => {
    let total = 0
    for (const [a, b] of strings) total += compareVersions(row.family, a, b) ?? 0
    return total
  })
  const library = row.library
  if (library === undefined) {
    return `| ${row.family} | ${format(keyed)} | ${format(ourStrings)} | — | — |`
  }
  const usable = strings.filter(([a, b]) => {
    try {
      library.compare(a, b)
      return true
    } catch {
      return false
    }
  })
  const libraryRate = rate(usable.length, () => {
    let total = 0
    for (const [a, b] of usable) total += library.compare(a, b)
    return total
  })
  return `| ${row.family} | ${format(keyed)} | ${format(ourStrings)} | ${library.name}: ${format(libraryRate)} | ${(keyed / libraryRate).toFixed(1)}× |`
}

console.log(
  `## Agreement with the reference tools (${String(PAIRS)} seeded pairs per row, seed ${String(SEED)})`,
)
console.log('')
console.log('| family | sample | pairs compared | reference | disagreements | reference time |')
console.log('|---|---|---|---|---|---|')
for (const row of ORACLE_ROWS) console.log(await checkRow(row))

console.log('')
console.log('## Compare speed (same run, same machine)')
console.log('')
console.log(
  '| family | pre-parsed keys | our string form (parse both + compare) | string library | keys ÷ library |',
)
console.log('|---|---|---|---|---|')
for (const row of SPEED_ROWS) console.log(speedRow(row))

/** Every affected entry of the PyPA database, with the versions it lists. */
const pypaEntries = (): {
  readonly affected: AffectedPackage
  readonly listed: readonly string[]
}[] => {
  const root = testdataPath('pypa-advisory-database', 'vulns')
  return readdirSync(root).flatMap((pkg) =>
    readdirSync(path.join(root, pkg)).flatMap((file) => {
      const record = parseYaml(readFileSync(path.join(root, pkg, file), 'utf8'), {
        schema: 'failsafe',
      }) as {
        affected?: {
          package: { ecosystem: string; name: string }
          ranges?: OsvRange[]
          versions?: string[]
        }[]
      }
      return (record.affected ?? []).map((entry) => ({
        affected: { ...entry.package, ranges: entry.ranges ?? [], versions: [] },
        listed: entry.versions ?? [],
      }))
    }),
  )
}

/** The same question answered the slow way: pep440 string comparisons per event, per query. */
const naiveAffected = (ranges: readonly OsvRange[], version: string): boolean =>
  ranges.some((range) => {
    if (range.type !== 'ECOSYSTEM') return false
    let affected = false
    for (const event of range.events) {
      try {
        if ('introduced' in event) {
          if (event.introduced === '0' || pep440Compare(version, event.introduced) >= 0)
            affected = true
        } else if ('fixed' in event) {
          if (pep440Compare(version, event.fixed) >= 0) affected = false
        } else if ('last_affected' in event && pep440Compare(version, event.last_affected) > 0) {
          affected = false
        }
      } catch {
        return false
      }
    }
    return affected
  })

const entries = pypaEntries()
const queries = entries.reduce((total, entry) => total + entry.listed.length, 0)
const compileStarted = performance.now()
const compiled = entries.map((entry) => ({ predicate: compileAffected(entry.affected), entry }))
const compileMs = performance.now() - compileStarted
const evaluateStarted = performance.now()
let affectedCount = 0
for (const { predicate, entry } of compiled) {
  for (const version of entry.listed) if (predicate.isAffected(version)) affectedCount += 1
}
const evaluateMs = performance.now() - evaluateStarted
const naiveStarted = performance.now()
let naiveCount = 0
for (const { entry } of compiled) {
  for (const version of entry.listed)
    if (naiveAffected(entry.affected.ranges, version)) naiveCount += 1
}
const naiveMs = performance.now() - naiveStarted

console.log('')
console.log('## OSV range evaluation on the PyPA database (ranges only, explicit lists removed)')
console.log('')
console.log('| step | entries / queries | time | per second | found affected |')
console.log('|---|---|---|---|---|')
console.log(
  `| compileAffected | ${String(entries.length)} entries | ${compileMs.toFixed(0)} ms | ${format(entries.length / (compileMs / 1000))} | |`,
)
console.log(
  `| isAffected (parse query once, compare keys) | ${String(queries)} queries | ${evaluateMs.toFixed(0)} ms | ${format(queries / (evaluateMs / 1000))} | ${String(affectedCount)} |`,
)
console.log(
  `| naive: pep440 string compare per event (unsorted walk) | ${String(queries)} queries | ${naiveMs.toFixed(0)} ms | ${format(queries / (naiveMs / 1000))} | ${String(naiveCount)} |`,
)
