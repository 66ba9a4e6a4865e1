import { createHash, randomUUID } from 'node:crypto'

import { sql } from 'kysely'
import type { Kysely, Selectable } from 'kysely'

import { canonicalJson } from './canonical-json.js'
import type { JsonValue } from './canonical-json.js'
import { toNumber } from './numbers.js'
import type { Store, StoreDialectName } from './open-store.js'
import type { AuditEventsTable, StoreTables } from './schema.js'
import type { AuditProblem } from './audit-problems.js'

/** The `prev_hash` of the first event: there is nothing before it. */
export const GENESIS_HASH = '0'.repeat(64)

/** Any advisory-lock key will do as long as every writer of the chain uses the same one. */
const AUDIT_CHAIN_LOCK = 7_130_001

export interface AuditEventInput {
  readonly actor: string
  readonly action: string
  readonly subject: string
  readonly before: JsonValue
  readonly after: JsonValue
  readonly reason: string | null
}

export type AuditEvent = Selectable<AuditEventsTable>

/** Every stored field except the hash itself, prev_hash included, so the hash seals the link. */
const eventHash = (event: Omit<AuditEvent, 'hash'>): string =>
  createHash('sha256')
    .update(
      canonicalJson({
        id: event.id,
        seq: event.seq,
        at: event.at,
        actor: event.actor,
        action: event.action,
        subject: event.subject,
        before: event.before,
        after: event.after,
        reason: event.reason,
        prev_hash: event.prev_hash,
      }),
      'utf8',
    )
    .digest('hex')

const jsonOrNull = (value: JsonValue): string | null =>
  value === null ? null : canonicalJson(value)

/**
 * Appends one event; call it inside the transaction that makes the change it records, so the
 * change and its record commit or vanish together.
 */
