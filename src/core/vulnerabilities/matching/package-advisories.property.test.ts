import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import type { Advisory, AffectedPackage, OsvEvent, OsvRange } from '../advisory.js'
import { compileAffected } from '../versions/index.js'
import { indexPackageEntries } from './package-advisories.js'
import { buildAdvisoryIndex, findAdvisoryMatches, type CompileAffected } from './scan.js'
import type { ScanTarget } from './scan-target.js'

// The interval index must answer exactly what asking every entry's own predicate answers (the
// path it replaces). Versions come from small pools per ecosystem, with equal-but-differently
// spelled versions (`1.0` and `1.0.0` in PEP 440), pre-releases, epochs and strings that are no
// version at all, so that bounds coincide often and ties between events are common.
const ECOSYSTEMS = {
  npm: {
    name: 'example',
    purl: 'pkg:npm/example',
    pool: ['0.0.0', '0.1.0', '1.0.0-rc.1', '1.0.0', '1.0.1', '1.2.0', '2.0.0', '10.0.0', 'x'],
  },
  PyPI: {
    name: 'Example_Pkg',
    purl: 'pkg:pypi/example-pkg',
    pool: ['0', '1.0', '1.0.0', '1.0rc1', '1.0.post1', '2.0.dev1', '2.0', '2!0.1', 'not version'],
  },
  Go: {
    name: 'example.com/mod',
    purl: 'pkg:golang/example.com/mod',
    pool: [
      '0.0.0-20200101000000-abcdefabcdef',
      '1.0.0',
      '1.1.0',
      '1.1.0-pre',
      '2.0.0+incompatible',
    ],
  },
  'Debian:12': {
    name: 'openssl',
    purl: 'pkg:deb/debian/openssl',
    pool: ['1.0-1', '1.0~rc1-1', '1:0.9', '1.0', '2.0-1', '3.0.11-1~deb12u2'],
  },
  Maven: {
    name: 'org.example:lib',
    purl: 'pkg:maven/org.example/lib',
    pool: ['1.0', '1.0-SNAPSHOT', '1.0.1', '1.0.Final', '2.0', '2.0-rc1'],
  },
  Packagist: {
    name: 'vendor/lib',
    purl: 'pkg:composer/vendor/lib',
    pool: ['1.0', 'v1.0.1', '1.1-beta', '2.0', 'dev-main'],
  },
} as const
type Ecosystem = keyof typeof ECOSYSTEMS
const NAMES = Object.keys(ECOSYSTEMS) as Ecosystem[]

const eventOf = (pool: readonly string[]): fc.Arbitrary<OsvEvent> =>
  fc.oneof(
    fc.constantFrom('0', ...pool).map((introduced) => ({ introduced })),
    fc.constantFrom(...pool).map((fixed) => ({ fixed })),
    fc.constantFrom(...pool).map((last_affected) => ({ last_affected })),
    fc.constantFrom('*', ...pool).map((limit) => ({ limit })),
  )

const rangeOf = (pool: readonly string[]): fc.Arbitrary<OsvRange> =>
  fc.record({
    type: fc.constantFrom('ECOSYSTEM', 'ECOSYSTEM', 'SEMVER', 'GIT'),
    events: fc.array(eventOf(pool), { maxLength: 6 }),
  })

const affectedOf = (ecosystem: Ecosystem): fc.Arbitrary<AffectedPackage> => {
  const { name, pool } = ECOSYSTEMS[ecosystem]
  return fc.record({
    ecosystem: fc.constant<string>(ecosystem),
    name: fc.constant<string>(name),
    ranges: fc.array(rangeOf(pool), { maxLength: 3 }),
    versions: fc.subarray([...pool]),
  })
}

const anyAffected = fc.constantFrom(...NAMES).chain(affectedOf)

describe('interval index over the entries of a package', () => {
  it('answers for every version exactly what each entry compiled alone answers', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom(...NAMES)
          .chain((ecosystem) =>
            fc.tuple(
              fc.constant(ecosystem),
              fc.array(affectedOf(ecosystem), { minLength: 1, maxLength: 40 }),
            ),
          ),
        ([ecosystem, entries]) => {
          const compiled = entries.map((entry) => compileAffected(entry))
          const packageEntries = compiled.map((one, at) => ({
            advisoryId: String(at),
            ecosystem,
            name: 'x',
            advisory: () => {
              throw new Error('not needed')
            },
            listed: one.listed,
            intervals: one.intervals,
            ...(one.intervals === undefined ? { isAffected: one.isAffected } : {}),
          }))
          // Pieces, and the interval tree that keys too large for pieces keep.
          const indexes = [
            indexPackageEntries(packageEntries),
            indexPackageEntries(packageEntries, 0),
          ]
          for (const version of [...ECOSYSTEMS[ecosystem].pool, '0', '99', '']) {
            const expected = compiled.flatMap((one, at) => (one.isAffected(version) ? [at] : []))
            for (const index of indexes)
              expect(index.affectedBy(version), version).toEqual(expected)
          }
        },
      ),
      { numRuns: 3000 },
    )
  })
})

const advisoryOf = (id: string, affected: readonly AffectedPackage[], withdrawn: boolean) =>
  ({
    id,
    source: 'osv',
    aliases: [],
    modified: '2026-01-01T00:00:00Z',
    severity: [],
    affected,
    configurations: [],
    products: [],
    ...(withdrawn ? { withdrawn: '2026-01-02T00:00:00Z' } : {}),
  }) satisfies Advisory

const targetsOf = (): ScanTarget[] =>
  NAMES.flatMap((ecosystem) => {
    const { purl, pool } = ECOSYSTEMS[ecosystem]
    const qualifiers = ecosystem === 'Debian:12' ? ['?distro=debian-12', '?distro=debian-11'] : ['']
    return pool.flatMap((version) =>
      qualifiers.map((qualifier) => ({
        id: `${purl}@${version}${qualifier}`,
        name: purl,
        purl: `${purl}@${encodeURIComponent(version)}${qualifier}`,
        releases: [],
        hosts: [],
      })),
    )
  })

const perEntry: CompileAffected = (affected) => compileAffected(affected).isAffected

describe('findAdvisoryMatches with the interval index', () => {
  it('returns the matches, in order, that asking every entry returns', () => {
    const targets = targetsOf()
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(anyAffected, { minLength: 1, maxLength: 3 }), fc.boolean()), {
          minLength: 1,
          maxLength: 30,
        }),
        (drawn) => {
          const advisories = drawn.map(([affected, withdrawn], at) =>
            advisoryOf(`OSV-${String(at)}`, affected, withdrawn && at % 5 === 0),
          )
          const shape = (index: ReturnType<typeof buildAdvisoryIndex>) =>
            findAdvisoryMatches(index, targets).map((match) => [
              match.target.id,
              match.advisory.id,
              match.evidence.detail,
            ])
          expect(shape(buildAdvisoryIndex(advisories))).toEqual(
            shape(buildAdvisoryIndex(advisories, perEntry)),
          )
        },
      ),
      { numRuns: 500 },
    )
  })
})
