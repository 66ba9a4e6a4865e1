import fc from 'fast-check'
import semver from 'semver'
import { describe, expect, it } from 'vitest'

import { compareGenericVersions as compare } from './generic-version.js'

const sign = (n: number): number => Math.sign(n)

describe('compareGenericVersions', () => {
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
  ])('puts %s before %s', (earlier, later) => {
    expect(compare(earlier, later)).toBeLessThan(0)
    expect(compare(later, earlier)).toBeGreaterThan(0)
  })

  it.each([
    ['1.0', '1'],
    ['v2.0', '2.0'],
    ['1.01', '1.1'],
    ['2.4A', '2.4a'],
  ])('takes %s and %s for the same version', (a, b) => {
    expect(compare(a, b)).toBe(0)
  })

  it('is a total order: antisymmetric and transitive on odd version strings', () => {
    const version = fc
      .array(fc.constantFrom('0', '1', '10', 'a', 'k', 'rc', 'beta', 'sp', '.', '-', 'v'), {
        maxLength: 6,
      })
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
