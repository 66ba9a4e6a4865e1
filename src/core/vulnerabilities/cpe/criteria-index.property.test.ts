import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import type { Advisory, CpeConfiguration, CpeMatchCriterion } from '../advisory.js'
import { componentCpe, type ComponentCpe } from './configuration-match.js'
import { buildCpeCriteriaIndex, matchCpeIndex } from './criteria-index.js'
import { CPE_MATCH_POLICIES } from './criterion-applies.js'
import { matchAdvisoriesBruteForce } from './match-configurations.js'

/** A small vocabulary, so that random criteria and components often meet. */
const part = fc.constantFrom('a', 'o', 'h', '*', '-')
const vendor = fc.constantFrom('acme', 'acme', 'ge', '*', '-', 'ac*', '?e')
const product = fc.constantFrom('pump', 'pump', 'tcp\\/ip', '*', '-', '*mp')
const version = fc.constantFrom('1.0', '1.2', '2.0', '2.0a', '*', '-', '1.*')
const targetSw = fc.constantFrom('*', '*', 'linux', '-')

const cpeText = fc
  .tuple(part, vendor, product, version, targetSw)
  .map(([p, v, pr, ver, sw]) => `cpe:2.3:${p}:${v}:${pr}:${ver}:*:*:*:*:${sw}:*:*`)

const bound = fc.option(fc.constantFrom('1.0', '1.2', '2.0'), { nil: undefined })

const criterion: fc.Arbitrary<CpeMatchCriterion> = fc
  .record({
    vulnerable: fc.boolean(),
    criteria: cpeText,
    start: bound,
    startExcluding: fc.boolean(),
    end: bound,
    endExcluding: fc.boolean(),
  })
  .map(({ vulnerable, criteria, start, startExcluding, end, endExcluding }) => ({
    vulnerable,
    criteria,
    ...(start === undefined
      ? {}
      : startExcluding
        ? { versionStartExcluding: start }
        : { versionStartIncluding: start }),
    ...(end === undefined
      ? {}
      : endExcluding
        ? { versionEndExcluding: end }
        : { versionEndIncluding: end }),
  }))

const configuration: fc.Arbitrary<CpeConfiguration> = fc.record({
  operator: fc.constantFrom('AND', 'OR'),
  negate: fc.constantFrom(false, false, false, true),
  nodes: fc.array(
    fc.record({
      operator: fc.constantFrom('AND', 'OR'),
      negate: fc.constantFrom(false, false, false, true),
      cpeMatch: fc.array(criterion, { minLength: 1, maxLength: 3 }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
})

const advisories: fc.Arbitrary<Advisory[]> = fc
  .array(
    fc.record({
      configurations: fc.array(configuration, { minLength: 1, maxLength: 3 }),
      withdrawn: fc.constantFrom(undefined, undefined, undefined, '2024-01-01T00:00:00Z'),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((list) =>
    list.map(({ configurations, withdrawn }, index) => ({
      id: `CVE-2024-${String(1000 + index)}`,
      source: 'nvd',
      aliases: [],
      modified: '2024-01-01T00:00:00Z',
      ...(withdrawn === undefined ? {} : { withdrawn }),
      severity: [],
      affected: [],
      configurations,
      products: [],
    })),
  )

const parsedCpes = (texts: readonly string[]): ComponentCpe[] =>
  texts.flatMap((text) => {
    const parsed = componentCpe(text)
    return parsed.ok ? [parsed.value] : []
  })

const CONCRETE: Readonly<Record<string, string>> = {
  'ac*': 'acme',
  '?e': 'ge',
  '*mp': 'pump',
  '1.*': '1.2',
}

/** A criterion of the advisories with its `*` values filled in: a CPE it likely covers. */
const near = (list: readonly Advisory[]): fc.Arbitrary<string> => {
  const criteria = list.flatMap((advisory) =>
    advisory.configurations.flatMap((item) =>
      item.nodes.flatMap((node) => node.cpeMatch.map((match) => match.criteria)),
    ),
  )
  if (criteria.length === 0) return cpeText
  return fc
    .tuple(
      fc.constantFrom(...criteria),
      fc.array(fc.constantFrom('1.2', 'x', '*'), { minLength: 13, maxLength: 13 }),
    )
    .map(([text, fills]) =>
      text
        .split(':')
        .map((field, index) =>
          index > 2 && field === '*' ? (fills[index] ?? '*') : (CONCRETE[field] ?? field),
        )
        .join(':'),
    )
}

const casesOf = fc.tuple(advisories).chain(([list]) =>
  fc.tuple(
    fc.constant(list),
    fc
      .tuple(fc.array(cpeText, { maxLength: 3 }), fc.array(near(list), { maxLength: 3 }))
      .map(([random, close]) => parsedCpes([...random, ...close])),
  ),
)

describe('matchCpeIndex', () => {
  it.each(CPE_MATCH_POLICIES)(
    'returns exactly what the brute-force evaluator returns (%s)',
    (policy) => {
      let matched = 0
      fc.assert(
        fc.property(casesOf, ([list, cpes]) => {
          const expected = matchAdvisoriesBruteForce(list, cpes, { policy })
          matched += expected.length
          expect(matchCpeIndex(buildCpeCriteriaIndex(list), cpes, { policy })).toEqual(expected)
        }),
        { seed: 42, numRuns: 3000 },
      )
      // The property must not hold vacuously: random inputs do match.
      expect(matched).toBeGreaterThan(150)
    },
  )
})
