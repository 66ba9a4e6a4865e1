import type { RiskEstimate } from '../model/index.js'
import { scoreCvss, type CvssScore } from '../risk/index.js'
import type { AcceptabilityCell, ControlCell, RiskPolicy } from '../risk-policy/index.js'

export const CONTROL_STATUSES = ['controlled', 'uncontrolled'] as const
export type ControlStatus = (typeof CONTROL_STATUSES)[number]

export const ACCEPTABILITY_RATINGS = ['acceptable', 'acceptance-required', 'unacceptable'] as const
export type AcceptabilityRating = (typeof ACCEPTABILITY_RATINGS)[number]

/** Where an exploitability level came from, so a reviewer can retrace it. */
export type ExploitabilityBasis =
  | {
      readonly kind: 'cvss'
      readonly vector: string
      /** The score that was binned (see the policy's `cvssScore`). */
      readonly score: number
      readonly scoreKind: 'base' | 'temporal' | 'environmental' | 'exploitability-subscore'
    }
  | { readonly kind: 'level' }

export interface Exploitability {
  readonly level: string
  readonly basis: ExploitabilityBasis
}

const CONTROL: Readonly<Record<ControlCell, ControlStatus>> = { C: 'controlled', U: 'uncontrolled' }
const ACCEPTABILITY: Readonly<Record<AcceptabilityCell, AcceptabilityRating>> = {
  A: 'acceptable',
  R: 'acceptance-required',
  U: 'unacceptable',
}

/** The level whose bin holds a CVSS score: the first whose `cvssBelow` is above it. */
export const levelForScore = (policy: RiskPolicy, score: number): string => {
  const levels = policy.exploitability
  const level = levels.find(
    (candidate) => candidate.cvssBelow !== undefined && score < candidate.cvssBelow,
  )
  return (level ?? levels[levels.length - 1] ?? { id: '' }).id
}

type ScoreKind = Extract<ExploitabilityBasis, { kind: 'cvss' }>['scoreKind']

/** The number the policy bins, and which score it is. */
const measure = (
  value: CvssScore,
  policy: RiskPolicy,
): { readonly score: number; readonly scoreKind: ScoreKind } | { readonly problem: string } => {
  switch (policy.cvssScore) {
    case 'exploitability-subscore':
      return value.exploitabilitySubscore === undefined
        ? {
            problem: `risk policy '${policy.id}' bins the CVSS v3.x exploitability sub-score, which CVSS ${value.version} does not have; give a v3.1 vector or an exploitability level`,
          }
        : { score: value.exploitabilitySubscore, scoreKind: 'exploitability-subscore' }
    case 'base':
      return { score: value.baseScore, scoreKind: 'base' }
    default:
      return {
        score: value.score,
        scoreKind:
          value.environmentalScore !== undefined
            ? 'environmental'
            : value.temporalScore !== undefined
              ? 'temporal'
              : 'base',
      }
  }
}

/**
 * The exploitability of an estimate under the policy, or a message saying why there is none
 * (an invalid vector is caught when the model is validated; an unknown level only here, since
 * levels belong to the policy).
 */
export const exploitabilityOf = (
  estimate: RiskEstimate,
  policy: RiskPolicy,
): Exploitability | { readonly problem: string } | undefined => {
  if (estimate.cvss !== undefined) {
    const scored = scoreCvss(estimate.cvss)
    if (!scored.ok) return { problem: scored.error.message }
    const measured = measure(scored.value, policy)
    if ('problem' in measured) return measured
    const { score, scoreKind } = measured
    return {
      level: levelForScore(policy, score),
      basis: { kind: 'cvss', vector: scored.value.vector, score, scoreKind },
    }
  }
  if (estimate.exploitability === undefined) return undefined
  const known = policy.exploitability.map((level) => level.id)
  if (!known.includes(estimate.exploitability)) {
    return {
      problem: `exploitability '${estimate.exploitability}' is not a level of risk policy '${policy.id}' (${known.join(', ')})`,
    }
  }
  return { level: estimate.exploitability, basis: { kind: 'level' } }
}

export interface MatrixRating {
  readonly controlStatus: ControlStatus
  readonly acceptability: AcceptabilityRating
}

/** The two matrix cells for an exploitability level and a severity id the policy knows. */
export const rateRisk = (policy: RiskPolicy, level: string, severity: string): MatrixRating => {
  const column = policy.severities.indexOf(severity)
  const control = policy.controlMatrix[level]?.[column]
  const acceptability = policy.acceptabilityMatrix[level]?.[column]
  if (column < 0 || control === undefined || acceptability === undefined) {
    // A checked policy covers every level and severity; reaching here is a caller's bug.
    throw new RangeError(`risk policy '${policy.id}' has no cell for ${level} x ${severity}`)
  }
  return { controlStatus: CONTROL[control], acceptability: ACCEPTABILITY[acceptability] }
}
