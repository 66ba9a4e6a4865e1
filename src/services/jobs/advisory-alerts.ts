import { createHash } from 'node:crypto'

import type { Kysely } from 'kysely'

import {
  alertDigest,
  linkedRisksOf,
  suggestTriage,
  type DeviceModel,
  type Finding,
  type RiskEntry,
} from '../../core/index.js'
import {
  enqueueNotification,
  insertAdvisoryAlerts,
  markReleasesMonitored,
  monitoredReleases,
  type AdvisoryAlert,
  type NewAdvisoryAlert,
  type Store,
  type StoreTables,
} from '../../store/index.js'
import { analyseProduct } from '../product-analysis.js'

/** A finding of one release the evaluation found. */
export interface EvaluatedFinding {
  readonly release: string
  readonly finding: Finding
}

/**
 * The alerts an evaluation may raise, worked out before its transaction (the risk register is
 * read through the store, which a SQLite transaction holds): findings not in the table before,
 * of releases whose first evaluation is done. A release without a first evaluation (a new
 * product, a new release) is only noted as monitored: its known vulnerabilities are not news.
 */
export interface AlertPlan {
  readonly candidates: ReadonlyMap<string, NewAdvisoryAlert>
  readonly releases: readonly string[]
}

export const alertKey = (release: string, findingId: string): string =>
  `${release}\u0000${findingId}`

const registerEntries = async (
  store: Store,
  productId: string,
  at: string,
): Promise<readonly RiskEntry[]> => {
  const analysis = await analyseProduct(store, productId, { date: at.slice(0, 10) })
  return analysis.ok ? analysis.value.register.entries : []
}

export const planAlerts = async (
  store: Store,
  productId: string,
  model: DeviceModel,
  found: readonly EvaluatedFinding[],
  at: string,
): Promise<AlertPlan> => {
  const releases = model.releases.map((release) => release.version)
  const existing = await store.db
    .selectFrom('findings')
    .select(['release', 'finding_id'])
    .where('product_id', '=', productId)
    .execute()
  const had = new Set(existing.map((row) => alertKey(row.release, row.finding_id)))
  // Releases evaluated before this table existed count as monitored when they have findings.
  const monitored = await monitoredReleases(store.db, productId)
  for (const row of existing) monitored.add(row.release)
  const fresh = found.filter(
    ({ release, finding }) => monitored.has(release) && !had.has(alertKey(release, finding.id)),
  )
  if (fresh.length === 0) return { candidates: new Map(), releases }
  const entries = await registerEntries(store, productId, at)
  const candidates = new Map<string, NewAdvisoryAlert>()
  for (const { release, finding } of fresh) {
    const suggestion = suggestTriage(finding, model, release)
    candidates.set(alertKey(release, finding.id), {
      productId,
      release,
      findingId: finding.id,
      vulnerability: finding.vulnerability,
      aliases: finding.aliases,
      component: finding.target.id,
      severity: finding.severity?.rating ?? null,
      kev: finding.kev !== undefined,
      epss: finding.epss?.epss ?? null,
      createdAt: at,
      suggestedStatus: suggestion.status,
      suggestedJustification: suggestion.justification ?? null,
      reasoning: suggestion.reasoning,
      linkedRisks: linkedRisksOf(
        entries,
        [finding.vulnerability, ...finding.aliases],
        finding.target.id,
        release,
      ),
    })
  }
  return { candidates, releases }
}

const digestData = (productId: string, productName: string, alerts: readonly AdvisoryAlert[]) => ({
  productId,
  productName,
  alerts: alerts.map((alert) => ({
    id: alert.id,
    release: alert.release,
    findingId: alert.findingId,
    vulnerability: alert.vulnerability,
    aliases: alert.aliases,
    component: alert.component,
    severity: alert.severity,
    kev: alert.kev,
    epss: alert.epss,
    suggestedStatus: alert.suggestedStatus,
    suggestedJustification: alert.suggestedJustification,
    reasoning: alert.reasoning,
    linkedRisks: alert.linkedRisks,
  })),
})

export interface RaisedAlerts {
  readonly alerts: number
  readonly notifications: number
}

/**
 * In the evaluation's transaction: marks the releases monitored, writes the alerts of the
 * findings that really were added, and puts one digest for them in the notification outbox.
 */
export const raiseAlerts = async (
  trx: Kysely<StoreTables>,
  plan: AlertPlan,
  added: ReadonlySet<string>,
  product: { readonly id: string; readonly name: string; readonly at: string },
): Promise<RaisedAlerts> => {
  await markReleasesMonitored(trx, product.id, plan.releases, product.at)
  const wanted = [...plan.candidates].filter(([key]) => added.has(key)).map(([, alert]) => alert)
  if (wanted.length === 0) return { alerts: 0, notifications: 0 }
  const alerts = await insertAdvisoryAlerts(trx, wanted)
  if (alerts.length === 0) return { alerts: 0, notifications: 0 }
  const digest = alertDigest(product.name, alerts)
  const batch = createHash('sha256')
    .update(
      alerts
        .map((alert) => alert.id)
        .sort()
        .join('\n'),
    )
    .digest('hex')
    .slice(0, 32)
  const { ids } = await enqueueNotification(trx, {
    kind: 'advisory-alert',
    subject: digest.subject,
    text: digest.text,
    data: digestData(product.id, product.name, alerts),
    dedupeKey: `advisory-alert:${product.id}:${batch}`,
    productId: product.id,
    at: product.at,
  })
  return { alerts: alerts.length, notifications: ids.length }
}
