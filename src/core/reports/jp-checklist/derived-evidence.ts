import type { DeliverableKind } from '../deliverable.js'
import type { ReportContext } from '../report-context.js'
import type { DerivedText } from './jp-checklist-text.js'

/** Evidence medcyber itself produces from the device model, for one checklist row. */
export interface DerivedEvidence {
  readonly clause: string
  readonly name: string
  /** The medcyber deliverable that presents it: the document number of generated evidence. */
  readonly deliverable: DeliverableKind
  readonly rationale: string
}

const CODE_REVIEW_KINDS: ReadonlySet<string> = new Set(['code-review', 'sast'])

/**
 * What the model already shows for each clause, only where the model holds the data: a clause
 * with no such data stays a gap, never filled by assumption.
 */
export const derivedEvidence = (ctx: ReportContext, text: DerivedText): DerivedEvidence[] => {
  const { model } = ctx
  const found: DerivedEvidence[] = []
  const add = (
    clause: string,
    deliverable: DeliverableKind,
    [name, rationale]: readonly [string, string],
  ) => found.push({ clause, name, deliverable, rationale })
  const ids = (items: readonly { readonly id: string }[]) =>
    items
      .map((item) => item.id)
      .sort()
      .join(', ')

  if (model.elements.length > 0) {
    add(
      '5.3',
      'fda-premarket',
      text.architecture(
        model.elements.length,
        model.dataFlows.length,
        model.trustBoundaries.length,
      ),
    )
  }
  const reviews = model.verifications.filter((v) => CODE_REVIEW_KINDS.has(v.kind))
  if (reviews.length > 0) add('5.5', 'fda-premarket', text.codeReviews(ids(reviews)))
  const tests = model.verifications.filter((v) => !CODE_REVIEW_KINDS.has(v.kind))
  if (tests.length > 0) add('5.7', 'fda-premarket', text.verifications(ids(tests)))
  if (model.releases.length > 0) {
    const versions = model.releases.map((release) => release.version).join(', ')
    add('5.8', 'sbom', text.releases(versions))
    add('8', 'sbom', text.releases(versions))
  }
  if (model.sboms.length > 0) add('8', 'sbom', text.sboms(model.sboms.length))
  if (model.managementPlan !== undefined) {
    add('6', 'fda-premarket', text.managementPlan)
    add('6.1', 'fda-premarket', text.managementPlan)
    const sources = model.managementPlan.monitoringSources ?? []
    if (sources.length > 0) add('6.2', 'fda-premarket', text.monitoring(sources.length))
  }
  if (model.findingAssessments.length > 0) {
    add('6.2', 'vex', text.findingTriage(model.findingAssessments.length))
  }
  if (
    model.managementPlan?.cvdProcess !== undefined ||
    model.product.manufacturer.cvdPolicyUrl !== undefined
  ) {
    add('9', 'fda-premarket', text.cvd)
  }
  return [...found, ...riskEvidence(ctx, text)]
}

/** Clause 7: what the threat model, the register, the controls and their tests show. */
const riskEvidence = (ctx: ReportContext, text: DerivedText): DerivedEvidence[] => {
  const { model } = ctx
  const found: DerivedEvidence[] = []
  const add = (
    clause: string,
    deliverable: DeliverableKind,
    [name, rationale]: readonly [string, string],
  ) => found.push({ clause, name, deliverable, rationale })
  if (!ctx.policyIsExample) add('7.1', 'fda-premarket', text.riskPolicy)
  if (ctx.threats.length > 0) add('7.2', 'fda-premarket', text.threatModel(ctx.threats.length))
  if (model.findingAssessments.length > 0) {
    add('7.2', 'vex', text.findingTriage(model.findingAssessments.length))
  }
  if (ctx.register.entries.length > 0) {
    add('7', 'fda-premarket', text.riskRegister(ctx.register.entries.length))
    add('7.3', 'fda-premarket', text.riskRegister(ctx.register.entries.length))
  }
  if (model.controls.length > 0) add('7.4', 'traceability', text.controls(model.controls.length))
  const verifiedControls = model.verifications.filter((v) => (v.controls ?? []).length > 0)
  if (verifiedControls.length > 0) {
    const ids = verifiedControls.map((item) => item.id).sort()
    add('7.5', 'traceability', text.verifications(ids.join(', ')))
  }
  return found
}
