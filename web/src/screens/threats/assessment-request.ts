import { entryForScope } from '../../api/assessment-scopes.js'
import type { Threat, ThreatAssessment, ThreatAssessmentBody } from '../../api/types.js'
import type { THREAT_STATUSES } from '../../../../src/core/model/vocabulary.js'

export type ThreatStatus = (typeof THREAT_STATUSES)[number]

/** What the assessment form holds. */
export interface AssessmentForm {
  readonly status: ThreatStatus
  readonly rationale: string
  readonly controls: readonly string[]
  readonly hazardousSituations: readonly string[]
  /** The releases the decision is for; empty for every release. */
  readonly releases: readonly string[]
  readonly reason: string
}

/** The model's entry for this threat and exactly these releases: the one a save replaces. */
export const assessmentFor = (
  threat: Threat,
  releases: readonly string[],
): ThreatAssessment | undefined => entryForScope(threat.assessments, releases)

/**
 * The form for a release scope: the entry a save would replace, or, for a scope with no entry
 * yet, what applies to the threat now, so a new scoped decision starts from the current one.
 */
export const formFor = (threat: Threat, releases: readonly string[]): AssessmentForm => {
  const base = assessmentFor(threat, releases)
  if (base === undefined) {
    return {
      status: threat.status as ThreatStatus,
      rationale: threat.rationale ?? '',
      controls: threat.controls,
      hazardousSituations: threat.hazardousSituations,
      releases,
      reason: '',
    }
  }
  return {
    status: base.status,
    rationale: base.rationale,
    controls: base.controls ?? [],
    hazardousSituations: base.hazardousSituations ?? [],
    releases,
    reason: '',
  }
}

/**
 * The PUT body. The route replaces the whole entry, so what the form does not show (the risk
 * evaluation with its acceptance, when the threat was identified) is carried over from the
 * entry being replaced; the assessor and the day are those of this save.
 */
export const assessmentBody = (
  base: ThreatAssessment | undefined,
  form: AssessmentForm,
  by: { readonly assessedBy: string; readonly today: string },
): ThreatAssessmentBody => {
  const kept = {
    ...(base?.risk === undefined ? {} : { risk: base.risk }),
    ...(base?.identified === undefined ? {} : { identified: base.identified }),
  }
  const reason = form.reason.trim()
  return {
    status: form.status,
    rationale: form.rationale.trim(),
    ...(form.controls.length === 0 ? {} : { controls: [...form.controls] }),
    ...(form.hazardousSituations.length === 0
      ? {}
      : { hazardousSituations: [...form.hazardousSituations] }),
    ...kept,
    ...(form.releases.length === 0 ? {} : { releases: [...form.releases] }),
    ...(by.assessedBy.trim() === '' ? {} : { assessedBy: by.assessedBy.trim() }),
    date: by.today,
    ...(reason === '' ? {} : { reason }),
  }
}
