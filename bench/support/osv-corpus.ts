// Seeded OSV-like advisories shaped by the real distributions in performance-notes.md (D1):
// advisories per package heavy-tailed (median 1, p90 4, max 300), 1-3 affected packages,
// ~3.2 events per range, 60 % of PyPI entries with an explicit `versions` list (half of those
// with GIT ranges only, as PYSEC records have), ~2 KB of prose per record.
import { logUniform, pick, seededRandom } from './random.js'

export const CORPUS_ECOSYSTEMS = ['npm', 'PyPI', 'crates.io', 'Go'] as const
export type CorpusEcosystem = (typeof CORPUS_ECOSYSTEMS)[number]

/** Shares of the records; each stays under 65,535 zip entries at 200k (no zip64 in buildZip). */
const SHARES: Readonly<Record<CorpusEcosystem, number>> = {
  npm: 0.3,
  PyPI: 0.3,
  'crates.io': 0.2,
  Go: 0.2,
}

export const PURL_TYPES: Readonly<Record<CorpusEcosystem, string>> = {
  npm: 'npm',
  PyPI: 'pypi',
  'crates.io': 'cargo',
  Go: 'golang',
}

/** A package name as osv.dev's purl helper spells it: `@` of an npm scope encoded. */
export const purlName = (name: string): string => name.split('/').map(encodeURIComponent).join('/')

export interface CorpusPackage {
  readonly name: string
  /** Releases in ascending version order. */
  readonly releases: readonly string[]
  /** How many advisories name it: popular (heavily advised) packages are picked more often. */
  readonly weight: number
}

type OsvEvent = Readonly<Partial<Record<'introduced' | 'fixed' | 'last_affected', string>>>

export interface OsvRecordJson {
  readonly id: string
  readonly affected: readonly {
    readonly package: { readonly ecosystem: string; readonly name: string; readonly purl: string }
    readonly ranges: readonly { readonly type: string; readonly events: readonly OsvEvent[] }[]
    readonly versions?: readonly string[]
  }[]
  readonly [field: string]: unknown
}

export interface OsvCorpus {
  readonly records: ReadonlyMap<CorpusEcosystem, readonly OsvRecordJson[]>
  readonly packages: ReadonlyMap<CorpusEcosystem, readonly CorpusPackage[]>
  /** One entry per advisory slot: picking from it favours heavily advised packages. */
  readonly slots: ReadonlyMap<CorpusEcosystem, readonly CorpusPackage[]>
}

/** Discrete Pareto with alpha 1.6: P(k >= x) = x^-1.6, so median 1 and p90 4; capped at 300. */
const advisoriesPerPackage = (next: () => number): number =>
  Math.min(300, Math.floor(1 / Math.pow(1 - next(), 1 / 1.6)))

const releasesOf = (next: () => number, ecosystem: CorpusEcosystem): string[] => {
  const count = ecosystem === 'PyPI' ? logUniform(next, 10, 1200) : logUniform(next, 5, 200)
  let [major, minor, patch] = [0, 1, 0]
  const releases: string[] = []
  while (releases.length < count) {
    const step = next()
    if (step < 0.7) patch += 1
    else if (step < 0.92) [minor, patch] = [minor + 1, 0]
    else [major, minor, patch] = [major + 1, 0, 0]
    const release = `${String(major)}.${String(minor)}.${String(patch)}`
    if (next() < 0.05) releases.push(ecosystem === 'PyPI' ? `${release}rc1` : `${release}-beta.1`)
    releases.push(release)
    if (ecosystem === 'PyPI' && next() < 0.03) releases.push(`${release}.post1`)
  }
  return releases
}

const nameOf = (next: () => number, ecosystem: CorpusEcosystem, index: number): string => {
  const stem = `${Math.floor(next() * 0x1000000).toString(36)}${index.toString(36)}`
  switch (ecosystem) {
    case 'npm':
      return next() < 0.1 ? `@scope${String(index % 97)}/pkg-${stem}` : `pkg-${stem}`
    case 'PyPI':
      return `py-${stem}`
    case 'crates.io':
      return `crate_${stem}`
    case 'Go':
      return `github.com/org${String(index % 500)}/mod-${stem}`
  }
}

/** Event counts per range and their shares: 0.4×2 + 0.1×3 + 0.45×4 + 0.05×6 = 3.2. */
const eventCount = (next: () => number): number => {
  const roll = next()
  return roll < 0.4 ? 2 : roll < 0.5 ? 3 : roll < 0.95 ? 4 : 6
}

interface Interval {
  readonly from: number
  /** Exclusive end index; releases.length for an open range. */
  readonly to: number
  readonly events: OsvEvent[]
}

/** Events over distinct release indices, ascending; the covered index intervals alongside. */
const rangeOf = (next: () => number, releases: readonly string[]): Interval[] => {
  const wanted = Math.min(eventCount(next), releases.length - 1)
  const count = wanted < 2 ? 2 : wanted
  const indices = new Set<number>()
  while (indices.size < count) indices.add(Math.floor(next() * releases.length))
  const sorted = [...indices].sort((a, b) => a - b)
  const intervals: Interval[] = []
  for (let i = 0; i < sorted.length; i += 2) {
    const from = sorted[i] ?? 0
    const end = sorted[i + 1]
    const zero = i === 0 && next() < 0.2
    const introduced = { introduced: zero ? '0' : (releases[from] ?? '0') }
    if (end === undefined) {
      intervals.push({ from: zero ? 0 : from, to: releases.length, events: [introduced] })
    } else if (next() < 0.1) {
      const last = { last_affected: releases[end] ?? '' }
      intervals.push({ from: zero ? 0 : from, to: end + 1, events: [introduced, last] })
    } else {
      const fixed = { fixed: releases[end] ?? '' }
      intervals.push({ from: zero ? 0 : from, to: end, events: [introduced, fixed] })
    }
  }
  return intervals
}

