import { describe, expect, it } from 'vitest'

import { compareVersions, parseVersionKey } from './version-key.js'

// Cases from RubyGems' test_gem_version.rb (test_spaceship, test_semver, test_eql) and the
// rules of Gem::Version#<=>.
describe('RubyGems order', () => {
  it('compares as Gem::Version#<=> does', () => {
    const cases: [string, string, -1 | 0 | 1][] = [
      ['1.0', '1.0.0', 0],
      ['1.0', '1.0.a', 1],
      ['1.8.2', '0.0.0', 1],
      ['1.8.2', '1.8.2.a', 1],
      ['1.8.2.b', '1.8.2.a', 1],
      ['1.8.2.a', '1.8.2', -1],
      ['1.8.2.a10', '1.8.2.a9', 1],
      ['1.2.b1', '1.2.b.1', 0],
      ['0', '0.0', 0],
    ]
    for (const [a, b, expected] of cases)
      expect(compareVersions('rubygems', a, b), `${a} vs ${b}`).toBe(expected)
  })

  it('reads "-" as ".pre." and orders SemVer-style pre-releases', () => {
    const ordered = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
    ]
    for (let index = 1; index < ordered.length; index += 1) {
      expect(compareVersions('rubygems', ordered[index - 1] ?? '', ordered[index] ?? '')).toBe(-1)
    }
    expect(compareVersions('rubygems', '1.0-1', '1.0.pre.1')).toBe(0)
  })

  it('drops zeros that close the number part or the letter part', () => {
    expect(compareVersions('rubygems', '1.0.a', '1.a')).toBe(0)
    expect(compareVersions('rubygems', '1.a.0', '1.a')).toBe(0)
    expect(compareVersions('rubygems', '1.0.1', '1.a')).toBe(1)
    expect(compareVersions('rubygems', '1.a.0.1', '1.a')).toBe(1)
  })

  it('compares letters case-sensitively, as Ruby strings do', () => {
    expect(compareVersions('rubygems', '1.A', '1.a')).toBe(-1)
  })

  it('rejects what Gem::Version rejects', () => {
    for (const text of ['junk', '1.0\n2.0', '1..0', '.1', '']) {
      expect(parseVersionKey('rubygems', text), JSON.stringify(text)).toBeUndefined()
    }
    expect(compareVersions('rubygems', ' 1.0 ', '1.0')).toBe(0)
  })
})
