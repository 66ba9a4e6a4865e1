import { describe, expect, it } from 'vitest'

import { compareVersions, parseVersionKey } from './version-key.js'

// golang.org/x/mod/semver's test vectors (semver_test.go, BSD-3-Clause, The Go Authors): each
// input with its canonical form ('' = invalid), in increasing order; equal canonical forms are
// equal versions. Reproduced as data.
const GO_VECTORS: readonly (readonly [string, string])[] = [
  ['bad', ''],
  ['v1-alpha.beta.gamma', ''],
  ['v1-pre', ''],
  ['v1+meta', ''],
  ['v1-pre+meta', ''],
  ['v1.2-pre', ''],
  ['v1.2+meta', ''],
  ['v1.2-pre+meta', ''],
  ['v1.0.0-alpha', 'v1.0.0-alpha'],
  ['v1.0.0-alpha.1', 'v1.0.0-alpha.1'],
  ['v1.0.0-alpha.beta', 'v1.0.0-alpha.beta'],
  ['v1.0.0-beta', 'v1.0.0-beta'],
  ['v1.0.0-beta.2', 'v1.0.0-beta.2'],
  ['v1.0.0-beta.11', 'v1.0.0-beta.11'],
  ['v1.0.0-rc.1', 'v1.0.0-rc.1'],
  ['v1', 'v1.0.0'],
  ['v1.0', 'v1.0.0'],
  ['v1.0.0', 'v1.0.0'],
  ['v1.2', 'v1.2.0'],
  ['v1.2.0', 'v1.2.0'],
  ['v1.2.3-456', 'v1.2.3-456'],
  ['v1.2.3-456.789', 'v1.2.3-456.789'],
  ['v1.2.3-456-789', 'v1.2.3-456-789'],
  ['v1.2.3-456a', 'v1.2.3-456a'],
  ['v1.2.3-pre', 'v1.2.3-pre'],
  ['v1.2.3-pre+meta', 'v1.2.3-pre'],
  ['v1.2.3-pre.1', 'v1.2.3-pre.1'],
  ['v1.2.3-zzz', 'v1.2.3-zzz'],
  ['v1.2.3', 'v1.2.3'],
  ['v1.2.3+meta', 'v1.2.3'],
  ['v1.2.3+meta-pre', 'v1.2.3'],
  ['v1.2.3+meta-pre.sha.256a', 'v1.2.3'],
]
const valid = GO_VECTORS.map((vector, index) => [index, ...vector] as const).filter(
  ([, , canonical]) => canonical !== '',
)

describe('Go module order against golang.org/x/mod/semver test vectors', () => {
  it.each(GO_VECTORS.filter(([, canonical]) => canonical === ''))('%s is not a version', (text) => {
    expect(parseVersionKey('go', text)).toBeUndefined()
  })

  it('orders every valid pair as the list does', () => {
    for (const [i, a, canonicalA] of valid) {
      for (const [j, b, canonicalB] of valid) {
        const expected = canonicalA === canonicalB ? 0 : i < j ? -1 : 1
        expect(compareVersions('go', a, b), `${a} vs ${b}`).toBe(expected)
      }
    }
  })

  it('compares v1.19 after v1.2 and accepts versions without the v that OSV strips', () => {
    expect(compareVersions('go', 'v1.19', 'v1.2')).toBe(1)
    expect(compareVersions('go', '1.2.3', 'v1.2.3')).toBe(0)
  })

  it('orders pseudo-versions by their timestamp and before the release they precede', () => {
    const older = '0.0.0-20190101000000-abcdefabcdef'
    const newer = '0.0.0-20210101000000-123456123456'
    expect(compareVersions('go', older, newer)).toBe(-1)
    expect(compareVersions('go', newer, '0.0.1')).toBe(-1)
    expect(compareVersions('go', 'v1.2.4-0.20191109021931-daa7c04131f5', 'v1.2.3')).toBe(1)
  })

  it('ignores +incompatible and rejects leading zeros', () => {
    expect(compareVersions('go', '2.0.0+incompatible', '2.0.0')).toBe(0)
    expect(parseVersionKey('go', 'v01.2.3')).toBeUndefined()
    expect(parseVersionKey('go', 'v1.2.3-01')).toBeUndefined()
  })
})
