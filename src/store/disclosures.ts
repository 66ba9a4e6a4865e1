import { randomUUID } from 'node:crypto'

import { sql, type Selectable } from 'kysely'

import {
  isDisclosureState,
  type DisclosureEvent,
  type DisclosureEventKind,
  type DisclosureReport,
  type DisclosureState,
  type DisclosureVerdict,
} from '../core/disclosure/index.js'
import { InternalError } from '../core/index.js'
import { toNumber } from './numbers.js'
import type { Store } from './open-store.js'
import { containsText } from './products.js'
import type { DisclosureReportsTable } from './schema-coordinated-disclosure.js'

/** Any key will do as long as every intake uses the same one (see `receiveDisclosureReport`). */
const INTAKE_LOCK = 7_130_005

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

type ReportRow = Selectable<DisclosureReportsTable>

const releasesOf = (json: string): string[] => {
  const parsed = JSON.parse(json) as unknown
  return Array.isArray(parsed)
    ? parsed.filter((item): item is string => typeof item === 'string')
    : []
}

const stateOf = (value: string): DisclosureState => {
  if (!isDisclosureState(value)) {
    throw new InternalError('store/bad-disclosure-state', `unknown disclosure state ${value}`)
  }
  return value
}

const reportOf = (row: ReportRow): DisclosureReport => ({
  id: row.id,
  receivedAt: row.received_at,
  reporterName: row.reporter_name,
  reporterEmail: row.reporter_email,
  creditReporter: toNumber(row.credit_reporter) === 1,
  productText: row.product_text,
  productId: row.product_id,
  title: row.title,
  description: row.description,
  state: stateOf(row.state),
  verdict: row.verdict as DisclosureVerdict | null,
  duplicateOf: row.duplicate_of,
  repeats: toNumber(row.repeats),
  acknowledgeDue: row.acknowledge_due,
  acknowledgedAt: row.acknowledged_at,
  cvssVector: row.cvss_vector,
  cveId: row.cve_id,
  cwe: row.cwe_id === null || row.cwe_name === null ? null : { id: row.cwe_id, name: row.cwe_name },
  affectedReleases: releasesOf(row.affected_releases),
  fixedIn: row.fixed_in,
  remediation: row.remediation,
  publicDisclosureDate: row.public_disclosure_date,
  updatedAt: row.updated_at,
})

export interface NewDisclosureReport {
  readonly reporterName: string | null
  readonly reporterEmail: string | null
  readonly creditReporter: boolean
  readonly productText: string
  readonly title: string
  readonly description: string
  readonly textHash: string
  /** The acknowledgement due date for a report received now. */
  readonly acknowledgeDue: string
}

export type Intake =
  | { readonly outcome: 'received'; readonly report: DisclosureReport }
  /** The same text arrived within a day: folded into the earlier report. */
  | { readonly outcome: 'repeated'; readonly report: DisclosureReport }
  /** The hour's bound of unacknowledged reports is reached; nothing was stored. */
  | { readonly outcome: 'busy'; readonly retryAfterSeconds: number }

const appendEvent = async (
  tx: Store,
  reportId: string,
  event: { at: string; actor: string; kind: DisclosureEventKind; note: string },
): Promise<DisclosureEvent> => {
  const last = await tx.db
    .selectFrom('disclosure_events')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('report_id', '=', reportId)
    .executeTakeFirst()
  const max = last?.seq as number | string | null | undefined
  const seq = max === null || max === undefined ? 1 : toNumber(max) + 1
  await tx.db
    .insertInto('disclosure_events')
    .values({ report_id: reportId, seq, ...event })
    .execute()
  return { seq, ...event }
}

/**
 * Takes a report from the public form; call it inside a transaction (with its audit event).
 * Intakes queue on one lock on PostgreSQL, so the duplicate check and the hourly bound see every
 * report committed before them (SQLite runs one write transaction at a time anyway).
 */
