import { randomUUID } from 'node:crypto'

import type { Kysely, Selectable } from 'kysely'

import {
  err,
  ok,
  type CalendarDate,
  type Deadline,
  type Result,
  type RiskControlDecision,
} from '../core/index.js'
import { appendAuditEvent, productAuditSubject } from './audit-trail.js'
import type { JsonValue } from './canonical-json.js'
import { toNumber } from './numbers.js'
import type { Store } from './open-store.js'
import { heldBy } from './products.js'
import type { RegulatoryClocksTable, RiskDecisionsTable } from './schema-postmarket-monitoring.js'
import type { StoreTables } from './schema.js'

/** What starts clocks besides a decision. */
export const CLOCK_TRIGGERS = [
  'risk-decision',
  'correction-initiated',
  'eu-serious-incident',
] as const
export type ClockTrigger = (typeof CLOCK_TRIGGERS)[number]

export const LEARNED_FROM = ['request', 'finding-first-seen', 'decision-date'] as const
export type LearnedFrom = (typeof LEARNED_FROM)[number]

export interface NewRiskDecision {
  readonly productId: string
  readonly release: string
  readonly subject: string
  readonly decision: RiskControlDecision
  readonly rationale: string
  readonly learnedOn: CalendarDate
  readonly learnedFrom: LearnedFrom
  /** Username of whoever decided. */
  readonly actor: string
  readonly modelRevision: number
  /** The deadlines the decision starts (core `deadlinesForDecision`). */
  readonly deadlines: readonly Deadline[]
}

export interface RiskDecision {
  readonly id: string
  readonly productId: string
  readonly release: string
  readonly subject: string
  readonly decision: RiskControlDecision
  readonly rationale: string
  readonly learnedOn: CalendarDate
  readonly learnedFrom: LearnedFrom
  readonly decidedBy: string
  readonly decidedAt: string
  readonly modelRevision: number
  readonly supersededBy: string | null
  readonly auditSeq: number
}

/** Evidence that a clock was met, or why it was withdrawn. */
// A type, not an interface: it goes into the audit trail as a JSON value.
export type ClockClosure = {
  readonly note: string
  readonly documentId?: string
  readonly url?: string
  readonly recordedBy: string
  readonly recordedAt: string
}

export interface StoredClock {
  readonly id: string
  readonly productId: string
  readonly release: string
  readonly subject: string
  readonly decisionId: string | null
  readonly trigger: ClockTrigger
  readonly triggerDetail: Readonly<Record<string, unknown>>
  readonly kind: string
  readonly title: string
  readonly startedOn: CalendarDate
  readonly due: CalendarDate
  readonly basis: string
  readonly period: number
  readonly source: { readonly document: string; readonly clause: string }
  readonly metOn: CalendarDate | null
  readonly withdrawnOn: CalendarDate | null
  readonly closure: ClockClosure | null
  readonly createdAt: string
  readonly createdBy: string
}

const toDecision = (row: Selectable<RiskDecisionsTable>): RiskDecision => ({
  id: row.id,
  productId: row.product_id,
  release: row.release,
  subject: row.subject,
  // Written only from a RiskControlDecision and a LearnedFrom.
  decision: row.decision as RiskControlDecision,
  rationale: row.rationale,
  learnedOn: row.learned_on,
  learnedFrom: row.learned_from as LearnedFrom,
  decidedBy: row.decided_by,
  decidedAt: row.decided_at,
  modelRevision: toNumber(row.model_revision),
  supersededBy: row.superseded_by,
  auditSeq: toNumber(row.audit_seq),
})

const toClock = (row: Selectable<RegulatoryClocksTable>): StoredClock => ({
  id: row.id,
  productId: row.product_id,
  release: row.release,
  subject: row.subject,
  decisionId: row.decision_id,
  trigger: row.trigger_kind as ClockTrigger,
  triggerDetail: JSON.parse(row.trigger_detail) as Record<string, unknown>,
  kind: row.kind,
  title: row.title,
  startedOn: row.started_on,
  due: row.due_on,
  basis: row.basis,
  period: toNumber(row.period),
  source: { document: row.source_document, clause: row.source_clause },
  metOn: row.met_on,
  withdrawnOn: row.withdrawn_on,
  closure: row.closure === null ? null : (JSON.parse(row.closure) as ClockClosure),
  createdAt: row.created_at,
  createdBy: row.created_by,
})

