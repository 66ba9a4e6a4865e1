import ae from 'ae-cvss-calculator'
import { InternalError } from '../errors.js'
import { ok, type Result } from '../result.js'
import { parseCvss, type CvssError, type CvssVersion, type ParsedCvss } from './cvss-metrics.js'
import { scoreCvss2 } from './cvss-v2.js'

// ae-cvss-calculator is a webpack CommonJS bundle: Node's ESM loader cannot see its named
// exports (`import { Cvss3P1 }` type-checks but fails at run time), so take them off the default.
const { Cvss3P0, Cvss3P1, Cvss4P0 } = ae

export type CvssSeverity = 'None' | 'Low' | 'Medium' | 'High' | 'Critical'

export interface CvssScore {
  /** The vector as given (trimmed). */
  readonly vector: string
  readonly version: CvssVersion
  readonly baseScore: number
  /** v2/v3 temporal score, v4.0 CVSS-BT; present only when the vector sets a temporal/threat metric. */
  readonly temporalScore?: number
  /**
   * v2/v3 environmental score, v4.0 CVSS-BE or CVSS-BTE (threat applied, as v3's environmental
   * score applies temporal metrics); present only when the vector sets an environmental metric.
   */
  readonly environmentalScore?: number
  /** The most specific score computed: environmental, else temporal, else base. */
  readonly score: number
  /** Qualitative rating of `score`. */
  readonly severity: CvssSeverity
  /**
   * v3.x base exploitability sub-score (8.22 x AV x AC x PR x UI, 0.1 to 3.9), for policies that
   * keep impact out of exploitability. v2 and v4.0 have none that compares with it.
   */
  readonly exploitabilitySubscore?: number
}

/**
 * Qualitative rating. v3.x and v4.0 use FIRST's scale (None 0.0, Low 0.1-3.9, Medium 4.0-6.9,
 * High 7.0-8.9, Critical 9.0-10.0); v2 has none of its own, so we use NVD's (Low 0.0-3.9,
 * Medium 4.0-6.9, High 7.0-10.0).
 */
export const cvssSeverity = (score: number, version: CvssVersion): CvssSeverity => {
  if (version === '2.0') return score >= 7 ? 'High' : score >= 4 ? 'Medium' : 'Low'
  if (score >= 9) return 'Critical'
  if (score >= 7) return 'High'
  if (score >= 4) return 'Medium'
  return score > 0 ? 'Low' : 'None'
}

interface Scores {
  readonly base: number
  readonly exploitability?: number
  readonly temporal?: number
  readonly environmental?: number
}

/** A number the library is expected to compute for a valid vector; anything else is its bug. */
const defined = (value: number | undefined, what: string, vector: string): number => {
  if (value === undefined) {
    throw new InternalError(
      'cvss/library',
      `ae-cvss-calculator gave no ${what} score for ${vector}`,
    )
  }
  return value
}

const scoreV3 = (parsed: ParsedCvss, vector: string): Scores => {
  const scores = new (parsed.version === '3.0' ? Cvss3P0 : Cvss3P1)(vector).calculateScores()
  const base = defined(scores.base, 'base', vector)
  // Convention: temporal/environmental only when the vector sets one of their metrics. The
  // library agrees; Red Hat's reference instead always reports an environmental score computed
  // with defaults, which differs from the base score for scope-changed vectors (the environmental
  // formula rounds the modified impact differently: e.g. base 9.6, "environmental" 9.7). Showing
  // 9.7 for a vector that states no environment would misstate the base score.
  return {
    base,
    exploitability: defined(scores.exploitability, 'exploitability', vector),
    ...(parsed.hasTemporal ? { temporal: defined(scores.temporal, 'temporal', vector) } : {}),
    ...(parsed.hasEnvironmental
      ? { environmental: defined(scores.environmental, 'environmental', vector) }
      : {}),
  }
}

const scoreV4 = (parsed: ParsedCvss, vector: string): Scores => {
  // The library's `base` is the overall score; `baseMetricsOnly` is CVSS-B.
  const scores = new Cvss4P0(vector).calculateScores()
  return {
    base: defined(scores.baseMetricsOnly, 'CVSS-B', vector),
    ...(parsed.hasTemporal ? { temporal: defined(scores.threat, 'CVSS-BT', vector) } : {}),
    ...(parsed.hasEnvironmental ? { environmental: scores.overall } : {}),
  }
}

const scoreV2 = (parsed: ParsedCvss): Scores => {
  const scores = scoreCvss2(parsed.metrics)
  return {
    base: scores.base,
    ...(parsed.hasTemporal ? { temporal: scores.temporal } : {}),
    ...(parsed.hasEnvironmental ? { environmental: scores.environmental } : {}),
  }
}

/** Validates and scores a CVSS v2, v3.0, v3.1 or v4.0 vector. */
export const scoreCvss = (input: string): Result<CvssScore, CvssError> => {
  const parsed = parseCvss(input)
  if (!parsed.ok) return parsed
  const vector = input.trim()
  const { version } = parsed.value
  const scores =
    version === '2.0'
      ? scoreV2(parsed.value)
      : version === '4.0'
        ? scoreV4(parsed.value, vector)
        : scoreV3(parsed.value, vector)
  const score = scores.environmental ?? scores.temporal ?? scores.base
  return ok({
    vector,
    version,
    baseScore: scores.base,
    ...(scores.temporal === undefined ? {} : { temporalScore: scores.temporal }),
    ...(scores.environmental === undefined ? {} : { environmentalScore: scores.environmental }),
    score,
    severity: cvssSeverity(score, version),
    ...(scores.exploitability === undefined
      ? {}
      : { exploitabilitySubscore: scores.exploitability }),
  })
}
