/**
 * Seeded random versions per ecosystem, built to be realistic and to hit the tricky rules:
 * epochs, `~` and `^`, pre/post/dev releases, qualifiers and their aliases, letters after
 * numbers, leading zeros, long numbers. Pairs are often near-misses of each other (one number
 * changed, a suffix added, a tail cut), so comparisons reach deep into the versions.
 */

export interface Random {
  /** An integer in [0, max). */
  readonly int: (max: number) => number
  readonly chance: (probability: number) => boolean
  readonly pick: <T>(items: readonly T[]) => T
}

/** mulberry32: small, fast and good enough to spread test cases. */
export const seededRandom = (seed: number): Random => {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (max: number): number => Math.floor(next() * max)
  return {
    int,
    chance: (probability) => next() < probability,
    pick: <T>(items: readonly T[]): T => {
      const item = items[int(items.length)]
      if (item === undefined) throw new Error('pick from an empty list')
      return item
    },
  }
}

type Generator = (random: Random) => string

const repeat = (random: Random, max: number, piece: () => string): string => {
  let text = ''
  const count = random.int(max + 1)
  for (let index = 0; index < count; index += 1) text += piece()
  return text
}

const NUMBERS = ['0', '1', '2', '3', '9', '10', '11', '01', '00', '100', '2023', '20240101']
const number = (random: Random): string =>
  random.chance(0.03)
    ? random.pick(['1234567890', '12345678901234567890', '007'])
    : random.pick(NUMBERS)

const dotted = (random: Random, max: number): string =>
  number(random) + repeat(random, max, () => `.${number(random)}`)

const debianPart = (random: Random, separators: readonly string[]): string =>
  number(random) +
  repeat(random, 4, () => {
    const kind = random.int(4)
    if (kind === 0) return random.pick(separators) + number(random)
    if (kind === 1)
      return (
        random.pick(['a', 'b', 'z', 'A', 'Z', 'rc', 'beta', 'dfsg', 'ds', 'git', 'really']) +
        number(random)
      )
    if (kind === 2)
      return (
        random.pick(['~', '~~', '~rc', '~beta', '~~a', '+', '+b', '+dfsg', '+deb12u', '.']) +
        (random.chance(0.6) ? number(random) : '')
      )
    return random.pick(separators) + random.pick(['a', 'rc', 'x', 'Z', '~'])
  })

const debian: Generator = (random) => {
  const epoch = random.chance(0.25) ? `${random.pick(['0', '1', '2', '10', '00'])}:` : ''
  const hasRevision = random.chance(0.65)
  const separators = [
    '.',
    '.',
    '+',
    '~',
    ...(hasRevision ? ['-'] : []),
    ...(epoch === '' ? [] : [':']),
  ]
  const upstream = debianPart(random, separators)
  if (!hasRevision) return epoch + upstream
  const revision = random.chance(0.5)
    ? random.pick([
        '1',
        '0ubuntu1',
        '1+deb12u3',
        '2~bpo11+1',
        '1build2',
        '0.1',
        '3ubuntu0.22.04.1',
        '1~exp1',
        '1+b1',
        '0',
        '00',
      ])
    : debianPart(random, ['.', '+', '~'])
  return `${epoch}${upstream}-${revision}`
}

const rpmPart = (random: Random): string =>
  number(random) +
  repeat(random, 4, () => {
    const kind = random.int(4)
    if (kind === 0) return random.pick(['.', '.', '_', '+', '']) + number(random)
    if (kind === 1)
      return (
        random.pick(['.', '', '_']) +
        random.pick(['a', 'b', 'rc', 'beta', 'el', 'fc', 'git', 'Z', 'module', 'post'])
      )
    if (kind === 2)
      return (
        random.pick(['~', '~~', '^', '^^', '~rc', '^git']) +
        (random.chance(0.6) ? number(random) : '')
      )
    return random.pick(['..', '.+', '%', '']) + number(random)
  })

const rpmRelease = (random: Random): string =>
  random.chance(0.5)
    ? `${number(random)}${random.pick(['.el8', '.el9_1', '.fc38', '.module+el8.1.0+1234+abcdef01', '', '.1', '.rc1', '~beta', '^1'])}`
    : rpmPart(random)

const rpm: Generator = (random) => {
  const epoch = random.chance(0.2) ? `${random.pick(['0', '1', '2', '00', '10'])}:` : ''
  const version = rpmPart(random)
  return random.chance(0.7) ? `${epoch}${version}-${rpmRelease(random)}` : epoch + version
}

