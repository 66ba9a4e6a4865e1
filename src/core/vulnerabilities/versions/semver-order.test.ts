import { compare } from 'semver'
import { describe, expect, it } from 'vitest'

import { samplePairs } from '../../../../test/support/version-samples.js'
import { compareVersions, parseVersionKey } from './version-key.js'

describe('SemVer 2.0 order', () => {
  it('follows the precedence example of SemVer 2.0 §11', () => {
    const ordered = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
      '2.0.0',
      '2.1.0',
      '2.1.1',
    ]
    for (let index = 1; index < ordered.length; index += 1) {
      expect(compareVersions('semver', ordered[index - 1] ?? '', ordered[index] ?? '')).toBe(-1)
    }
  })

  it('ignores build metadata (§10) and compares numbers, not digits', () => {
    expect(compareVersions('semver', '1.0.0+build.1', '1.0.0+build.2')).toBe(0)
    expect(compareVersions('semver', '1.10.0', '1.9.0')).toBe(1)
    expect(compareVersions('semver', '1.0.0-10', '1.0.0-9')).toBe(1)
    expect(compareVersions('semver', '1.0.0-9', '1.0.0-a')).toBe(-1)
  })

  it('has no npm range rule: a pre-release orders like any version', () => {
    // `satisfies('2.0.0-rc.1', '>=1.0.0 <3.0.0')` is false in npm; OSV ranges must still see it.
    expect(compareVersions('semver', '2.0.0-rc.1', '1.0.0')).toBe(1)
    expect(compareVersions('semver', '2.0.0-rc.1', '3.0.0')).toBe(-1)
  })

  it('rejects what node-semver rejects (partial versions, leading zeros)', () => {
    for (const text of ['1.2', '01.2.3', '1.2.3-01', 'abc', '']) {
      expect(parseVersionKey('semver', text), text).toBeUndefined()
    }
  })

  it('agrees with semver.compare on 5,000 generated pairs', () => {
    const pairs = samplePairs('semver', 5000, 1001)
    const wrong = pairs.filter(([a, b]) => {
      const ours = compareVersions('semver', a, b)
      const parsed =
        parseVersionKey('semver', a) !== undefined && parseVersionKey('semver', b) !== undefined
      return ours !== (parsed ? compare(a, b) : undefined)
    })
    expect(wrong).toEqual([])
    expect(pairs.filter(([a, b]) => compareVersions('semver', a, b) === 0).length).toBeGreaterThan(
      100,
    )
  })
})
