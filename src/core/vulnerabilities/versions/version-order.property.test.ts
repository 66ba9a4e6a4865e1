import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { compareVersions, parseVersionKey, type VersionFamily } from './version-key.js'

// Versions from small alphabets of each grammar's pieces, so that generated versions often share
// long prefixes and differ where the rules are subtle.
const NUMBER = fc.constantFrom('0', '1', '2', '10', '01', '00')
const joined = (
  head: fc.Arbitrary<string>,
  piece: fc.Arbitrary<string>,
  max = 5,
): fc.Arbitrary<string> =>
  fc.tuple(head, fc.array(piece, { maxLength: max })).map(([first, rest]) => first + rest.join(''))
const piece = (separators: readonly string[], words: readonly string[]): fc.Arbitrary<string> =>
  fc
    .tuple(fc.constantFrom(...separators), fc.oneof(NUMBER, fc.constantFrom(...words)))
    .map(([s, w]) => s + w)

const semverCore = fc
  .tuple(NUMBER, NUMBER, NUMBER)
  .map((parts) => parts.map((part) => part.replace(/^0+(?=\d)/, '')).join('.'))
const prerelease = fc
  .array(fc.constantFrom('alpha', 'beta', 'rc', '0', '1', '10', 'x-y', 'A'), {
    minLength: 1,
    maxLength: 3,
  })
  .map((ids) => `-${ids.join('.')}`)

const VERSIONS: Readonly<Record<VersionFamily, fc.Arbitrary<string>>> = {
  semver: fc
    .tuple(semverCore, fc.option(prerelease, { nil: '' }), fc.constantFrom('', '+b.1'))
    .map((parts) => parts.join('')),
  go: fc
    .tuple(
      fc.constantFrom('v', ''),
      semverCore,
      fc.option(prerelease, { nil: '' }),
      fc.constantFrom('', '+incompatible'),
    )
    .map((parts) => parts.join('')),
  nuget: fc
    .tuple(
      joined(
        NUMBER,
        NUMBER.map((n) => `.${n}`),
        3,
      ),
      fc.option(prerelease, { nil: '' }),
    )
    .map((parts) => parts.join('')),
  pypi: joined(
    NUMBER,
    piece(
      ['.', '', '-', '_', '+', '!'],
      ['a', 'b', 'rc', 'post', 'dev', 'alpha', 'pre', 'm', 'p', 'final', 'x'],
    ),
  ),
  // Real Maven shapes only: ComparableVersion is not transitive on some odd strings.
  maven: fc
    .tuple(
      joined(
        NUMBER,
        NUMBER.map((n) => `.${n}`),
        3,
      ),
      fc.constantFrom('', '-', '.'),
      fc.constantFrom('', 'alpha', 'beta', 'rc', 'cr', 'SNAPSHOT', 'final', 'ga', 'sp', 'jre', 'm'),
      fc.option(NUMBER, { nil: '' }),
    )
    .map((parts) => parts.join('')),
  debian: joined(
    fc.tuple(fc.constantFrom('', '1:', '0:'), NUMBER).map((parts) => parts.join('')),
    piece(['.', '+', '~', '-', ''], ['a', 'b', '~', 'rc', 'Z', 'deb']),
  ),
  rpm: joined(
    fc.tuple(fc.constantFrom('', '1:', '0:'), NUMBER).map((parts) => parts.join('')),
    piece(['.', '_', '~', '^', '-', ''], ['a', 'b', 'rc', 'el', 'Z']),
  ),
  alpine: joined(
    NUMBER,
    piece(['.', '_', '-r', '~', ''], ['a', 'alpha', 'rc', 'p', 'git', 'cvs', 'f0']),
  ),
  rubygems: joined(NUMBER, piece(['.', '-'], ['a', 'b', 'pre', 'rc', 'A'])),
  generic: joined(
    fc.constantFrom('', 'v').chain((v) => NUMBER.map((n) => v + n)),
    piece(['.', '-', ' ', ''], ['a', 'k', 'rc', 'beta', 'sp', 'final', 'za']),
  ),
}

const FAMILIES = Object.keys(VERSIONS) as VersionFamily[]

describe.each(FAMILIES)('%s order is a total order', (family) => {
  const versions = VERSIONS[family]
  const compare = (a: string, b: string): number => compareVersions(family, a, b) ?? Number.NaN
  const parseable = versions.filter(
    (version) => compareVersions(family, version, version) !== undefined,
  )

  it('is reflexive and antisymmetric', () => {
    fc.assert(
      fc.property(parseable, parseable, (a, b) => {
        expect(compare(a, a)).toBe(0)
        expect(compare(a, b)).toBe(-compare(b, a) || 0)
      }),
      { numRuns: 2000 },
    )
  })

  it('is transitive', () => {
    fc.assert(
      fc.property(parseable, parseable, parseable, (a, b, c) => {
        const [low, middle, high] = [a, b, c].sort(compare)
        expect(compare(low ?? '', middle ?? '')).toBeLessThanOrEqual(0)
        expect(compare(middle ?? '', high ?? '')).toBeLessThanOrEqual(0)
        expect(compare(low ?? '', high ?? '')).toBeLessThanOrEqual(0)
        if (compare(low ?? '', middle ?? '') === 0 && compare(middle ?? '', high ?? '') === 0) {
          expect(compare(low ?? '', high ?? '')).toBe(0)
        }
      }),
      { numRuns: 2000 },
    )
  })
})

describe('parsing untrusted text', () => {
  it('never throws, whatever the string and the family', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FAMILIES),
        fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), VERSIONS.generic),
        (family, text) => {
          const key = parseVersionKey(family, text)
          if (key !== undefined) expect(compareVersions(family, text, text)).toBe(0)
        },
      ),
      { numRuns: 5000 },
    )
  })
})
