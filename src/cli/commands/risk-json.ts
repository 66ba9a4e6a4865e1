import { safetyProbabilityNote, type RiskEntry, type RiskRating } from '../../core/index.js'
import type { LocatedIssue } from '../../formats/index.js'
import type { RiskReport } from './risk-report.js'

const rating = (point: RiskRating) => ({
  exploitability: point.exploitability,
  exploitabilityBasis: point.exploitabilityBasis,
  severity: point.severity,
  severityBasis: point.severityBasis,
  controlStatus: point.controlStatus,
  acceptability: point.acceptability,
})

const entryJson = (entry: RiskEntry) => ({
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

/** `medcyber risk --json`: stable keys for scripts; `risks` is the register. */
export const riskJson = (report: RiskReport, issues: readonly LocatedIssue[]) => {
  const { register } = report
  const { policy } = register
  return {
    product: report.productName,
    date: register.today,
    release: register.release ?? null,
    policy: {
      id: policy.id,
      title: policy.title,
      version: policy.version,
      safetyProbability: {
        ...policy.safetyProbability,
        note: safetyProbabilityNote(policy),
      },
    },
    summary: register.summary,
    risks: register.entries.map(entryJson),
    unevaluated: register.unevaluated,
    updateOversight: report.oversight,
    metrics: report.metrics,
    issues,
  }
}
