import { describe, expect, it } from 'vitest'

import { isPep440Version } from './pypi-order.js'
import { compareVersions, parseVersionKey } from './version-key.js'

const expectAscending = (ordered: readonly string[]): void => {
  for (let i = 0; i < ordered.length; i += 1) {
    for (let j = 0; j < ordered.length; j += 1) {
      const expected = i < j ? -1 : i > j ? 1 : 0
      expect(
        compareVersions('pypi', ordered[i] ?? '', ordered[j] ?? ''),
        `${String(ordered[i])} vs ${String(ordered[j])}`,
      ).toBe(expected)
    }
  }
}

describe('PyPI order (PEP 440)', () => {
  it("orders PEP 440's own example of every kind of release", () => {
    // PEP 440, "Summary of permitted suffixes and relative ordering".
    expectAscending([
      '1.dev0',
      '1.0.dev456',
      '1.0a1',
      '1.0a2.dev456',
      '1.0a12.dev456',
      '1.0a12',
      '1.0b1.dev456',
      '1.0b2',
      '1.0b2.post345.dev456',
      '1.0b2.post345',
      '1.0rc1.dev456',
      '1.0rc1',
      '1.0',
      '1.0+abc.5',
      '1.0+abc.7',
      '1.0+5',
      '1.0.post456.dev34',
      '1.0.post456',
      '1.0.15',
      '1.1.dev1',
    ])
  })

  it('normalizes as PEP 440 says (padding, case, spellings, separators, leading v)', () => {
    const equal: [string, string][] = [
      ['1.0', '1.0.0.0'],
      ['1.0ALPHA1', '1.0a1'],
      ['1.0-c1', '1.0rc1'],
      ['1.0.preview_2', '1.0rc2'],
      ['1.0-1', '1.0.post1'],
      ['1.0.rev', '1.0.post0'],
      ['v1.0', '1.0'],
      ['1.0+Ubuntu-1', '1.0+ubuntu.1'],
      ['0!1.0', '1.0'],
      ['  1.0  ', '1.0'],
    ]
    for (const [a, b] of equal) expect(compareVersions('pypi', a, b), `${a} = ${b}`).toBe(0)
  })

  it('puts epochs first and numeric local parts above text ones', () => {
    expect(compareVersions('pypi', '1!0.1', '2024.1')).toBe(1)
    expect(compareVersions('pypi', '1.0+1', '1.0+abc')).toBe(1)
    expect(compareVersions('pypi', '1.0+abc', '1.0+abc.1')).toBe(-1)
  })

  it('orders release segments beyond 2^53 exactly', () => {
    expect(compareVersions('pypi', '1.20230101123456789012', '1.20230101123456789013')).toBe(-1)
  })

  it('orders legacy versions as LegacyVersion did: before every PEP 440 version', () => {
    // Values checked with packaging 21.3 (pip's vendored copy), whose parse() fell back to
    // LegacyVersion; osv.dev orders PyPI versions the same way.
    for (const legacy of [
      '0.3m1',
      '2.0.1rc2-git',
      '1.0-final',
      'trunk',
      '2013-01-21T20:33:09+0100',
    ]) {
      expect(isPep440Version(legacy), legacy).toBe(false)
      expect(compareVersions('pypi', legacy, '0.dev0'), legacy).toBe(-1)
    }
    expect(compareVersions('pypi', '0.3m1', '0.3m2')).toBe(-1)
    expect(compareVersions('pypi', '0.7.10p1', '0.7.11p1')).toBe(-1)
    expect(compareVersions('pypi', '1.0-final', '1.0.final')).toBe(1)
    expect(compareVersions('pypi', '0.3.2d.dev', '0.3.2d')).toBe(-1)
  })

  it('refuses non-ASCII text rather than guess', () => {
    expect(parseVersionKey('pypi', '1.0\u00e9')).toBeUndefined()
  })
})
