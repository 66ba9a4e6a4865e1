/**
 * CVSS v2.0 scoring (FIRST "A Complete Guide to the CVSS Version 2.0", section 3.2).
 *
 * We compute v2 ourselves instead of through ae-cvss-calculator: its v2 code rounds with
 * `Math.round(x * 10) / 10` on binary floating point, so 9.0 × 0.95 = 8.549999… becomes 8.5 where
 * the guide's round_to_1_decimal (exact decimal arithmetic, half up) gives 8.6; and its
 * environmental score skips the guide's rounding of AdjustedBase and AdjustedTemporal. The whole
 * v2 equation set is a dozen lines, so owning it is simpler than patching around it.
 */

type Weights = Readonly<Record<string, number>>

// Weights from the v2 guide, section 3.2.1-3.2.3. `ND` is "not defined".
const WEIGHTS: Readonly<Record<string, Weights>> = {
  AV: { L: 0.395, A: 0.646, N: 1.0 },
  AC: { H: 0.35, M: 0.61, L: 0.71 },
  Au: { M: 0.45, S: 0.56, N: 0.704 },
  C: { N: 0, P: 0.275, C: 0.66 },
  I: { N: 0, P: 0.275, C: 0.66 },
  A: { N: 0, P: 0.275, C: 0.66 },
  E: { U: 0.85, POC: 0.9, F: 0.95, H: 1.0, ND: 1.0 },
  RL: { OF: 0.87, TF: 0.9, W: 0.95, U: 1.0, ND: 1.0 },
  RC: { UC: 0.9, UR: 0.95, C: 1.0, ND: 1.0 },
  CDP: { N: 0, L: 0.1, LM: 0.3, MH: 0.4, H: 0.5, ND: 0 },
  TD: { N: 0, L: 0.25, M: 0.75, H: 1.0, ND: 1.0 },
  CR: { L: 0.5, M: 1.0, H: 1.51, ND: 1.0 },
  IR: { L: 0.5, M: 1.0, H: 1.51, ND: 1.0 },
  AR: { L: 0.5, M: 1.0, H: 1.51, ND: 1.0 },
}

/**
 * The guide's round_to_1_decimal: half up on the exact decimal value. Binary floating point makes
 * 9.0 × 0.95 come out as 8.549999…, so we nudge by 1e-9: far above the float error at these
 * magnitudes (about 1e-14) and far below the distance of any real result from a rounding boundary.
 */
export const roundTo1Decimal = (value: number): number => Math.round(value * 10 + 1e-9) / 10

export interface Cvss2Scores {
  readonly base: number
  readonly temporal: number
  readonly environmental: number
}

/** Scores a validated v2 metric map (absent optional metrics count as ND). */
export const scoreCvss2 = (metrics: ReadonlyMap<string, string>): Cvss2Scores => {
  const w = (metric: string): number => WEIGHTS[metric]?.[metrics.get(metric) ?? 'ND'] ?? 0
  const exploitability = 20 * w('AV') * w('AC') * w('Au')
  const baseEquation = (impact: number): number =>
    Math.max(
      0,
      roundTo1Decimal((0.6 * impact + 0.4 * exploitability - 1.5) * (impact === 0 ? 0 : 1.176)),
    )
  const temporalEquation = (base: number): number =>
    roundTo1Decimal(base * w('E') * w('RL') * w('RC'))

  const impact = 10.41 * (1 - (1 - w('C')) * (1 - w('I')) * (1 - w('A')))
  const adjustedImpact = Math.min(
    10,
    10.41 * (1 - (1 - w('C') * w('CR')) * (1 - w('I') * w('IR')) * (1 - w('A') * w('AR'))),
  )
  const base = baseEquation(impact)
  const adjustedTemporal = temporalEquation(baseEquation(adjustedImpact))
  return {
    base,
    temporal: temporalEquation(base),
    environmental: Math.max(
      0,
      roundTo1Decimal((adjustedTemporal + (10 - adjustedTemporal) * w('CDP')) * w('TD')),
    ),
  }
}