export const receiveDisclosureReport = async (
  tx: Store,
  input: NewDisclosureReport,
  maxUnacknowledgedPerHour: number,
): Promise<Intake> => {
  if (tx.dialect === 'postgres') {
    await sql`select pg_advisory_xact_lock(${INTAKE_LOCK})`.execute(tx.db)
  }
  const now = tx.now()
  const at = now.toISOString()
  const same = await tx.db
    .selectFrom('disclosure_reports')
    .selectAll()
    .where('text_hash', '=', input.textHash)
    .where('received_at', '>=', new Date(now.getTime() - DAY_MS).toISOString())
    .orderBy('received_at')
    .limit(1)
    .executeTakeFirst()
  if (same !== undefined) {
    await tx.db
      .updateTable('disclosure_reports')
      .set({ repeats: toNumber(same.repeats) + 1 })
      .where('id', '=', same.id)
      .execute()
    const who = [input.reporterName, input.reporterEmail].filter((part) => part !== null)
    await appendEvent(tx, same.id, {
      at,
      actor: 'reporter',
      kind: 'repeated',
      note: `The same report arrived again${who.length === 0 ? '' : ` from ${who.join(' ')}`}.`,
    })
    return {
      outcome: 'repeated',
      report: reportOf({ ...same, repeats: toNumber(same.repeats) + 1 }),
    }
  }
  const recent = await tx.db
    .selectFrom('disclosure_reports')
    .select('received_at')
    .where('received_at', '>=', new Date(now.getTime() - HOUR_MS).toISOString())
    .where('acknowledged_at', 'is', null)
    .orderBy('received_at')
    .limit(maxUnacknowledgedPerHour)
    .execute()
  if (recent.length >= maxUnacknowledgedPerHour) {
    const oldest = Date.parse(recent[0]?.received_at ?? at)
    const wait = Math.ceil((oldest + HOUR_MS - now.getTime()) / 1000)
    return { outcome: 'busy', retryAfterSeconds: Math.max(1, wait) }
  }
  const row: ReportRow = {
    id: randomUUID(),
    received_at: at,
    reporter_name: input.reporterName,
    reporter_email: input.reporterEmail,
    credit_reporter: input.creditReporter ? 1 : 0,
    product_text: input.productText,
    product_id: null,
    title: input.title,
    description: input.description,
    text_hash: input.textHash,
    state: 'received',
    verdict: null,
    duplicate_of: null,
    repeats: 0,
    acknowledge_due: input.acknowledgeDue,
    acknowledged_at: null,
    cvss_vector: null,
    cve_id: null,
    cwe_id: null,
    cwe_name: null,
    affected_releases: '[]',
    fixed_in: null,
    remediation: null,
    public_disclosure_date: null,
    updated_at: at,
  }
  await tx.db.insertInto('disclosure_reports').values(row).execute()
  await appendEvent(tx, row.id, {
    at,
    actor: 'reporter',
    kind: 'received',
    note: 'Report received through the public form.',
  })
  return { outcome: 'received', report: reportOf(row) }
}

export interface DisclosureQuery {
  readonly state?: DisclosureState
  readonly productId?: string
  /** Only reports still unacknowledged after their due date, judged on this day (YYYY-MM-DD). */
  readonly overdueOn?: string
  /** Case-insensitive part of the title, the product as given or the tracking id. */
  readonly text?: string
  readonly limit: number
  readonly offset: number
}

