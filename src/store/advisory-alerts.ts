import { randomUUID } from 'node:crypto'

import type { Kysely, Selectable } from 'kysely'

import type { AdvisoryAlertsTable } from './schema-postmarket-monitoring.js'
import type { StoreTables } from './schema.js'

export const ALERT_STATES = ['open', 'acknowledged'] as const
export type AlertState = (typeof ALERT_STATES)[number]

/** A finding new for a release after its first evaluation, with the triage it suggests. */
export interface AdvisoryAlert {
  readonly id: string
  readonly productId: string
  readonly release: string
  readonly findingId: string
  readonly vulnerability: string
  readonly aliases: readonly string[]
  readonly component: string
  readonly severity: string | null
  readonly kev: boolean
  readonly epss: number | null
  readonly createdAt: string
  readonly suggestedStatus: string
  readonly suggestedJustification: string | null
  readonly reasoning: readonly string[]
  readonly linkedRisks: readonly string[]
  readonly state: AlertState
  readonly acknowledgedBy: string | null
  readonly acknowledgedAt: string | null
}

export type NewAdvisoryAlert = Omit<
  AdvisoryAlert,
  'id' | 'state' | 'acknowledgedBy' | 'acknowledgedAt'
>

const strings = (json: string): string[] => {
  const parsed = JSON.parse(json) as unknown
  return Array.isArray(parsed) ? parsed.filter((item) => typeof item === 'string') : []
}

const alertOf = (row: Selectable<AdvisoryAlertsTable>): AdvisoryAlert => ({
  id: row.id,
  productId: row.product_id,
  release: row.release,
  findingId: row.finding_id,
  vulnerability: row.vulnerability,
  aliases: strings(row.aliases),
  component: row.component,
  severity: row.severity,
  kev: row.kev !== 0,
  epss: row.epss,
  createdAt: row.created_at,
  suggestedStatus: row.suggested_status,
  suggestedJustification: row.suggested_justification,
  reasoning: strings(row.reasoning),
  linkedRisks: strings(row.linked_risks),
  state: row.state === 'acknowledged' ? 'acknowledged' : 'open',
  acknowledgedBy: row.acknowledged_by,
  acknowledgedAt: row.acknowledged_at,
})

/**
 * Writes the alerts (in the caller's transaction when `db` is one); a finding already alerted
 * for that release is skipped, so an evaluation that runs twice alerts once. Returns the alerts
 * written.
 */
export const insertAdvisoryAlerts = async (
  db: Kysely<StoreTables>,
  alerts: readonly NewAdvisoryAlert[],
): Promise<AdvisoryAlert[]> => {
  const written: AdvisoryAlert[] = []
  for (const alert of alerts) {
    const row = await db
      .insertInto('advisory_alerts')
      .values({
        id: randomUUID(),
        product_id: alert.productId,
        release: alert.release,
        finding_id: alert.findingId,
        vulnerability: alert.vulnerability,
        aliases: JSON.stringify(alert.aliases),
        component: alert.component,
        severity: alert.severity,
        kev: alert.kev ? 1 : 0,
        epss: alert.epss,
        created_at: alert.createdAt,
        suggested_status: alert.suggestedStatus,
        suggested_justification: alert.suggestedJustification,
        reasoning: JSON.stringify(alert.reasoning),
        linked_risks: JSON.stringify(alert.linkedRisks),
        state: 'open',
        acknowledged_by: null,
        acknowledged_at: null,
      })
      .onConflict((conflict) =>
        conflict.columns(['product_id', 'release', 'finding_id']).doNothing(),
      )
      .returningAll()
      .executeTakeFirst()
    if (row !== undefined) written.push(alertOf(row))
  }
  return written
}

export interface AlertQuery {
  /** The products asked about; `undefined` means every product. */
  readonly productIds?: readonly string[]
  readonly state?: AlertState
  readonly limit: number
}

/** Alerts, newest first (KEV first among equals). */
export const listAdvisoryAlerts = async (
  db: Kysely<StoreTables>,
  query: AlertQuery,
): Promise<AdvisoryAlert[]> => {
  if (query.productIds?.length === 0) return []
  let select = db.selectFrom('advisory_alerts').selectAll()
  if (query.productIds !== undefined) select = select.where('product_id', 'in', query.productIds)
  if (query.state !== undefined) select = select.where('state', '=', query.state)
  const rows = await select
    .orderBy('created_at', 'desc')
    .orderBy('kev', 'desc')
    .orderBy('product_id')
    .orderBy('release')
    .orderBy('finding_id')
    .limit(query.limit)
    .execute()
  return rows.map(alertOf)
}

export const findAdvisoryAlert = async (
  db: Kysely<StoreTables>,
  id: string,
): Promise<AdvisoryAlert | undefined> => {
  const row = await db
    .selectFrom('advisory_alerts')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  return row === undefined ? undefined : alertOf(row)
}

/** Marks an open alert acknowledged; an acknowledged one keeps who did it first. */
export const acknowledgeAdvisoryAlert = async (
  db: Kysely<StoreTables>,
  id: string,
  by: { readonly actor: string; readonly at: string },
): Promise<AdvisoryAlert | undefined> => {
  await db
    .updateTable('advisory_alerts')
    .set({ state: 'acknowledged', acknowledged_by: by.actor, acknowledged_at: by.at })
    .where('id', '=', id)
    .where('state', '=', 'open')
    .execute()
  return findAdvisoryAlert(db, id)
}

/** The releases of a product whose first evaluation is done. */
export const monitoredReleases = async (
  db: Kysely<StoreTables>,
  productId: string,
): Promise<Set<string>> => {
  const rows = await db
    .selectFrom('monitored_releases')
    .select('release')
    .where('product_id', '=', productId)
    .execute()
  return new Set(rows.map((row) => row.release))
}

export const markReleasesMonitored = async (
  db: Kysely<StoreTables>,
  productId: string,
  releases: readonly string[],
  at: string,
): Promise<void> => {
  for (const release of releases) {
    await db
      .insertInto('monitored_releases')
      .values({ product_id: productId, release, first_evaluated_at: at })
      .onConflict((conflict) => conflict.columns(['product_id', 'release']).doNothing())
      .execute()
  }
}
