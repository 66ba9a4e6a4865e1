import fc from 'fast-check'
import semver from 'semver'
import { describe, expect, it } from 'vitest'

import { compareGenericVersions } from './generic-order.js'
import { compareVersions, parseVersionKey } from './version-key.js'

const ascending = (ordered: readonly string[]): void => {
  for (let index = 1; index < ordered.length; index += 1) {
    const a = ordered[index - 1] ?? ''
    const b = ordered[index] ?? ''
    expect(compareVersions('generic', a, b), `${a} < ${b}`).toBe(-1)
    expect(compareVersions('generic', b, a), `${b} > ${a}`).toBe(1)
  }
}

// Our own documented order for NVD/CPE versions and unknown ecosystems (generic-order.ts).
describe('generic order', () => {
  it('puts OpenSSL letter releases after their base and before the next number', () => {
    ascending([
      '1.0.1',
      '1.0.1a',
      '1.0.1u',
      '1.0.2',
      '1.0.2a',
      '1.0.2k',
      '1.0.2z',
      '1.0.2za',
      '1.0.3',
      '1.1.0',
    ])
  })

  it('compares numbers by value, with missing parts as zeros', () => {
    ascending(['2.4.9', '2.4.10', '2.4.49', '10.0'])
    expect(compareVersions('generic', '1.0', '1.0.0')).toBe(0)
    expect(compareVersions('generic', 'v1.2', '1.2')).toBe(0)
    expect(compareVersions('generic', '1.2.03', '1.2.3')).toBe(0)
  })

  it('puts pre-release words before the release, with their usual aliases', () => {
    ascending([
      '1.0.0-dev',
      '1.0.0-alpha',
      '1.0.0-alpha.2',
      '1.0.0-beta1',
      '1.0.0-rc1',
      '1.0.0-rc.2',
      '1.0.0',
      '1.0.0-sp1',
      '1.0.1',
    ])
    expect(compareVersions('generic', '1.0a1', '1.0-alpha-1')).toBe(0)
    expect(compareVersions('generic', '1.0.0-RC1', '1.0.0rc1')).toBe(0)
    expect(compareVersions('generic', '1.0-final', '1.0')).toBe(0)
  })

  it('treats any punctuation as a separator and ignores case', () => {
    expect(compareVersions('generic', '7.0 SP1', '7.0-sp1')).toBe(0)
    expect(compareVersions('generic', '1_2_3', '1.2.3')).toBe(0)
  })

  it('has no version for empty or non-ASCII text', () => {
    expect(parseVersionKey('generic', '  ')).toBeUndefined()
    expect(parseVersionKey('generic', '1.0\u00e9')).toBeUndefined()
  })
})

const sign = (n: number): number => Math.sign(n)

// The comparator CPE bounds and CSAF ranges use: the same order, over any text.
describe('compareGenericVersions', () => {
  const compare = compareGenericVersions

  it('orders plain numeric versions as semver does', () => {
    const version = fc
      .tuple(fc.nat(30), fc.nat(30), fc.nat(300))
      .map(([major, minor, patch]) => `${String(major)}.${String(minor)}.${String(patch)}`)
    fc.assert(
      fc.property(version, version, (a, b) => sign(compare(a, b)) === semver.compare(a, b)),
      { seed: 20, numRuns: 2000 },
    )
  })

  it.each([
    // OpenSSL letter releases, as NVD ranges use them (CVE-2023-0286 ends at 1.0.2zg and 1.1.1t).
    ['1.0.2', '1.0.2a'],
    ['1.0.2a', '1.0.2k'],
    ['1.0.2k', '1.0.2zg'],
    ['1.0.2zg', '1.1.0'],
    ['1.1.1s', '1.1.1t'],
    // Numeric, not lexical: Stormshield 3.7.34 < 3.11.22, kernel 5.8 < 5.16.11.
    ['3.7.34', '3.11.22'],
    ['5.8', '5.16.11'],
    ['1.0.0-beta', '1.0.0-rc.1'],
    ['1.0.0-rc.1', '1.0.0'],
    ['8.5', '8.5p1'],
    ['V1.0', 'V1.0 SP4'],
    ['B.06.12', 'B.06.18'],
    ['1.0.2k', '1.0.2.1'],
    ['1.0.0-alpha.2', '1.0.0-beta1'],
    ['1.0.0', '1.0.0-sp1'],
  ])('puts %s before %s', (earlier, later) => {
    expect(compare(earlier, later)).toBeLessThan(0)
    expect(compare(later, earlier)).toBeGreaterThan(0)
    expect(compare(earlier, later)).toBe(compareVersions('generic', earlier, later))
  })

  it.each([
    ['1.0', '1'],
    ['v2.0', '2.0'],
    ['1.01', '1.1'],
    ['2.4A', '2.4a'],
    ['1.0a1', '1.0-alpha-1'],
    ['1.0-final', '1.0'],
  ])('takes %s and %s for the same version', (a, b) => {
    expect(compare(a, b)).toBe(0)
  })

  it('orders text the keys refuse too: non-ASCII separates, empty text comes first', () => {
    expect(compare('1.0\u00e92', '1.0.2')).toBe(0)
    expect(compare('', '0.1')).toBeLessThan(0)
    expect(compare('x'.repeat(300), 'x'.repeat(300))).toBe(0)
  })

  it('is a total order: antisymmetric and transitive on odd version strings', () => {
    const version = fc
      .array(
        fc.constantFrom('0', '1', '10', 'a', 'k', 'rc', 'beta', 'sp', '.', '-', 'v', '\u00e9', ''),
        { maxLength: 6 },
      )
      .map((parts) => parts.join(''))
    fc.assert(
      fc.property(version, version, version, (a, b, c) => {
        if (sign(compare(a, b)) !== -sign(compare(b, a))) return false
        if (compare(a, b) <= 0 && compare(b, c) <= 0) return compare(a, c) <= 0
        return true
      }),
      { seed: 11, numRuns: 5000 },
    )
  })
})
