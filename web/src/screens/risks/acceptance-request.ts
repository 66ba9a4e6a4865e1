import type { RiskEntry, ThreatAssessment, ThreatAssessmentBody } from '../../api/types.js'
import { addYears } from '../../../../src/core/lifecycle/calendar-date.js'

/** What the acceptance form holds (RiskAcceptanceSchema in the model, plus the audit reason). */
export interface AcceptanceForm {
  readonly rationale: string
  readonly approvedBy: string
  readonly date: string
  readonly reReview: string
  readonly benefitRisk: string
  readonly reason: string
}

/** The recorded acceptance to revise, or a new one dated today for review in a year. */
export const acceptanceFormFor = (
  entry: RiskEntry,
  today: string,
  approvedBy: string,
): AcceptanceForm => {
  const recorded = entry.acceptance
  if (recorded !== null) {
    return {
      rationale: recorded.rationale,
      approvedBy: recorded.approvedBy,
      date: recorded.date,
      reReview: recorded.reReview,
      benefitRisk: recorded.benefitRisk ?? '',
      reason: '',
    }
  }
  return {
    rationale: '',
    approvedBy,
    date: today,
    reReview: addYears(today, 1),
    benefitRisk: '',
    reason: '',
  }
}

export type AcceptanceProblem =
  | 'rationale-missing'
  | 'approver-missing'
  | 'date-missing'
  | 're-review-not-after-date'
  | 'benefit-risk-missing'

/**
 * What the model would refuse or a reviewer would question: an acceptance says why and who,
 * is reviewed after it is given, and a risk the policy rates unacceptable needs a benefit-risk
 * conclusion (ISO 14971 7.4) before it can be accepted.
 */
export const acceptanceProblems = (
  entry: RiskEntry,
  form: AcceptanceForm,
): readonly AcceptanceProblem[] => {
  const problems: AcceptanceProblem[] = []
  if (form.rationale.trim() === '') problems.push('rationale-missing')
  if (form.approvedBy.trim() === '') problems.push('approver-missing')
  if (form.date === '' || form.reReview === '') problems.push('date-missing')
  else if (form.reReview <= form.date) problems.push('re-review-not-after-date')
  if (entry.residual.acceptability === 'unacceptable' && form.benefitRisk.trim() === '') {
    problems.push('benefit-risk-missing')
  }
  return problems
}

/**
 * The assessment PUT that records the acceptance: the threat's entry for the risk's releases as
 * it is, with `risk.acceptance` set. Undefined when that entry has no risk evaluation to add
 * the acceptance to (the register would not list the risk then).
 */
export const acceptanceBody = (
  base: ThreatAssessment,
  form: AcceptanceForm,
): ThreatAssessmentBody | undefined => {
  if (base.risk === undefined) return undefined
  const { threat: _threat, ...entry } = base
  const benefitRisk = form.benefitRisk.trim()
  const reason = form.reason.trim()
  return {
    ...entry,
    risk: {
      ...base.risk,
      acceptance: {
        rationale: form.rationale.trim(),
        approvedBy: form.approvedBy.trim(),
        date: form.date,
        reReview: form.reReview,
        ...(benefitRisk === '' ? {} : { benefitRisk }),
      },
    },
    ...(reason === '' ? {} : { reason }),
  }
}

export interface SignatureTarget {
  readonly subject: string
  readonly release?: string
}

/**
 * What a "risk accepted" signature on this risk names. Signatures name a threat
 * (`threat:<id>`), a release, the register or a document, so a finding's risk cannot be signed
 * on its own: its acceptance is signed with the register. The release is the one the register
 * is shown for, else the risk's only release.
 */
export const signatureTarget = (
  entry: RiskEntry,
  release: string | undefined,
): SignatureTarget | undefined => {
  if (entry.source !== 'threat') return undefined
  const only = entry.releases?.length === 1 ? entry.releases[0] : undefined
  const chosen = release ?? only
  return chosen === undefined
    ? { subject: `threat:${entry.subject}` }
    : { subject: `threat:${entry.subject}`, release: chosen }
}

/** The register's own "risk accepted" signature (overall residual risk, ISO 14971 clause 8). */
export const registerSignatureTarget = (release: string | undefined): SignatureTarget =>
  release === undefined ? { subject: 'risk-register' } : { subject: 'risk-register', release }
