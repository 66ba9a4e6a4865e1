import { describe, expect, it } from 'vitest'

import { compareVersions, parseVersionKey } from './version-key.js'

const maven = (a: string, b: string): number | undefined => compareVersions('maven', a, b)

const expectAscending = (ordered: readonly string[]): void => {
  for (let i = 0; i < ordered.length; i += 1) {
    for (let j = i + 1; j < ordered.length; j += 1) {
      expect(
        maven(ordered[i] ?? '', ordered[j] ?? ''),
        `${String(ordered[i])} < ${String(ordered[j])}`,
      ).toBe(-1)
      expect(
        maven(ordered[j] ?? '', ordered[i] ?? ''),
        `${String(ordered[j])} > ${String(ordered[i])}`,
      ).toBe(1)
    }
  }
}

// Cases from Maven's own ComparableVersionTest (maven-artifact 3.8.7, Apache-2.0), as data.
describe('Maven ComparableVersion order', () => {
  it('orders the qualifier list of ComparableVersionTest', () => {
    expectAscending([
      '1-alpha2snapshot',
      '1-alpha2',
      '1-alpha-123',
      '1-beta-2',
      '1-beta123',
      '1-m2',
      '1-m11',
      '1-rc',
      '1-cr2',
      '1-rc123',
      '1-SNAPSHOT',
      '1',
      '1-sp',
      '1-sp2',
      '1-sp123',
      '1-abc',
      '1-def',
      '1-pom-1',
      '1-1-snapshot',
      '1-1',
      '1-2',
      '1-123',
    ])
  })

  it('orders the number list of ComparableVersionTest', () => {
    expectAscending([
      '2.0',
      '2.0.a',
      '2-1',
      '2.0.2',
      '2.0.123',
      '2.1.0',
      '2.1-a',
      '2.1b',
      '2.1-c',
      '2.1-1',
      '2.1.0.1',
      '2.2',
      '2.123',
      '11.a2',
      '11.a11',
      '11.b2',
      '11.b11',
      '11.m2',
      '11.m11',
      '11',
      '11.a',
      '11b',
      '11c',
      '11m',
    ])
  })

  it('treats padding, aliases and case as ComparableVersionTest does', () => {
    const equal: [string, string][] = [
      ['1', '1.0.0'],
      ['1', '1-0'],
      ['1.0', '1.0-0'],
      ['1a', '1-a'],
      ['1a', '1.0.0-a'],
      ['1.0.0x', '1-x'],
      ['1ga', '1'],
      ['1release', '1'],
      ['1final', '1'],
      ['1cr', '1rc'],
      ['1a1', '1-alpha-1'],
      ['1b2', '1-beta-2'],
      ['1m3', '1-milestone-3'],
      ['1X', '1x'],
      ['1RELeaSE', '1'],
      ['1m3', '1MILESTONE3'],
      ['0000000000000000001', '1'],
      ['0000000000000000000', '0'],
    ]
    for (const [a, b] of equal) expect(maven(a, b), `${a} = ${b}`).toBe(0)
  })

  it('keeps the MNG-5568, MNG-6572 and MNG-6964 orders', () => {
    expectAscending(['6.1.0rc3', '6.1.0', '6.1H.5-beta'])
    expectAscending([
      '20190126.230843',
      '1234567890.12345',
      '123456789012345.1H.5-beta',
      '12345678901234567890.1H.5-beta',
    ])
    expectAscending(['1-0.alpha', '1-0.beta', '1'])
  })

  it('orders the usual Maven Central shapes', () => {
    expectAscending(['1.0-alpha-1', '1.0-beta-1', '1.0-SNAPSHOT', '1.0', '1.0-1', '1.0.1'])
    expect(maven('31.1-android', '31.1-jre')).toBe(-1)
    expect(maven('2.17.1', '2.17.0')).toBe(1)
  })

  it('is not transitive in corner cases, exactly like Maven 3.8.7', () => {
    // Checked against maven-artifact 3.8.7: a cycle, so no sortable key can exist for Maven.
    expect(maven('1-alpha', '1')).toBe(-1)
    expect(maven('1', '1.sp.1')).toBe(-1)
    expect(maven('1.sp.1', '1-alpha')).toBe(-1)
  })

  it('refuses empty and non-ASCII strings', () => {
    expect(parseVersionKey('maven', '')).toBeUndefined()
    expect(parseVersionKey('maven', '1.\u0663')).toBeUndefined()
  })
})
