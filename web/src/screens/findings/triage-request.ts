import { entryForRelease, entryForScope } from '../../api/assessment-scopes.js'
import type { Finding, FindingAssessment, FindingTriageBody } from '../../api/types.js'
import { VEX_STATUSES } from '../../../../src/core/model/vocabulary.js'

export type VexStatus = (typeof VEX_STATUSES)[number]

export const isVexStatus = (value: string): value is VexStatus =>
  (VEX_STATUSES as readonly string[]).includes(value)

/** The fields of an entry the form edits, besides the scope. */
export type TriageField = 'status' | 'justification' | 'response' | 'detail' | 'controls'

/** The decision the form shows; empty text and empty lists mean "none". */
export interface TriageValues {
  readonly status: VexStatus
  /** One of VEX_JUSTIFICATIONS, for not_affected only. */
  readonly justification: string
  /** VEX_RESPONSES, for affected only. */
  readonly response: readonly string[]
  readonly detail: string
  readonly controls: readonly string[]
}

export interface TriageForm extends TriageValues {
  /** The releases the decision is for; empty for every release. */
  readonly releases: readonly string[]
  readonly reason: string
  /** What the user changed: only these fields replace what each finding's entry holds. */
  readonly edited: ReadonlySet<TriageField>
}

/** One finding's side of a triage: the entry a save replaces and the values it starts from. */
export interface TriageStart {
  readonly findingId: string
  /** The model's entry for this finding and exactly the form's releases; none: a save adds one. */
  readonly base: FindingAssessment | undefined
  readonly values: TriageValues
}

const valuesOf = (entry: FindingAssessment): TriageValues => ({
  status: entry.status,
  justification: entry.justification ?? '',
  response: entry.response ?? [],
  detail: entry.detail ?? '',
  controls: entry.controls ?? [],
})

/**
 * Where a finding's triage for a release scope starts: the entry of that scope. For a scope
 * without one, the decision that applies now to the one release scoped (else the stored VEX
 * status), so a new scoped decision starts from the current one; only what the form shows is
 * taken over from it, the rest belongs to the entry it is in.
 */
export const triageStart = (finding: Finding, releases: readonly string[]): TriageStart => {
  const { findingId, assessments } = finding
  const base = entryForScope(assessments, releases)
  if (base !== undefined) return { findingId, base, values: valuesOf(base) }
  const [release] = releases
  const current =
    releases.length === 1 && release !== undefined
      ? entryForRelease(assessments, release)
      : undefined
  if (current !== undefined) return { findingId, base, values: valuesOf(current) }
  return {
    findingId,
    base,
    values: {
      status: isVexStatus(finding.vexStatus) ? finding.vexStatus : 'under_investigation',
      justification: '',
      response: [],
      detail: '',
      controls: [],
    },
  }
}

/**
 * The scope the form opens with: the release shown when every finding has an entry for exactly
 * it and none for every release (its decision is the one there is), else every release.
 */
export const initialScope = (
  findings: readonly Finding[],
  release: string | undefined,
): readonly string[] =>
  release !== undefined &&
  findings.every(
    (finding) =>
      entryForScope(finding.assessments, [release]) !== undefined &&
      entryForScope(finding.assessments, []) === undefined,
  )
    ? [release]
    : []

/**
 * How many of the findings have entries for particular releases that a decision for every
 * release does not replace: in those releases they keep deciding.
 */
export const overriddenCount = (
  findings: readonly Finding[],
  releases: readonly string[],
): number =>
  releases.length > 0
    ? 0
    : findings.filter((finding) =>
        finding.assessments.some((entry) => (entry.releases ?? []).length > 0),
      ).length

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item) => b.includes(item))

const FIELDS: readonly TriageField[] = ['status', 'justification', 'response', 'detail', 'controls']

const same = (a: TriageValues, b: TriageValues, field: TriageField): boolean => {
  const left = a[field]
  const right = b[field]
  return typeof left === 'string' || typeof right === 'string'
    ? left === right
    : sameSet(left, right)
}

const EMPTY_TRIAGE: TriageForm = {
  status: 'under_investigation',
  justification: '',
  response: [],
  detail: '',
  controls: [],
  releases: [],
  reason: '',
  edited: new Set(),
}