export const appendAuditEvent = async (
  trx: Kysely<StoreTables>,
  dialect: StoreDialectName,
  at: Date,
  input: AuditEventInput,
): Promise<AuditEvent> => {
  // SQLite runs one write transaction at a time; on PostgreSQL two transactions could read the
  // same head and fork the chain, so appends queue on a lock held until commit.
  if (dialect === 'postgres') {
    await sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`.execute(trx)
  }
  const head = await trx
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
  const unsealed = {
    id: randomUUID(),
    seq: head === undefined ? 1 : toNumber(head.seq) + 1,
    at: at.toISOString(),
    actor: input.actor,
    action: input.action,
    subject: input.subject,
    before: jsonOrNull(input.before),
    after: jsonOrNull(input.after),
    reason: input.reason,
    prev_hash: head?.hash ?? GENESIS_HASH,
  }
  const event = { ...unsealed, hash: eventHash(unsealed) }
  await trx.insertInto('audit_events').values(event).execute()
  return event
}

export { AUDIT_PROBLEMS, type AuditProblem } from './audit-problems.js'

export type AuditChainCheck =
  | {
      readonly ok: true
      readonly count: number
      /** The newest hash; keep it elsewhere to detect the newest events being cut off. */
      readonly head: string
    }
  | { readonly ok: false; readonly at: string; readonly problem: AuditProblem }

/**
 * Walks the chain in `seq` order and recomputes every hash. A chain alone cannot show that its
 * newest events were removed; compare `head` with a copy kept outside the database for that.
 */
export const verifyAuditChain = async (store: Store): Promise<AuditChainCheck> => {
  const rows = await store.db.selectFrom('audit_events').selectAll().orderBy('seq').execute()
  const hashes = new Set(rows.map((row) => row.hash))
  let previousHash = GENESIS_HASH
  let expectedSeq = 1
  for (const row of rows) {
    const seq = toNumber(row.seq)
    if (row.prev_hash !== previousHash) {
      // A missing predecessor leaves a gap in seq; a predecessor that exists elsewhere in the
      // table means rows swapped places; anything else is a changed link.
      const problem: AuditProblem =
        seq !== expectedSeq ? 'deleted' : hashes.has(row.prev_hash) ? 'reordered' : 'edited'
      return { ok: false, at: row.id, problem }
    }
    if (seq !== expectedSeq || eventHash(row) !== row.hash) {
      return { ok: false, at: row.id, problem: 'edited' }
    }
    previousHash = row.hash
    expectedSeq = seq + 1
  }
  return { ok: true, count: rows.length, head: previousHash }
}

/** How many events the trail holds (COUNT is a string on PostgreSQL, a number on SQLite). */
export const countAuditEvents = async (store: Store): Promise<number> => {
  const { count } = await store.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll().as('count'))
    .executeTakeFirstOrThrow()
  return toNumber(count)
}

/**
 * The subject convention of the trail: an event about a product, or anything in it (its model,
 * approvals, generated documents), has the subject `product:<id>`, or `product:<id>/<part>`
 * for a part of it. A product's trail is every event with one of these subjects.
 */
export const productAuditSubject = (productId: string): string => `product:${productId}`

/** Appends one event in a transaction of its own: for events that record no other change. */
export const recordAuditEvent = (store: Store, input: AuditEventInput): Promise<AuditEvent> =>
  store.db.transaction().execute((trx) => appendAuditEvent(trx, store.dialect, store.now(), input))

export interface AuditEventQuery {
  /** Only events about this product (see `productAuditSubject`). */
  readonly productId?: string
  readonly actor?: string
  readonly action?: string
  /** ISO 8601 instants in UTC as `toISOString` writes them: `since` inclusive, `until` exclusive. */
  readonly since?: string
  readonly until?: string
  /** Only events older than this sequence number, so later pages hold still as events arrive. */
  readonly beforeSeq?: number
  readonly limit: number
  readonly offset: number
}

/** A page of events, newest first, and how many match in all. */
export const listAuditEvents = async (
  store: Store,
  query: AuditEventQuery,
): Promise<{ readonly events: AuditEvent[]; readonly total: number }> => {
  let select = store.db.selectFrom('audit_events')
  if (query.productId !== undefined) {
    const subject = productAuditSubject(query.productId)
    const prefix = `${subject}/`
    // substr counts code points on both back ends (LIKE would need the id's `_` and `%`
    // escaped), so the prefix is measured in code points too.
    const length = Array.from(prefix).length
    select = select.where((eb) =>
      eb.or([
        eb('subject', '=', subject),
        eb(sql<string>`substr(subject, 1, ${length})`, '=', prefix),
      ]),
    )
  }
  if (query.actor !== undefined) select = select.where('actor', '=', query.actor)
  if (query.action !== undefined) select = select.where('action', '=', query.action)
  // `at` is written by toISOString only, so text order is time order.
  if (query.since !== undefined) select = select.where('at', '>=', query.since)
  if (query.until !== undefined) select = select.where('at', '<', query.until)
  if (query.beforeSeq !== undefined) select = select.where('seq', '<', query.beforeSeq)
  const { count } = await select
    .select((eb) => eb.fn.countAll().as('count'))
    .executeTakeFirstOrThrow()
  const rows = await select
    .selectAll()
    .orderBy('seq', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .execute()
  return { events: rows.map((row) => ({ ...row, seq: toNumber(row.seq) })), total: toNumber(count) }
}

/** One event by its id or by its hash (to find a head kept outside the database). */
export const findAuditEvent = async (
  store: Store,
  key: { readonly id: string } | { readonly hash: string },
): Promise<AuditEvent | undefined> => {
  const row = await store.db
    .selectFrom('audit_events')
    .selectAll()
    .where((eb) => ('id' in key ? eb('id', '=', key.id) : eb('hash', '=', key.hash)))
    .executeTakeFirst()
  return row === undefined ? undefined : { ...row, seq: toNumber(row.seq) }
}