/** The audit subject of everything about one subject of one release. */
const auditSubject = (productId: string, release: string, subject: string): string =>
  `${productAuditSubject(productId)}/release:${release}/${subject}`

const decisionJson = (decision: RiskDecision): JsonValue => ({
  id: decision.id,
  release: decision.release,
  subject: decision.subject,
  decision: decision.decision,
  rationale: decision.rationale,
  learnedOn: decision.learnedOn,
  learnedFrom: decision.learnedFrom,
  modelRevision: decision.modelRevision,
})

interface ClockRowInput {
  readonly productId: string
  readonly release: string
  readonly subject: string
  readonly decisionId: string | null
  readonly trigger: ClockTrigger
  readonly triggerDetail: JsonValue
  readonly actor: string
  readonly at: string
}

const clockRow = (input: ClockRowInput, deadline: Deadline): RegulatoryClocksTable => ({
  id: randomUUID(),
  product_id: input.productId,
  release: input.release,
  subject: input.subject,
  decision_id: input.decisionId,
  trigger_kind: input.trigger,
  trigger_detail: JSON.stringify(input.triggerDetail),
  kind: deadline.id,
  title: deadline.title,
  started_on: deadline.start,
  due_on: deadline.due,
  basis: deadline.basis,
  period: deadline.count,
  source_document: deadline.source.document,
  source_clause: deadline.source.clause,
  met_on: null,
  withdrawn_on: null,
  closure: null,
  created_at: input.at,
  created_by: input.actor,
})

const clocksOfSubject = async (
  trx: Kysely<StoreTables>,
  key: { productId: string; release: string; subject: string },
): Promise<StoredClock[]> =>
  (
    await trx
      .selectFrom('regulatory_clocks')
      .selectAll()
      .where('product_id', '=', key.productId)
      .where('release', '=', key.release)
      .where('subject', '=', key.subject)
      .orderBy('due_on')
      .orderBy('kind')
      .execute()
  ).map(toClock)

export interface RecordedDecision {
  readonly decision: RiskDecision
  /** The decision it replaced, if there was one. */
  readonly previous: RiskDecision | undefined
  /** Clocks this decision started. */
  readonly started: readonly StoredClock[]
  /** Every clock of the release and subject after the decision, the earliest due first. */
  readonly clocks: readonly StoredClock[]
}

/**
 * Records a decision, supersedes the one before for the same release and subject, and starts
 * the clocks it brings that are not running yet. A clock once started stays: the obligation
 * arose when the risk was uncontrolled, whatever is decided later (withdraw it, with a reason,
 * if it was started in error). Decision, clocks and audit event commit together.
 */
export const recordRiskDecision = (
  store: Store,
  input: NewRiskDecision,
): Promise<RecordedDecision> =>
  store.db.transaction().execute(async (trx) => {
    const at = store.now()
    const key = { productId: input.productId, release: input.release, subject: input.subject }
    const previousRow = await trx
      .selectFrom('risk_decisions')
      .selectAll()
      .where('product_id', '=', key.productId)
      .where('release', '=', key.release)
      .where('subject', '=', key.subject)
      .where('superseded_by', 'is', null)
      .executeTakeFirst()
    const previous = previousRow === undefined ? undefined : toDecision(previousRow)
    const running = new Set((await clocksOfSubject(trx, key)).map((clock) => clock.kind))
    const id = randomUUID()
    const rowInput: ClockRowInput = {
      ...key,
      decisionId: id,
      trigger: 'risk-decision',
      triggerDetail: { decision: input.decision },
      actor: input.actor,
      at: at.toISOString(),
    }
    const newRows = input.deadlines
      .filter((deadline) => !running.has(deadline.id))
      .map((deadline) => clockRow(rowInput, deadline))
    const draft: RiskDecision = {
      id,
      ...key,
      decision: input.decision,
      rationale: input.rationale,
      learnedOn: input.learnedOn,
      learnedFrom: input.learnedFrom,
      decidedBy: input.actor,
      decidedAt: at.toISOString(),
      modelRevision: input.modelRevision,
      supersededBy: null,
      auditSeq: 0,
    }
    const event = await appendAuditEvent(trx, store.dialect, at, {
      actor: input.actor,
      action: 'risk-decision.record',
      subject: auditSubject(key.productId, key.release, key.subject),
      before: previous === undefined ? null : decisionJson(previous),
      after: {
        ...(decisionJson(draft) as Record<string, JsonValue>),
        clocksStarted: newRows.map((row) => ({ kind: row.kind, due: row.due_on })),
      },
      reason: input.rationale,
    })
    const decision: RiskDecision = { ...draft, auditSeq: toNumber(event.seq) }
    await trx
      .insertInto('risk_decisions')
      .values({
        id,
        product_id: key.productId,
        release: key.release,
        subject: key.subject,
        decision: decision.decision,
        rationale: decision.rationale,
        learned_on: decision.learnedOn,
        learned_from: decision.learnedFrom,
        decided_by: decision.decidedBy,
        decided_at: decision.decidedAt,
        model_revision: decision.modelRevision,
        superseded_by: null,
        audit_seq: decision.auditSeq,
      })
      .execute()
    if (previous !== undefined) {
      await trx
        .updateTable('risk_decisions')
        .set({ superseded_by: id })
        .where('id', '=', previous.id)
        .execute()
    }
    if (newRows.length > 0) await trx.insertInto('regulatory_clocks').values(newRows).execute()
    const clocks = await clocksOfSubject(trx, key)
    const startedIds = new Set(newRows.map((row) => row.id))
    return {
      decision,
      previous,
      started: clocks.filter((clock) => startedIds.has(clock.id)),
      clocks,
    }
  })

