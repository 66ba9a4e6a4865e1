import { describe, expect, it } from 'vitest'

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
