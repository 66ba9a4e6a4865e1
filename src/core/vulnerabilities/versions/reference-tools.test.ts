import { describe, expect, it } from 'vitest'

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
} from '../../../../test/support/version-oracles.js'
import { samplePairs, type SampleKind } from '../../../../test/support/version-samples.js'
import { isPep440Version } from './pypi-order.js'
import { compareVersions, type VersionFamily } from './version-key.js'

// Our comparators against the reference implementations installed on this machine, on seeded
// random pairs built to be tricky. Validity counts too: where the tool rejects a version, we
// must have no key for it.

const ours = (family: VersionFamily, pairs: readonly VersionPair[]): OracleAnswer[] =>
  pairs.map(([a, b]) => compareVersions(family, a, b) ?? 'invalid')

/** Every kind of answer occurs often enough for the sample to mean something. */
const expectVariety = (answers: readonly OracleAnswer[]): void => {
  for (const answer of [-1, 0, 1] as const) {
    expect(
      answers.filter((value) => value === answer).length,
      `answers ${String(answer)}`,
    ).toBeGreaterThan(answers.length / 20)
  }
}

interface Case {
  readonly family: VersionFamily
  readonly kind: SampleKind
  readonly count: number
  readonly oracle: VersionOracle
}

const CASES: readonly Case[] = [
  { family: 'debian', kind: 'debian', count: 2000, oracle: dpkgOracle() },
  { family: 'rpm', kind: 'rpm', count: 4000, oracle: rpmOracle() },
  { family: 'maven', kind: 'maven', count: 4000, oracle: mavenOracle() },
  { family: 'pypi', kind: 'pypiWithLegacy', count: 4000, oracle: legacyPackagingOracle() },
]

describe.each(CASES)('$family order against $oracle.name', ({ family, kind, count, oracle }) => {
  it.skipIf(oracle.missing !== undefined)(
    `agrees on ${String(count)} generated pairs${oracle.missing === undefined ? '' : ` (skipped: ${oracle.missing})`}`,
    async () => {
      const pairs = samplePairs(kind, count, 20240601)
      const mine = ours(family, pairs)
      const theirs = await oracle.compare(pairs, mine)
      expect(disagreements(pairs, mine, theirs)).toEqual([])
      expectVariety(theirs)
    },
    120_000,
  )
})

describe('pypi order against python packaging.version (PEP 440)', () => {
  const oracle = packagingOracle()
  it.skipIf(oracle.missing !== undefined)(
    `agrees on 4000 generated pairs and on which strings are PEP 440${oracle.missing === undefined ? '' : ` (skipped: ${oracle.missing})`}`,
    async () => {
      const pairs = samplePairs('pypi', 4000, 20240602)
      const theirs = await oracle.compare(pairs)
      const classified = pairs.map(([a, b]) =>
        isPep440Version(a) && isPep440Version(b) ? 'valid' : 'invalid',
      )
      expect(theirs.map((answer) => (answer === 'invalid' ? 'invalid' : 'valid'))).toEqual(
        classified,
      )
      const valid = pairs.filter((_, index) => theirs[index] !== 'invalid')
      const mine = ours('pypi', valid)
      expect(
        disagreements(
          valid,
          mine,
          theirs.filter((answer) => answer !== 'invalid'),
        ),
      ).toEqual([])
      expect(valid.length).toBeGreaterThan(3000)
      expectVariety(mine)
    },
    60_000,
  )
})