export interface NewRegulatoryEvent {
  readonly productId: string
  readonly release: string
  readonly subject: string
  readonly trigger: Exclude<ClockTrigger, 'risk-decision'>
  /** What the event said besides its day: severity, a report or recall reference, holidays. */
  readonly detail: Readonly<Record<string, JsonValue>>
  readonly note: string
  readonly actor: string
  readonly deadlines: readonly Deadline[]
}

/**
 * Records a follow-up event and the clocks it starts. The same event recorded twice (same
 * subject, kind and day) starts nothing new: a retried request does not double the work.
 */
export const recordRegulatoryEvent = (
  store: Store,
  input: NewRegulatoryEvent,
): Promise<readonly StoredClock[]> =>
  store.db.transaction().execute(async (trx) => {
    const at = store.now()
    const key = { productId: input.productId, release: input.release, subject: input.subject }
    const rows = input.deadlines.map((deadline) =>
      clockRow(
        {
          ...key,
          decisionId: null,
          trigger: input.trigger,
          triggerDetail: input.detail,
          actor: input.actor,
          at: at.toISOString(),
        },
        deadline,
      ),
    )
    await appendAuditEvent(trx, store.dialect, at, {
      actor: input.actor,
      action: `regulatory-event.${input.trigger}`,
      subject: auditSubject(key.productId, key.release, key.subject),
      before: null,
      after: {
        ...input.detail,
        clocks: rows.map((row) => ({ kind: row.kind, startedOn: row.started_on, due: row.due_on })),
      },
      reason: input.note,
    })
    if (rows.length > 0) {
      await trx
        .insertInto('regulatory_clocks')
        .values(rows)
        .onConflict((conflict) =>
          conflict.columns(['product_id', 'release', 'subject', 'kind', 'started_on']).doNothing(),
        )
        .execute()
    }
    const clocks = await clocksOfSubject(trx, key)
    return clocks.filter((clock) =>
      rows.some((row) => row.kind === clock.kind && row.started_on === clock.startedOn),
    )
  })

export interface DecisionQuery {
  readonly release?: string
  readonly subject?: string
  /** Also the decisions later ones replaced (default: the current ones only). */
  readonly history?: boolean
  readonly limit: number
  readonly offset: number
}