/**
 * The form over one or many findings: each value they all share, and empty where they differ
 * (`mixed`: left as each finding has it unless the user changes it; a mixed status shows as
 * under investigation until one is chosen).
 */
export const formFor = (
  starts: readonly TriageStart[],
  releases: readonly string[],
): { readonly form: TriageForm; readonly mixed: ReadonlySet<TriageField> } => {
  const [first, ...rest] = starts.map((start) => start.values)
  const mixed = new Set<TriageField>()
  if (first === undefined) {
    return { form: { ...EMPTY_TRIAGE, releases }, mixed }
  }
  for (const field of FIELDS) {
    if (rest.some((values) => !same(values, first, field))) mixed.add(field)
  }
  return {
    form: {
      status: mixed.has('status') ? 'under_investigation' : first.status,
      justification: mixed.has('justification') ? '' : first.justification,
      response: mixed.has('response') ? [] : first.response,
      detail: mixed.has('detail') ? '' : first.detail,
      controls: mixed.has('controls') ? [] : first.controls,
      releases,
      reason: '',
      edited: new Set(),
    },
    mixed,
  }
}

/** The form with one field changed by the user. */
export const editField = <K extends TriageField>(
  form: TriageForm,
  field: K,
  value: TriageForm[K],
): TriageForm => ({ ...form, [field]: value, edited: new Set([...form.edited, field]) })

/** What the form writes (or the save itself); every other field of an entry is kept. */
const WRITTEN = new Set([
  'finding',
  'status',
  'justification',
  'response',
  'detail',
  'controls',
  'releases',
  'assessedBy',
  'date',
])

/**
 * The fields of an entry a save keeps as recorded (risk evaluation, verifications, accepted
 * until, hazardous situations, identified, extensions…), by name.
 */
export const keptFields = (base: FindingAssessment | undefined): readonly string[] =>
  Object.keys(base ?? {}).filter((key) => !WRITTEN.has(key))

/** One finding's decision: what the user changed, else what the finding starts from. */
const decisionOf = (start: TriageStart, form: TriageForm): TriageValues => {
  const { edited } = form
  const from = start.values
  return {
    status: edited.has('status') ? form.status : from.status,
    justification: edited.has('justification') ? form.justification : from.justification,
    response: edited.has('response') ? form.response : from.response,
    // Only text the user typed is trimmed: a recorded detail goes back byte for byte.
    detail: edited.has('detail') ? form.detail.trim() : from.detail,
    controls: edited.has('controls') ? form.controls : from.controls,
  }
}

/**
 * The PUT .../triage body for one finding. The route replaces the whole entry, so it is the
 * entry being replaced with the form's decision in it: the fields the form does not show are
 * sent back as they are, and so is what the user left untouched where the findings differ. A
 * justification goes only with not_affected and a response only with affected, as VEX allows;
 * the assessor and the day are those of this save.
 */
export const triageBody = (
  start: TriageStart,
  form: TriageForm,
  by: { readonly assessedBy: string; readonly today: string },
): FindingTriageBody => {
  // Typed by the schema it was read with; the keys taken out are the ones set below.
  const kept = Object.fromEntries(
    Object.entries(start.base ?? {}).filter(([key]) => !WRITTEN.has(key)),
  ) as Partial<FindingTriageBody>
  const { status, justification, response, detail, controls } = decisionOf(start, form)
  const reason = form.reason.trim()
  const assessedBy = by.assessedBy.trim()
  return {
    ...kept,
    status,
    ...(status === 'not_affected' && justification !== ''
      ? { justification: justification as NonNullable<FindingTriageBody['justification']> }
      : {}),
    ...(status === 'affected' && response.length > 0
      ? { response: [...response] as NonNullable<FindingTriageBody['response']> }
      : {}),
    ...(detail === '' ? {} : { detail }),
    ...(controls.length === 0 ? {} : { controls: [...controls] }),
    ...(form.releases.length === 0 ? {} : { releases: [...form.releases] }),
    ...(assessedBy === '' ? {} : { assessedBy }),
    date: by.today,
    ...(reason === '' ? {} : { reason }),
  }
}

/**
 * What the model would refuse, caught before sending: CSAF 2.0 and OpenVEX need a reason for
 * not_affected (the model check `model/vex-without-justification`).
 */
export const lacksJustification = (body: FindingTriageBody): boolean =>
  body.status === 'not_affected' && body.justification === undefined && body.detail === undefined