const MAVEN_QUALIFIERS = [
  'alpha',
  'beta',
  'milestone',
  'rc',
  'cr',
  'snapshot',
  'ga',
  'final',
  'release',
  'sp',
  'a',
  'b',
  'm',
  'jre',
  'android',
  'foo',
  'RC',
  'Final',
  'SNAPSHOT',
  'GA',
  'M',
  'x',
  'dev',
  'pre',
  'SP',
]

const maven: Generator = (random) =>
  (random.chance(0.05) ? random.pick(MAVEN_QUALIFIERS) : number(random)) +
  repeat(random, 5, () => {
    const separator = random.pick(['.', '.', '-', '-', '', '..', '.-'])
    return separator + (random.chance(0.55) ? number(random) : random.pick(MAVEN_QUALIFIERS))
  })

/** The shape real Maven releases take: numbers, then at most one qualifier with a number. */
export const realisticMaven: Generator = (random) => {
  const qualifier = random.chance(0.5)
    ? `${random.pick(['-', '.', ''])}${random.pick(MAVEN_QUALIFIERS)}${random.chance(0.5) ? number(random) : ''}`
    : ''
  return dotted(random, 3) + qualifier
}

const pep440: Generator = (random) => {
  const epoch = random.chance(0.1) ? `${random.pick(['0', '1', '2'])}!` : ''
  const prefix = random.chance(0.05) ? random.pick(['v', 'V']) : ''
  const pre = random.chance(0.35)
    ? random.pick(['', '.', '-', '_']) +
      random.pick(['a', 'b', 'rc', 'c', 'alpha', 'beta', 'pre', 'preview', 'A', 'RC']) +
      random.pick(['', '.', '-']) +
      (random.chance(0.8) ? number(random) : '')
    : ''
  const post = random.chance(0.2)
    ? random.pick([
        '.post1',
        '-1',
        '.post',
        'post2',
        '.rev3',
        'r4',
        '-post5',
        '_post',
        '.POST0',
        '-0',
      ])
    : ''
  const dev = random.chance(0.2)
    ? random.pick(['.dev', '.dev1', 'dev2', '-dev3', '.DEV0', '_dev10'])
    : ''
  const local = random.chance(0.15)
    ? `+${random.pick(['ubuntu', '1', 'abc', '0x1', 'deb10u1', '01', 'Z'])}${repeat(random, 2, () => random.pick(['.', '-', '_']) + random.pick(['1', 'abc', '2', 'b']))}`
    : ''
  return prefix + epoch + dotted(random, 3) + pre + post + dev + local
}

const LEGACY_PIECES = [
  '-git',
  '.svn.r2010',
  'p1',
  '.fix1',
  '-final',
  'final-',
  'pl3',
  '-doduo',
  'm1',
  'beta6.1',
  '-p1',
  'd',
  '.dev',
  'T20:33:09+0100',
  '-',
  'c',
  'pre',
  '@',
  '*',
]

/** PyPI versions including legacy (non-PEP 440) ones, which only packaging < 22 can order. */
const pypiWithLegacy: Generator = (random) => {
  if (random.chance(0.5)) return pep440(random)
  if (random.chance(0.1))
    return random.pick(['trunk', 'a3', '2013-01-21T20:33:09+0100', '0.3m1', 'dev', 'final'])
  return (
    dotted(random, 3) +
    repeat(random, 3, () => random.pick(LEGACY_PIECES) + (random.chance(0.5) ? number(random) : ''))
  )
}

const semverCore = (random: Random): string =>
  `${random.pick(['0', '1', '2', '10', '11', '999999999'])}.${random.pick(['0', '1', '2', '10'])}.${random.pick(['0', '1', '2', '10'])}`

const SEMVER_IDENTIFIERS = [
  'alpha',
  'beta',
  'rc',
  '0',
  '1',
  '2',
  '10',
  'alpha-1',
  'x',
  'X',
  '11a',
  '-',
  'Alpha',
  '20210101000000',
  'abcdef123456',
]

const semver: Generator = (random) =>
  semverCore(random) +
  (random.chance(0.5)
    ? `-${random.pick(SEMVER_IDENTIFIERS)}${repeat(random, 3, () => `.${random.pick(SEMVER_IDENTIFIERS)}`)}`
    : '') +
  (random.chance(0.2) ? `+${random.pick(['build', '1', 'sha.5114f85', 'incompatible'])}` : '')