const sha = (next: () => number): string =>
  Array.from({ length: 5 }, () =>
    Math.floor(next() * 0x100000000)
      .toString(16)
      .padStart(8, '0'),
  ).join('')

const affectedOf = (next: () => number, ecosystem: CorpusEcosystem, pkg: CorpusPackage) => {
  const rangeCount = next() < 0.75 ? 1 : 2
  const ranges = Array.from({ length: rangeCount }, () => rangeOf(next, pkg.releases))
  const listed = ecosystem === 'PyPI' && next() < 0.6
  const gitOnly = listed && next() < 0.5
  const versions = listed
    ? pkg.releases.filter((_, index) =>
        ranges.some((range) => range.some((part) => index >= part.from && index < part.to)),
      )
    : undefined
  const type = ecosystem === 'PyPI' ? 'ECOSYSTEM' : 'SEMVER'
  return {
    package: {
      ecosystem,
      name: pkg.name,
      purl: `pkg:${PURL_TYPES[ecosystem]}/${purlName(pkg.name)}`,
    },
    ranges: gitOnly
      ? [
          {
            type: 'GIT',
            repo: 'https://git.example/repo',
            events: [{ introduced: sha(next) }, { fixed: sha(next) }],
          },
        ]
      : ranges.map((range) => ({ type, events: range.flatMap((part) => part.events) })),
    ...(versions === undefined ? {} : { versions }),
    database_specific: { source: 'bench' },
  }
}

const WORDS =
  'the a an attacker remote local crafted request response buffer overflow injection denial of service memory corruption validation input header parser cookie session token privilege escalation arbitrary code execution cross site scripting path traversal deserialization untrusted data component library version affected fixed upgrade mitigation when allows via could leads to'.split(
    ' ',
  )

const prosePool = (next: () => number): string[] =>
  Array.from({ length: 256 }, () => {
    let text = ''
    while (text.length < 1900) text += `${pick(next, WORDS)} `
    return text
  })

const recordOf = (
  next: () => number,
  ecosystem: CorpusEcosystem,
  id: number,
  packages: readonly CorpusPackage[],
  prose: readonly string[],
): OsvRecordJson => {
  const year = 2015 + (id % 11)
  return {
    schema_version: '1.6.0',
    id: `BENCH-${ecosystem.replace('.', '')}-${String(id).padStart(6, '0')}`,
    modified: '2025-06-01T00:00:00Z',
    published: `${String(year)}-03-01T00:00:00Z`,
    aliases: [`CVE-${String(year)}-${String(10000 + id)}`],
    summary: `Synthetic advisory ${String(id)} in ${packages[0]?.name ?? ''}`,
    details: `${pick(next, prose)}(record ${String(id)})`,
    severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }],
    affected: packages.map((pkg) => affectedOf(next, ecosystem, pkg)),
    references: [
      { type: 'ADVISORY', url: `https://advisories.example/${String(id)}` },
      { type: 'FIX', url: `https://git.example/${packages[0]?.name ?? ''}/commit/${sha(next)}` },
      { type: 'WEB', url: `https://nvd.example/vuln/CVE-${String(year)}-${String(10000 + id)}` },
    ],
    database_specific: { cwe_ids: ['CWE-79'], severity: 'HIGH', github_reviewed: true },
  }
}

const ecosystemCorpus = (next: () => number, ecosystem: CorpusEcosystem, count: number) => {
  // Each record names 1 package (80 %), 2 (15 %) or 3 (5 %): ~1.25 slots per record.
  const sizes = Array.from({ length: count }, () => {
    const roll = next()
    return roll < 0.8 ? 1 : roll < 0.95 ? 2 : 3
  })
  const needed = sizes.reduce((sum, size) => sum + size, 0)
  const packages: CorpusPackage[] = []
  const slots: CorpusPackage[] = []
  while (slots.length < needed) {
    const weight = advisoriesPerPackage(next)
    const pkg = {
      name: nameOf(next, ecosystem, packages.length),
      releases: releasesOf(next, ecosystem),
      weight,
    }
    packages.push(pkg)
    for (let i = 0; i < weight; i += 1) slots.push(pkg)
  }
  // Fisher-Yates, so each record draws its packages from anywhere in the heavy tail.
  for (let i = slots.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1))
    const a = slots[i]
    const b = slots[j]
    if (a !== undefined && b !== undefined) [slots[i], slots[j]] = [b, a]
  }
  const prose = prosePool(next)
  let cursor = 0
  const records = sizes.map((size, id) => {
    const named = new Set(slots.slice(cursor, cursor + size))
    cursor += size
    return recordOf(next, ecosystem, id, [...named], prose)
  })
  return { records, packages, slots }
}

/** `count` records across npm, PyPI, crates.io and Go; the same seed gives the same corpus. */
export const generateOsvCorpus = (count: number, seed = 20_250_601): OsvCorpus => {
  const next = seededRandom(seed)
  const records = new Map<CorpusEcosystem, readonly OsvRecordJson[]>()
  const packages = new Map<CorpusEcosystem, readonly CorpusPackage[]>()
  const slots = new Map<CorpusEcosystem, readonly CorpusPackage[]>()
  for (const ecosystem of CORPUS_ECOSYSTEMS) {
    const part = ecosystemCorpus(next, ecosystem, Math.round(count * SHARES[ecosystem]))
    records.set(ecosystem, part.records)
    packages.set(ecosystem, part.packages)
    slots.set(ecosystem, part.slots)
  }
  return { records, packages, slots }
}
