import {
  deadlinesForDecision,
  deadlinesForEvent,
  err,
  localDate,
  ok,
  type CalendarDate,
  type DeadlinePolicy,
  type EuIncidentSeverity,
  type Result,
  type RiskControlDecision,
} from '../core/index.js'
import {
  findingFirstSeen,
  readSetting,
  recordRegulatoryEvent,
  recordRiskDecision,
  type LearnedFrom,
  type RecordedDecision,
  type Store,
  type StoredClock,
} from '../store/index.js'
import { analyseProduct } from './product-analysis.js'
import { loadProductModel, type ProductModel } from './product-model.js'

/** The setting a manufacturer's (b)(1) plan timeline for out-of-cycle patches is kept under. */
export const OUT_OF_CYCLE_PATCH_DAYS_SETTING = 'clocks.outOfCyclePatchDays'

export type ClockRequestProblem =
  | { readonly code: 'not-found'; readonly productId: string }
  | { readonly code: 'invalid-model'; readonly productId: string }
  | {
      readonly code: 'unknown-release'
      readonly release: string
      readonly releases: readonly string[]
    }
  | { readonly code: 'unknown-subject'; readonly subject: string; readonly release: string }

export interface RiskDecisionRequest {
  readonly productId: string
  readonly release: string
  /** A finding id (`advisory@component`) or a threat id. */
  readonly subject: string
  readonly decision: RiskControlDecision
  readonly rationale: string
  /** Day 0 of the clocks; default the day the finding was first seen, else today. */
  readonly learnedOn?: CalendarDate
  /** Username of whoever decides. */
  readonly actor: string
}

interface Known {
  readonly product: ProductModel
  readonly timeZone: string
}

/** The product with a valid model that has the release, or why not. */
const productWithRelease = async (
  store: Store,
  productId: string,
  release: string,
): Promise<Result<Known, ClockRequestProblem>> => {
  const product = await loadProductModel(store, productId)
  if (product === undefined) return err({ code: 'not-found', productId })
  const { model } = product
  if (model === undefined) return err({ code: 'invalid-model', productId })
  const releases = model.releases.map((item) => item.version)
  if (!releases.includes(release)) return err({ code: 'unknown-release', release, releases })
  return ok({ product, timeZone: product.policy.timeZone ?? 'UTC' })
}

/** Today in the manufacturer's zone, where its clocks are counted. */
const localToday = (store: Store, timeZone: string): CalendarDate =>
  localDate(store.now().toISOString(), timeZone)

/** A subject is known when it is a stored finding of the release, assessed, or a threat. */
const isKnownSubject = async (
  store: Store,
  known: Known,
  request: { productId: string; release: string; subject: string },
): Promise<boolean> => {
  const model = known.product.model
  if (model === undefined) return false
  if (model.findingAssessments.some((entry) => entry.finding === request.subject)) return true
  if (model.threatAssessments.some((entry) => entry.threat === request.subject)) return true
  const analysis = await analyseProduct(store, request.productId, {
    date: localToday(store, known.timeZone),
  })
  return analysis.ok && analysis.value.threats.some((threat) => threat.id === request.subject)
}

const positiveInteger = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : undefined

const deadlinePolicyOf = async (store: Store): Promise<DeadlinePolicy> => {
  const days = positiveInteger(await readSetting(store.db, OUT_OF_CYCLE_PATCH_DAYS_SETTING))
  return days === undefined ? {} : { outOfCyclePatchDays: days }
}

/**
 * Records the controlled/uncontrolled decision for one subject of one release and starts the
 * clocks it brings (see core `deadlinesForDecision`). Day 0 is the day the manufacturer learned
 * of the vulnerability: as given, else the local day the finding was first seen, else today.
 */
export const decideRiskControl = async (
  store: Store,
  request: RiskDecisionRequest,
): Promise<Result<RecordedDecision, ClockRequestProblem>> => {
  const known = await productWithRelease(store, request.productId, request.release)
  if (!known.ok) return known
  const firstSeen = await findingFirstSeen(
    store,
    request.productId,
    request.release,
    request.subject,
  )
  if (firstSeen === undefined && !(await isKnownSubject(store, known.value, request))) {
    return err({ code: 'unknown-subject', subject: request.subject, release: request.release })
  }
  const { timeZone, product } = known.value
  const [learnedOn, learnedFrom]: [CalendarDate, LearnedFrom] =
    request.learnedOn !== undefined
      ? [request.learnedOn, 'request']
      : firstSeen !== undefined
        ? [localDate(firstSeen, timeZone), 'finding-first-seen']
        : [localToday(store, timeZone), 'decision-date']
  const deadlines = deadlinesForDecision(request.decision, learnedOn, await deadlinePolicyOf(store))
  return ok(
    await recordRiskDecision(store, {
      productId: request.productId,
      release: request.release,
      subject: request.subject,
      decision: request.decision,
      rationale: request.rationale,
      learnedOn,
      learnedFrom,
      actor: request.actor,
      modelRevision: product.revision,
      deadlines,
    }),
  )
}

interface EventBase {
  readonly productId: string
  readonly release: string
  readonly subject: string
  /** The day of the event in the manufacturer's zone; default today there. */
  readonly on?: CalendarDate
  /** A reference of the manufacturer's (a recall number, a vigilance report id). */
  readonly reference?: string
  readonly note: string
  readonly actor: string
}

export type RegulatoryEventRequest =
  | (EventBase & {
      readonly kind: 'correction-initiated'
      /** Non-working days besides weekends (the authority's public holidays). */
      readonly holidays?: readonly CalendarDate[]
    })
  | (EventBase & { readonly kind: 'eu-serious-incident'; readonly severity: EuIncidentSeverity })

/**
 * Records a follow-up event and starts its reporting clock: a correction or removal initiated
 * (21 CFR 806.10, 10 working days) or an EU serious incident (MDR Article 87, 2/10/15 days).
 */
export const recordFollowUpEvent = async (
  store: Store,
  request: RegulatoryEventRequest,
): Promise<Result<readonly StoredClock[], ClockRequestProblem>> => {
  const known = await productWithRelease(store, request.productId, request.release)
  if (!known.ok) return known
  const on = request.on ?? localToday(store, known.value.timeZone)
  const reference = request.reference === undefined ? {} : { reference: request.reference }
  const [deadlines, detail] =
    request.kind === 'correction-initiated'
      ? [
          deadlinesForEvent({
            kind: request.kind,
            on,
            ...(request.holidays === undefined ? {} : { holidays: request.holidays }),
          }),
          { on, ...reference, holidays: [...(request.holidays ?? [])] },
        ]
      : [
          deadlinesForEvent({ kind: request.kind, on, severity: request.severity }),
          { on, ...reference, severity: request.severity },
        ]
  return ok(
    await recordRegulatoryEvent(store, {
      productId: request.productId,
      release: request.release,
      subject: request.subject,
      trigger: request.kind,
      detail,
      note: request.note,
      actor: request.actor,
      deadlines,
    }),
  )
}