const go: Generator = (random) => {
  if (random.chance(0.15))
    return `v0.0.0-${random.pick(['20210101000000', '20191109021931', '20210101000001'])}-${random.pick(['abcdef123456', '1234567890ab'])}`
  if (random.chance(0.1)) return random.pick(['v1', 'v1.2', 'v2', 'v0', 'v1.19'])
  return `${random.chance(0.8) ? 'v' : ''}${semver(random)}`
}

const nuget: Generator = (random) =>
  dotted(random, 3) +
  (random.chance(0.4)
    ? `-${random.pick(SEMVER_IDENTIFIERS)}${repeat(random, 2, () => `.${random.pick(SEMVER_IDENTIFIERS)}`)}`
    : '') +
  (random.chance(0.1) ? '+meta' : '')

const ALPINE_SUFFIXES = ['alpha', 'beta', 'pre', 'rc', 'cvs', 'svn', 'git', 'hg', 'p']

const alpine: Generator = (random) =>
  dotted(random, 3) +
  (random.chance(0.15) ? random.pick(['a', 'b', 'z']) : '') +
  repeat(
    random,
    2,
    () => `_${random.pick(ALPINE_SUFFIXES)}${random.chance(0.6) ? number(random) : ''}`,
  ) +
  (random.chance(0.1) ? `~${random.pick(['abc123', '0f', 'deadbeef'])}` : '') +
  (random.chance(0.6) ? `-r${number(random)}` : '') +
  (random.chance(0.05) ? random.pick(['X', '_foo', '-x', '.', 'bc', '_']) : '')

const rubygems: Generator = (random) =>
  dotted(random, 3) +
  repeat(
    random,
    2,
    () =>
      random.pick(['.', '.', '-']) +
      (random.chance(0.5)
        ? number(random)
        : random.pick(['a', 'b', 'pre', 'rc', 'beta', 'A', 'alpha', 'z'])),
  )

const generic: Generator = (random) =>
  (random.chance(0.1) ? 'v' : '') +
  dotted(random, 3) +
  repeat(
    random,
    2,
    () =>
      random.pick(['', '.', '-', ' ', '_']) +
      random.pick([
        'a',
        'k',
        'za',
        'rc',
        'beta',
        'b',
        'sp',
        'p',
        'final',
        'alpha',
        'update',
        'dev',
        'RC',
      ]) +
      (random.chance(0.5) ? number(random) : ''),
  )

export const VERSION_GENERATORS = {
  debian,
  rpm,
  maven,
  realisticMaven,
  pypi: pep440,
  pypiWithLegacy,
  semver,
  go,
  nuget,
  alpine,
  rubygems,
  generic,
} as const satisfies Record<string, Generator>

export type SampleKind = keyof typeof VERSION_GENERATORS

/** Changes one number of `version`, or cuts its tail, or adds a piece from another sample. */
const nearMiss = (random: Random, version: string, generate: Generator): string => {
  const kind = random.int(4)
  if (kind === 0) {
    const runs = [...version.matchAll(/[0-9]+/g)]
    if (runs.length === 0) return generate(random)
    const run = random.pick(runs)
    const replacement = random.pick([String(Number(run[0]) + 1), `0${run[0]}`, '0', number(random)])
    return version.slice(0, run.index) + replacement + version.slice(run.index + run[0].length)
  }
  if (kind === 1) {
    const cut = 1 + random.int(Math.max(1, version.length - 1))
    return version.slice(0, cut)
  }
  if (kind === 2) return version + generate(random).replace(/^[0-9]+/, '')
  return random.chance(0.5)
    ? version.toUpperCase()
    : version.replace(/[.-]/, random.pick(['-', '.', '_', '']))
}

/** `count` pairs of one kind: a third unrelated, a tenth identical, the rest near-misses. */
export const samplePairs = (kind: SampleKind, count: number, seed: number): [string, string][] => {
  const random = seededRandom(seed)
  const generate = VERSION_GENERATORS[kind]
  const pairs: [string, string][] = []
  while (pairs.length < count) {
    const a = generate(random)
    const roll = random.int(10)
    const b = roll < 3 ? generate(random) : roll < 4 ? a : nearMiss(random, a, generate)
    if (b !== '') pairs.push(random.chance(0.5) ? [a, b] : [b, a])
  }
  return pairs
}
