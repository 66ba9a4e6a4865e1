import { describe, expect, it } from 'vitest'

import { compareGenericVersions } from '../cpe/index.js'
import { checkVersion } from './version-check.js'
import { parseCsafVersionText } from './version-spec.js'

const verdict = (text: string, context: 'version' | 'range', version: string | undefined) =>
  checkVersion(version, parseCsafVersionText(text, context), compareGenericVersions)

describe('vers ranges (purl vers specification)', () => {
  it.each([
    // The specification's own example: 1.2.3, or >= 2.0.0 and < 5.0.0.
    ['vers:npm/1.2.3|>=2.0.0|<5.0.0', '1.2.3', 'in'],
    ['vers:npm/1.2.3|>=2.0.0|<5.0.0', '2.5.0', 'in'],
    ['vers:npm/1.2.3|>=2.0.0|<5.0.0', '1.5.0', 'out'],
    ['vers:npm/1.2.3|>=2.0.0|<5.0.0', '5.0.0', 'out'],
    // The OASIS CSAF VEX example 2022-evd-uc-04-001.
    ['vers:generic/>=2.9|<=4.1', '4.1', 'in'],
    ['vers:generic/>=2.9|<=4.1', '4.2', 'out'],
    ['vers:all/*', '0.1', 'in'],
    ['vers:generic/!=1.5|<2.0', '1.5', 'out'],
    ['vers:generic/!=1.5|<2.0', '1.4', 'in'],
    // CISA writes the `all` scheme with constraints and no `|`: the constraints are meant.
    ['vers:all/<=4.3.1', '4.3.1', 'in'],
    ['vers:all/<=4.3.1', '4.3.2', 'out'],
    ['vers:all/>=V1.80<V2.20', 'V2.0', 'in'],
    ['vers:all/>=V1.80<V2.20', 'V2.20', 'out'],
    ['vers:all/>=V1.80<V2.20', '1.79', 'out'],
  ])('%s with %s is %s', (text, version, expected) => {
    expect(verdict(text, 'range', version)).toBe(expected)
  })
})

describe('CISA free-text version ranges', () => {
  it.each([
    ['<=2.1', '2.1', 'in'],
    ['<=2.1', '2.2', 'out'],
    ['versions prior to 3.2', '3.1.9', 'in'],
    ['versions prior to 3.2', '3.2', 'out'],
    ['All versions', '7.0', 'in'],
    ['>= 1.0.0 | <= 1.3.1', '1.2', 'in'],
    ['>= 1.0.0 | <= 1.3.1', '1.3.2', 'out'],
    ['>= 1.0.0 | <= 1.3.1', '0.9', 'out'],
    ['>= V2.0 < V2.1.4', 'V2.1.3', 'in'],
    ['>= V2.0 < V2.1.4', 'V2.1.4', 'out'],
    ['< B.06.18', 'B.06.12', 'in'],
    ['< V17 Update 1', 'V17', 'in'],
    ['< V17 Update 1', 'V17 Upd 1', 'out'],
    ['< 1.8.4 Service Pack 01', '1.8.4', 'in'],
    ['< 1.8.4 Service Pack 01', '1.8.4 SP01', 'out'],
    ['<= 12.2.x.x', '12.2.9.1', 'in'],
    ['<= 12.2.x.x', '12.3', 'out'],
    ['2.3.6 and  below', '2.3.6', 'in'],
    ['2.3.6 and  below', '2.3.7', 'out'],
    ['<= 1.54 (integrated into GE MobileLink)', '1.54', 'in'],
    ['>=2003|<=2006', '2004', 'in'],
  ])('%s with %s is %s', (text, version, expected) => {
    expect(verdict(text, 'range', version)).toBe(expected)
  })

  it.each([
    '<8/30/2024',
    '<  july 1 2017',
    'distributed  < april 1, 2018',
    '>= V5.2.0 < V5.3 only when running on ROX II V2.14.0',
    '<=11.2 on Windows 8.1 with IIS 7.5',
    '!!1.0',
  ])('does not pretend to read %s', (text) => {
    expect(parseCsafVersionText(text, 'range')).toEqual({ kind: 'unknown' })
    expect(verdict(text, 'range', '1.0')).toBe('unknown')
  })

  it('cannot check a range without a component version, but knows "all" covers it', () => {
    expect(verdict('<=1.52', 'range', undefined)).toBe('unknown')
    expect(verdict('vers:all/*', 'range', undefined)).toBe('in')
  })
})

describe('CISA product_version names', () => {
  it.each([
    ['2.X', '2.1', 'in'],
    ['2.X', '3.0', 'out'],
    ['1.1 | 1.2 | 1.4 | 1.5', '1.4', 'in'],
    ['1.1 | 1.2 | 1.4 | 1.5', '1.3', 'out'],
    ['B.02', 'B.02', 'in'],
    ['B.02', 'C.02', 'out'],
    ['2131 and 2141', '2141', 'in'],
    // A bare number or designation may be a model: a different version is not proof.
    ['24950 | 24952', '3.1', 'unknown'],
    ['MMT-1710', '3.1', 'unknown'],
    ['Version A, Firmware A.03.09', '1.0', 'unknown'],
    ['* (end-of-life 2011)', '1.0', 'in'],
  ])('%s with %s is %s', (text, version, expected) => {
    expect(verdict(text, 'version', version)).toBe(expected)
  })
})