/** One page of a product's decisions, the newest first. */
export const listRiskDecisions = async (
  store: Store,
  productId: string,
  query: DecisionQuery,
): Promise<{ readonly items: readonly RiskDecision[]; readonly total: number }> => {
  let base = store.db.selectFrom('risk_decisions').where('product_id', '=', productId)
  if (query.release !== undefined) base = base.where('release', '=', query.release)
  if (query.subject !== undefined) base = base.where('subject', '=', query.subject)
  if (query.history !== true) base = base.where('superseded_by', 'is', null)
  const counted = await base.select((eb) => eb.fn.countAll().as('total')).executeTakeFirst()
  const rows = await base
    .selectAll()
    .orderBy('decided_at', 'desc')
    .orderBy('audit_seq', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .execute()
  return { items: rows.map(toDecision), total: toNumber(counted?.total ?? 0) }
}

/** Where clocks stand, as a filter: the state is worked out against `today`. */
export const CLOCK_FILTER_STATES = ['open', 'missed', 'met', 'withdrawn', 'pending'] as const
export type ClockFilterState = (typeof CLOCK_FILTER_STATES)[number]

export interface ClockQuery {
  /** Only products this user holds a role on (every one with a role on `*`). */
  readonly visibleTo?: string
  readonly productId?: string
  readonly release?: string
  readonly subject?: string
  /**
   * open: not closed and not yet past due; missed: not closed and past due; pending: not closed
   * (open or missed); met: evidence recorded (on time or late); withdrawn.
   */
  readonly state?: ClockFilterState
  /** Only clocks due on or before this day. */
  readonly dueBefore?: CalendarDate
  /** The day states are judged on. */
  readonly today: CalendarDate
  readonly limit: number
  readonly offset: number
}

export interface ClockListing extends StoredClock {
  readonly productName: string
}

/** One page of clocks across products, the earliest due first. */
export const listClocks = async (
  store: Store,
  query: ClockQuery,
): Promise<{ readonly items: readonly ClockListing[]; readonly total: number }> => {
  let base = store.db
    .selectFrom('regulatory_clocks')
    .innerJoin('products', 'products.id', 'regulatory_clocks.product_id')
  const { visibleTo, productId, release, subject, dueBefore, today } = query
  if (visibleTo !== undefined) {
    base = base.where((eb) => heldBy(visibleTo, eb.ref('regulatory_clocks.product_id')))
  }
  if (productId !== undefined) base = base.where('regulatory_clocks.product_id', '=', productId)
  if (release !== undefined) base = base.where('regulatory_clocks.release', '=', release)
  if (subject !== undefined) base = base.where('regulatory_clocks.subject', '=', subject)
  if (dueBefore !== undefined) base = base.where('regulatory_clocks.due_on', '<=', dueBefore)
  const notClosed = base
    .where('regulatory_clocks.met_on', 'is', null)
    .where('regulatory_clocks.withdrawn_on', 'is', null)
  switch (query.state) {
    case 'open':
      base = notClosed.where('regulatory_clocks.due_on', '>=', today)
      break
    case 'missed':
      base = notClosed.where('regulatory_clocks.due_on', '<', today)
      break
    case 'pending':
      base = notClosed
      break
    case 'met':
      base = base.where('regulatory_clocks.met_on', 'is not', null)
      break
    case 'withdrawn':
      base = base.where('regulatory_clocks.withdrawn_on', 'is not', null)
      break
    case undefined:
      break
  }
  const counted = await base.select((eb) => eb.fn.countAll().as('total')).executeTakeFirst()
  const rows = await base
    .selectAll('regulatory_clocks')
    .select('products.name as product_name')
    .orderBy('regulatory_clocks.due_on')
    .orderBy('regulatory_clocks.product_id')
    .orderBy('regulatory_clocks.kind')
    .orderBy('regulatory_clocks.id')
    .limit(query.limit)
    .offset(query.offset)
    .execute()
  return {
    items: rows.map((row) => ({ ...toClock(row), productName: row.product_name })),
    total: toNumber(counted?.total ?? 0),
  }
}

export const findClock = async (
  store: Store,
  productId: string,
  clockId: string,
): Promise<StoredClock | undefined> => {
  const row = await store.db
    .selectFrom('regulatory_clocks')
    .selectAll()
    .where('product_id', '=', productId)
    .where('id', '=', clockId)
    .executeTakeFirst()
  return row === undefined ? undefined : toClock(row)
}

export type ClockChangeProblem =
  | { readonly code: 'not-found' }
  | { readonly code: 'withdrawn'; readonly withdrawnOn: CalendarDate }
  | { readonly code: 'met'; readonly metOn: CalendarDate }

export interface ClockClosing {
  readonly productId: string
  readonly clockId: string
  /** The day the obligation was met, or the clock withdrawn. */
  readonly on: CalendarDate
  readonly note: string
  readonly documentId?: string
  readonly url?: string
  readonly actor: string
}

const closureOf = (input: ClockClosing, at: Date): ClockClosure => ({
  note: input.note,
  ...(input.documentId === undefined ? {} : { documentId: input.documentId }),
  ...(input.url === undefined ? {} : { url: input.url }),
  recordedBy: input.actor,
  recordedAt: at.toISOString(),
})

const clockJson = (clock: StoredClock): JsonValue => ({
  id: clock.id,
  kind: clock.kind,
  due: clock.due,
  metOn: clock.metOn,
  withdrawnOn: clock.withdrawnOn,
  closure: clock.closure,
})

const closeClock = (
  store: Store,
  input: ClockClosing,
  how: 'evidence' | 'withdrawal',
): Promise<Result<StoredClock, ClockChangeProblem>> =>
  store.db.transaction().execute(async (trx) => {
    const at = store.now()
    const row = await trx
      .selectFrom('regulatory_clocks')
      .selectAll()
      .where('product_id', '=', input.productId)
      .where('id', '=', input.clockId)
      .executeTakeFirst()
    if (row === undefined) return err({ code: 'not-found' as const })
    const before = toClock(row)
    if (before.withdrawnOn !== null) {
      return err({ code: 'withdrawn' as const, withdrawnOn: before.withdrawnOn })
    }
    // Evidence may be corrected (the audit trail keeps the earlier one); a met clock is not
    // withdrawn after the fact.
    if (how === 'withdrawal' && before.metOn !== null) {
      return err({ code: 'met' as const, metOn: before.metOn })
    }
    const closure = closureOf(input, at)
    const change =
      how === 'evidence'
        ? { met_on: input.on, closure: JSON.stringify(closure) }
        : { withdrawn_on: input.on, closure: JSON.stringify(closure) }
    await trx.updateTable('regulatory_clocks').set(change).where('id', '=', row.id).execute()
    const after: StoredClock =
      how === 'evidence'
        ? { ...before, metOn: input.on, closure }
        : { ...before, withdrawnOn: input.on, closure }
    await appendAuditEvent(trx, store.dialect, at, {
      actor: input.actor,
      action: how === 'evidence' ? 'regulatory-clock.evidence' : 'regulatory-clock.withdraw',
      subject: auditSubject(before.productId, before.release, before.subject),
      before: clockJson(before),
      after: clockJson(after),
      reason: input.note,
    })
    return ok(after)
  })

/** Records that a clock's obligation was met on a day, with its evidence. */
export const recordClockEvidence = (
  store: Store,
  input: ClockClosing,
): Promise<Result<StoredClock, ClockChangeProblem>> => closeClock(store, input, 'evidence')

/** Withdraws a clock started in error; the reason is kept as its closure. */
export const withdrawClock = (
  store: Store,
  input: ClockClosing,
): Promise<Result<StoredClock, ClockChangeProblem>> => closeClock(store, input, 'withdrawal')

/** Every clock not yet met or withdrawn and due on or before `dueBy`, across all products. */
export const pendingClocksDueBy = async (
  store: Store,
  dueBy: CalendarDate,
): Promise<readonly ClockListing[]> => {
  const rows = await store.db
    .selectFrom('regulatory_clocks')
    .innerJoin('products', 'products.id', 'regulatory_clocks.product_id')
    .selectAll('regulatory_clocks')
    .select('products.name as product_name')
    .where('regulatory_clocks.met_on', 'is', null)
    .where('regulatory_clocks.withdrawn_on', 'is', null)
    .where('regulatory_clocks.due_on', '<=', dueBy)
    .orderBy('regulatory_clocks.due_on')
    .orderBy('regulatory_clocks.product_id')
    .orderBy('regulatory_clocks.kind')
    .orderBy('regulatory_clocks.id')
    .execute()
  return rows.map((row) => ({ ...toClock(row), productName: row.product_name }))
}

/** Whether a generated document of the product has this id: evidence may point to one. */
export const productHasDocument = async (
  store: Store,
  productId: string,
  documentId: string,
): Promise<boolean> =>
  (await store.db
    .selectFrom('generated_documents')
    .select('id')
    .where('product_id', '=', productId)
    .where('id', '=', documentId)
    .executeTakeFirst()) !== undefined

/** When a stored finding of a release was first seen, if it is one. */
export const findingFirstSeen = async (
  store: Store,
  productId: string,
  release: string,
  findingId: string,
): Promise<string | undefined> =>
  (
    await store.db
      .selectFrom('findings')
      .select('first_seen')
      .where('product_id', '=', productId)
      .where('release', '=', release)
      .where('finding_id', '=', findingId)
      .executeTakeFirst()
  )?.first_seen
