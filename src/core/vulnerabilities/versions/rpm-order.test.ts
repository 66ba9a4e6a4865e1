import { describe, expect, it } from 'vitest'

import { compareVersions } from './version-key.js'

// rpm's own test cases (tests/rpmvercmp.at of rpm-software-management/rpm, reproduced as data),
// plus the caret rules of rpm >= 4.15 and the epoch/release handling of rpm.vercmp.
const RPMVERCMP: readonly (readonly [string, string, -1 | 0 | 1])[] = [
  ['1.0', '1.0', 0],
  ['1.0', '2.0', -1],
  ['2.0.1', '2.0.1', 0],
  ['2.0', '2.0.1', -1],
  ['2.0.1a', '2.0.1', 1],
  ['5.5p1', '5.5p2', -1],
  ['5.5p1', '5.5p10', -1],
  ['10xyz', '10.1xyz', -1],
  ['xyz10', 'xyz10.1', -1],
  ['xyz.4', '8', -1],
  ['xyz.4', '2', -1],
  ['5.5p2', '5.6p1', -1],
  ['5.6p1', '6.5p1', -1],
  ['6.0.rc1', '6.0', 1],
  ['10b2', '10a1', 1],
  ['10a2', '10b2', -1],
  ['1.0a', '1.0aa', -1],
  ['10.0001', '10.1', 0],
  ['10.0001', '10.0039', -1],
  ['4.999.9', '5.0', -1],
  ['20101121', '20101122', -1],
  ['2.0', '2_0', 0],
  ['a+', 'a_', 0],
  ['+a', '_a', 0],
  ['_+', '+_', 0],
  ['+', '_', 0],
  ['1.0~rc1', '1.0', -1],
  ['1.0~rc1', '1.0~rc2', -1],
  ['1.0~rc1~git123', '1.0~rc1', -1],
  // Caret: after the base version, before the next one.
  ['1.0^', '1.0', 1],
  ['1.0^git1', '1.0', 1],
  ['1.0^git1', '1.0.1', -1],
  ['1.0^git1', '1.0^git2', -1],
  ['1.0~rc1^git1', '1.0~rc1', 1],
  ['1.0~rc1^git1', '1.0', -1],
  ['1.0^git1~pre', '1.0^git1', -1],
]

describe('RPM order', () => {
  it.each(RPMVERCMP)('rpmvercmp(%s, %s) = %i', (a, b, expected) => {
    expect(compareVersions('rpm', a, b)).toBe(expected)
    expect(compareVersions('rpm', b, a)).toBe(-expected || 0)
  })

  it('compares epoch, then version, then release', () => {
    expect(compareVersions('rpm', '1:1.0-1', '2.0-1')).toBe(1)
    expect(compareVersions('rpm', '0:1.0-1', '1.0-1')).toBe(0)
    expect(compareVersions('rpm', '1.0-1.el8', '1.0-1.el9')).toBe(-1)
    expect(compareVersions('rpm', '1.0-10.el8', '1.0-9.el8')).toBe(1)
    expect(compareVersions('rpm', '1.0.1-1', '1.0-2')).toBe(1)
  })

  it('orders a missing release before any release, even an empty one (rpm.vercmp)', () => {
    expect(compareVersions('rpm', '1.0', '1.0-1')).toBe(-1)
    expect(compareVersions('rpm', '1.0', '1.0-')).toBe(-1)
    expect(compareVersions('rpm', '1.0-', '1.0-0')).toBe(-1)
  })
})
