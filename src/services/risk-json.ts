import {
  safetyProbabilityNote,
  type FdaMetrics,
  type ReleaseOversight,
  type RiskEntry,
  type RiskRating,
  type RiskRegister,
} from '../core/index.js'
import type { LocatedIssue } from '../formats/index.js'

/** What `medcyber risk` prints, in text or JSON. */
export interface RiskReport {
  readonly productName: string
  readonly register: RiskRegister
  readonly oversight: readonly ReleaseOversight[]
  readonly metrics: FdaMetrics
}

const rating = (point: RiskRating) => ({
  exploitability: point.exploitability,
  exploitabilityBasis: point.exploitabilityBasis,
  severity: point.severity,
  severityBasis: point.severityBasis,
  controlStatus: point.controlStatus,
  acceptability: point.acceptability,
})

/** One register entry with stable keys, as `medcyber risk --json` and the API give it. */
export const riskEntryJson = (entry: RiskEntry) => ({
  id: entry.id,
  title: entry.title,
  source: entry.source,
  subject: entry.subject,
  releases: entry.releases ?? null,
  status: entry.status,
  // The inherent (before-control) rating; `residual` is after controls.
  exploitability: entry.before.exploitability,
  severity: entry.before.severity,
  controlStatus: entry.controlStatus,
  acceptable: entry.acceptable,
  before: rating(entry.before),
  residual: rating(entry.residual),
  controls: entry.controls,
  hazardousSituations: entry.hazardousSituations,
  harms: entry.harms,
  patientHarm: entry.patientHarm,
  acceptance: entry.acceptance ?? null,
  identified: entry.identified ?? null,
  deadlines: entry.deadlines.map((deadline) => ({
    id: deadline.id,
    title: deadline.title,
    start: deadline.start,
    due: deadline.due,
    source: deadline.source,
    state: deadline.status.state,
    daysRemaining: deadline.status.daysRemaining,
  })),
  rationale: entry.rationale,
})

/** The policy a register was rated under, with the note on how safety probability is read. */
export const riskPolicyJson = (register: RiskRegister) => {
  const { policy } = register
  return {
    id: policy.id,
    title: policy.title,
    version: policy.version,
    safetyProbability: {
      ...policy.safetyProbability,
      note: safetyProbabilityNote(policy),
    },
  }
}

/** `medcyber risk --json`: stable keys for scripts; `risks` is the register. */
export const riskJson = (report: RiskReport, issues: readonly LocatedIssue[]) => {
  const { register } = report
  return {
    product: report.productName,
    date: register.today,
    release: register.release ?? null,
    policy: riskPolicyJson(register),
    summary: register.summary,
    risks: register.entries.map(riskEntryJson),
    unevaluated: register.unevaluated,
    updateOversight: report.oversight,
    metrics: report.metrics,
    issues,
  }
}