/** One page of the triage queue, newest first. */
export const listDisclosureReports = async (
  store: Store,
  query: DisclosureQuery,
): Promise<{ readonly items: DisclosureReport[]; readonly total: number }> => {
  let select = store.db.selectFrom('disclosure_reports')
  if (query.state !== undefined) select = select.where('state', '=', query.state)
  if (query.productId !== undefined) select = select.where('product_id', '=', query.productId)
  if (query.overdueOn !== undefined) {
    select = select
      .where('acknowledged_at', 'is', null)
      .where('acknowledge_due', '<', query.overdueOn)
      .where('state', '=', 'received')
  }
  const text = query.text
  if (text !== undefined && text !== '') {
    select = select.where((eb) =>
      eb.or([
        containsText(eb.ref('title'), text),
        containsText(eb.ref('product_text'), text),
        containsText(eb.ref('id'), text),
      ]),
    )
  }
  const [rows, count] = await Promise.all([
    select
      .selectAll()
      .orderBy('received_at', 'desc')
      .orderBy('id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    select.select((eb) => eb.fn.countAll().as('total')).executeTakeFirstOrThrow(),
  ])
  return { items: rows.map(reportOf), total: toNumber(count.total) }
}

export const findDisclosureReport = async (
  store: Store,
  id: string,
): Promise<DisclosureReport | undefined> => {
  const row = await store.db
    .selectFrom('disclosure_reports')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  return row === undefined ? undefined : reportOf(row)
}

export const listDisclosureEvents = async (
  store: Store,
  reportId: string,
): Promise<DisclosureEvent[]> => {
  const rows = await store.db
    .selectFrom('disclosure_events')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('seq')
    .execute()
  return rows.map((row) => ({
    seq: toNumber(row.seq),
    at: row.at,
    actor: row.actor,
    kind: row.kind as DisclosureEventKind,
    note: row.note,
  }))
}

/** The fields triage changes; undefined leaves a field as it is, null clears it. */
export interface DisclosureChange {
  readonly state?: DisclosureState
  readonly verdict?: DisclosureVerdict | null
  readonly duplicateOf?: string | null
  readonly acknowledgedAt?: string | null
  readonly productId?: string | null
  readonly title?: string
  readonly creditReporter?: boolean
  readonly cvssVector?: string | null
  readonly cveId?: string | null
  readonly cwe?: { readonly id: string; readonly name: string } | null
  readonly affectedReleases?: readonly string[]
  readonly fixedIn?: string | null
  readonly remediation?: string | null
  readonly publicDisclosureDate?: string | null
}

const columnsOf = (change: DisclosureChange): Partial<ReportRow> => {
  const columns: Record<string, unknown> = {
    state: change.state,
    verdict: change.verdict,
    duplicate_of: change.duplicateOf,
    acknowledged_at: change.acknowledgedAt,
    product_id: change.productId,
    title: change.title,
    credit_reporter:
      change.creditReporter === undefined ? undefined : change.creditReporter ? 1 : 0,
    cvss_vector: change.cvssVector,
    cve_id: change.cveId,
    cwe_id: change.cwe === undefined ? undefined : (change.cwe?.id ?? null),
    cwe_name: change.cwe === undefined ? undefined : (change.cwe?.name ?? null),
    affected_releases:
      change.affectedReleases === undefined ? undefined : JSON.stringify(change.affectedReleases),
    fixed_in: change.fixedIn,
    remediation: change.remediation,
    public_disclosure_date: change.publicDisclosureDate,
  }
  return Object.fromEntries(Object.entries(columns).filter(([, value]) => value !== undefined))
}

/**
 * Applies a triage change and records it on the timeline, inside the caller's transaction;
 * undefined when there is no such report.
 */
export const changeDisclosureReport = async (
  tx: Store,
  id: string,
  change: DisclosureChange,
  event: { readonly actor: string; readonly kind: DisclosureEventKind; readonly note: string },
): Promise<DisclosureReport | undefined> => {
  const at = tx.now().toISOString()
  const result = await tx.db
    .updateTable('disclosure_reports')
    .set({ ...columnsOf(change), updated_at: at })
    .where('id', '=', id)
    .executeTakeFirst()
  if (result.numUpdatedRows === 0n) return undefined
  await appendEvent(tx, id, { at, ...event })
  return findDisclosureReport(tx, id)
}

/** Adds a timeline entry without changing the report (a note, an acknowledgement sent). */
export const addDisclosureEvent = async (
  tx: Store,
  id: string,
  event: { readonly actor: string; readonly kind: DisclosureEventKind; readonly note: string },
): Promise<DisclosureEvent> => appendEvent(tx, id, { at: tx.now().toISOString(), ...event })

/** The settings key of the secret that signs the public form's tokens. */
const FORM_SECRET_KEY = 'disclosure-form-secret'

/**
 * The secret that signs the public form's tokens, made once by whichever server first needs it
 * (`fresh` gives a new one): every server of a deployment shares the store, so they accept each
 * other's tokens. Stored as a setting, but never shown by the settings routes.
 */
export const disclosureFormSecret = async (store: Store, fresh: () => string): Promise<string> => {
  const read = async (): Promise<string | undefined> => {
    const row = await store.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', FORM_SECRET_KEY)
      .executeTakeFirst()
    const value = row === undefined ? undefined : (JSON.parse(row.value) as unknown)
    return typeof value === 'string' ? value : undefined
  }
  const stored = await read()
  if (stored !== undefined) return stored
  await store.db
    .insertInto('settings')
    .values({
      key: FORM_SECRET_KEY,
      value: JSON.stringify(fresh()),
      updated_at: store.now().toISOString(),
      updated_by: 'medcyber',
    })
    .onConflict((conflict) => conflict.column('key').doNothing())
    .execute()
  const made = await read()
  if (made === undefined) throw new InternalError('store/no-form-secret', 'form secret not stored')
  return made
}
