import ae from 'ae-cvss-calculator'
import { describe, expect, it } from 'vitest'
import { cvssSeverity, scoreCvss } from './cvss.js'
import { roundTo1Decimal } from './cvss-v2.js'

const score = (vector: string) => {
  const result = scoreCvss(vector)
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

describe('CVSS v2 rounding', () => {
  const vector = 'AV:N/AC:L/Au:S/C:C/I:C/A:C/E:F/RL:U/RC:C'

  it('rounds 9.0 × 0.95 half up to 8.6 as the v2 guide does', () => {
    expect(score(vector)).toEqual({
      vector,
      version: '2.0',
      baseScore: 9,
      temporalScore: 8.6,
      score: 8.6,
      severity: 'High',
    })
  })

  it('works around ae-cvss-calculator, which gives 8.5 (float 8.549999…)', () => {
    expect(new ae.Cvss2(vector).calculateScores().temporal).toBe(8.5)
    expect(roundTo1Decimal(9 * 0.95)).toBe(8.6)
    expect(roundTo1Decimal(8.54)).toBe(8.5)
  })

  it('treats ND like an absent metric and accepts a CVSS:2.0/ prefix', () => {
    expect(score('AV:N/AC:L/Au:N/C:P/I:P/A:P/E:ND/CDP:ND')).not.toHaveProperty('temporalScore')
    expect(score('CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P').baseScore).toBe(7.5)
  })
})

describe('scoreCvss', () => {
  it('reports temporal and environmental scores only when their metrics are set', () => {
    expect(score('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:X/CR:X')).toEqual({
      vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:X/CR:X',
      version: '3.1',
      baseScore: 9.8,
      score: 9.8,
      severity: 'Critical',
      exploitabilitySubscore: 3.9,
    })
    expect(score(' CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/MAV:P ')).toMatchObject({
      vector: 'CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/MAV:P',
      baseScore: 9.8,
      temporalScore: 9.0,
      environmentalScore: 6.2,
      score: 6.2,
      severity: 'Medium',
    })
  })

  it('gives the v3.x exploitability sub-score, which keeps impact out', () => {
    // 8.22 x 0.20 (P) x 0.44 (H) x 0.27 (H) x 0.62 (R) = 0.121 -> 0.1, although the base is 6.0
    expect(score('CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:H/I:H/A:H')).toMatchObject({
      baseScore: 6.0,
      exploitabilitySubscore: 0.1,
    })
    expect(score('CVSS:3.0/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:N').exploitabilitySubscore).toBe(2.8)
  })

  it('maps v4.0 CVSS-B, CVSS-BT and CVSS-BTE onto base, temporal and environmental', () => {
    const base = 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:H/VA:L/SC:N/SI:H/SA:L'
    expect(score(base)).toEqual({
      vector: base,
      version: '4.0',
      baseScore: 9.2,
      score: 9.2,
      severity: 'Critical',
    })
    expect(score(`${base}/E:U`)).toMatchObject({ baseScore: 9.2, temporalScore: 7.9, score: 7.9 })
    const all = score(`${base}/E:U/MAV:P`)
    expect(all).toMatchObject({ baseScore: 9.2, temporalScore: 7.9 })
    expect(all.score).toBe(all.environmentalScore)
    expect(all.score).toBeLessThan(7.9)
  })

  it.each([
    ['', 'cvss/empty-vector', undefined, 'empty CVSS vector'],
    ['   ', 'cvss/empty-vector', undefined, 'empty CVSS vector'],
    ['CVSS:3.2/AV:N', 'cvss/unknown-version', undefined, "unknown CVSS version prefix 'CVSS:3.2'"],
    ['CVSS3.1/AV:N', 'cvss/malformed-metric', undefined, "'CVSS3.1' is not METRIC:VALUE"],
    [
      'CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
      'cvss/invalid-value',
      'AV',
      "metric AV has no value 'Q' in CVSS 3.1; allowed: N, A, L, P",
    ],
    [
      'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/XX:Y',
      'cvss/unknown-metric',
      'XX',
      'unknown metric XX in CVSS 3.1',
    ],
    [
      'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L',
      'cvss/duplicate-metric',
      'AV',
      'metric AV appears twice',
    ],
    [
      'CVSS:3.1/AV:N/AC:L/UI:N/S:U/C:H/I:H/A:H',
      'cvss/missing-metric',
      'PR',
      'missing base metric PR in CVSS 3.1',
    ],
    [
      'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N',
      'cvss/missing-metric',
      'SA',
      'SA',
    ],
    [
      'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:R/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
      'cvss/invalid-value',
      'UI',
      'UI',
    ],
    [
      'AV:N/AC:L/Au:N/C:P/I:P/A:P/E:X',
      'cvss/invalid-value',
      'E',
      "metric E has no value 'X' in CVSS 2.0",
    ],
    ['AV:N/AC:L/Au:N/C:P/I:P/A:P/', 'cvss/malformed-metric', undefined, "'' is not METRIC:VALUE"],
    ['CVSS:3.1/AV:N:L/AC:L', 'cvss/malformed-metric', undefined, "'AV:N:L' is not METRIC:VALUE"],
  ])('rejects %j (%s)', (vector, code, metric, message) => {
    const result = scoreCvss(vector)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error.code).toBe(code)
    expect(result.error.metric).toBe(metric)
    expect(result.error.message).toContain(message)
  })
})

describe('cvssSeverity', () => {
  it.each([
    [0, 'None'],
    [0.1, 'Low'],
    [3.9, 'Low'],
    [4, 'Medium'],
    [6.9, 'Medium'],
    [7, 'High'],
    [8.9, 'High'],
    [9, 'Critical'],
    [10, 'Critical'],
  ] as const)('v3.x and v4.0: %d is %s', (value, severity) => {
    expect(cvssSeverity(value, '3.0')).toBe(severity)
    expect(cvssSeverity(value, '3.1')).toBe(severity)
    expect(cvssSeverity(value, '4.0')).toBe(severity)
  })

  it.each([
    [0, 'Low'],
    [0.1, 'Low'],
    [3.9, 'Low'],
    [4, 'Medium'],
    [6.9, 'Medium'],
    [7, 'High'],
    [8.9, 'High'],
    [9, 'High'],
    [10, 'High'],
  ] as const)('v2 (NVD scale): %d is %s', (value, severity) => {
    expect(cvssSeverity(value, '2.0')).toBe(severity)
  })
})
