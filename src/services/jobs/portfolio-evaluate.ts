import { Type, type Static } from '@sinclair/typebox'

import { csafTargetMatcher, type CsafTargetMatcher, type Finding } from '../../core/index.js'
import type { Kysely } from 'kysely'

import type { JobHandler, JobQueue } from '../../jobs/index.js'
import type { Store, StoreTables } from '../../store/index.js'
import {
  findingsFor,
  openAdvisoryIndexAt,
  scanTargetsOfRelease,
  type OpenedAdvisories,
} from '../advisory-scan.js'
import { queueNotificationDelivery } from '../notifications.js'
import { loadProductModel } from '../product-model.js'
import { alertKey, planAlerts, raiseAlerts, type EvaluatedFinding } from './advisory-alerts.js'
import { checkJobData, JobError } from './job-data.js'

/** The input of a `portfolio-evaluate` job: one product, or every product without one. */
export const PortfolioEvaluateData = Type.Object(
  {
    productId: Type.Optional(Type.String({ minLength: 1 })),
    /** Username of whoever asked, for the job's record. */
    requestedBy: Type.Optional(Type.String({ minLength: 1 })),
  },
  { additionalProperties: false },
)
export type PortfolioEvaluateData = Static<typeof PortfolioEvaluateData>

/** What one evaluation wrote to the `findings` table. */
export interface PortfolioEvaluation {
  readonly generation: string
  readonly products: number
  readonly releases: number
  readonly findings: number
  /** Findings not in the table before. */
  readonly added: number
  /** Rows of findings no longer found (fixed components, withdrawn advisories, dropped releases). */
  readonly removed: number
  /** Advisory alerts raised: findings new for a release evaluated before. */
  readonly alerts: number
  /** Outbox rows written for them (one digest per product, per recipient). */
  readonly notifications: number
  /** Products whose stored model does not load: their findings stay as they were. */
  readonly skipped: readonly { readonly productId: string; readonly reason: string }[]
}

/** Rows per insert: well under SQLite's and PostgreSQL's limits on bound parameters. */
const ROWS_PER_INSERT = 400

const rowOf = (
  productId: string,
  release: string,
  finding: Finding,
  at: string,
  generation: string,
) => ({
  product_id: productId,
  release,
  finding_id: finding.id,
  vulnerability: finding.vulnerability,
  aliases: JSON.stringify(finding.aliases),
  component: finding.target.id,
  severity: finding.severity?.rating ?? null,
  cvss_score: finding.severity?.score ?? null,
  kev: finding.kev === undefined ? 0 : 1,
  epss: finding.epss?.epss ?? null,
  vex_status: finding.status,
  summary: finding.summary ?? null,
  first_seen: at,
  evaluated_at: at,
  advisory_generation: generation,
})

type Row = ReturnType<typeof rowOf>

const keyOf = alertKey

const chunks = <T>(items: readonly T[], size: number): T[][] => {
  const result: T[][] = []
  for (let start = 0; start < items.length; start += size) {
    result.push(items.slice(start, start + size))
  }
  return result
}

/** Work done in the findings' transaction, given the keys of the rows added. */
type AfterWrite<T> = (trx: Kysely<StoreTables>, added: ReadonlySet<string>) => Promise<T>

/**
 * Replaces the product's findings with these rows in one transaction: rows already there keep
 * their `first_seen`, rows not found any more are deleted.
 */
const writeFindings = async <T>(
  store: Store,
  productId: string,
  rows: readonly Row[],
  afterWrite: AfterWrite<T>,
): Promise<{ added: number; removed: number; after: T }> =>
  store.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('findings')
      .select(['release', 'finding_id'])
      .where('product_id', '=', productId)
      .execute()
    const wanted = new Set(rows.map((row) => keyOf(row.release, row.finding_id)))
    const had = new Set(existing.map((row) => keyOf(row.release, row.finding_id)))
    const gone = new Map<string, string[]>()
    let removed = 0
    for (const row of existing) {
      if (wanted.has(keyOf(row.release, row.finding_id))) continue
      gone.set(row.release, [...(gone.get(row.release) ?? []), row.finding_id])
      removed += 1
    }
    for (const [release, ids] of gone) {
      for (const chunk of chunks(ids, ROWS_PER_INSERT)) {
        await trx
          .deleteFrom('findings')
          .where('product_id', '=', productId)
          .where('release', '=', release)
          .where('finding_id', 'in', chunk)
          .execute()
      }
    }
    for (const chunk of chunks(rows, ROWS_PER_INSERT)) {
      await trx
        .insertInto('findings')
        .values(chunk)
        .onConflict((conflict) =>
          conflict.columns(['product_id', 'release', 'finding_id']).doUpdateSet((eb) => ({
            vulnerability: eb.ref('excluded.vulnerability'),
            aliases: eb.ref('excluded.aliases'),
            component: eb.ref('excluded.component'),
            severity: eb.ref('excluded.severity'),
            cvss_score: eb.ref('excluded.cvss_score'),
            kev: eb.ref('excluded.kev'),
            epss: eb.ref('excluded.epss'),
            vex_status: eb.ref('excluded.vex_status'),
            summary: eb.ref('excluded.summary'),
            evaluated_at: eb.ref('excluded.evaluated_at'),
            advisory_generation: eb.ref('excluded.advisory_generation'),
          })),
        )
        .execute()
    }
    const added = new Set(
      rows.map((row) => keyOf(row.release, row.finding_id)).filter((key) => !had.has(key)),
    )
    return { added: added.size, removed, after: await afterWrite(trx, added) }
  })

interface ProductResult {
  readonly releases: number
  readonly findings: number
  readonly added: number
  readonly removed: number
  readonly alerts: number
  readonly notifications: number
}

const evaluateProduct = async (
  store: Store,
  productId: string,
  advisories: OpenedAdvisories,
  csafMatcher: CsafTargetMatcher,
): Promise<ProductResult | string> => {
  const product = await loadProductModel(store, productId)
  if (product === undefined) return 'the product no longer exists'
  const { model } = product
  if (model === undefined) {
    return `its stored model does not load (${String(product.issues.length)} issues)`
  }
  const at = store.now().toISOString()
  const rows = new Map<string, Row>()
  const found: EvaluatedFinding[] = []
  for (const { version } of model.releases) {
    const targets = scanTargetsOfRelease(model, version)
    for (const finding of findingsFor(advisories, targets, model, version, csafMatcher)) {
      const key = keyOf(version, finding.id)
      if (!rows.has(key)) found.push({ release: version, finding })
      rows.set(key, rowOf(productId, version, finding, at, advisories.generation))
    }
  }
  const plan = await planAlerts(store, productId, model, found, at)
  const subject = { id: productId, name: model.product.name, at }
  const { after, ...written } = await writeFindings(
    store,
    productId,
    [...rows.values()],
    (trx, added) => raiseAlerts(trx, plan, added, subject),
  )
  return { releases: model.releases.length, findings: rows.size, ...written, ...after }
}

/**
 * Scans every release of the product (or of every product) against the advisory store in
 * `dataDir` and brings the `findings` table up to date, one transaction per product: each row
 * with the triage the model records for that release, KEV, EPSS, the best CVSS score and the
 * advisory generation it was found in. Findings new to a release evaluated before become
 * advisory alerts in the same transaction, with one digest per product in the notification
 * outbox; its delivery is queued on `queue` when given.
 */
export const evaluatePortfolio = async (
  store: Store,
  dataDir: string,
  productId?: string,
  queue?: JobQueue,
): Promise<PortfolioEvaluation> => {
  const productIds =
    productId === undefined
      ? (await store.db.selectFrom('products').select('id').orderBy('id').execute()).map(
          (row) => row.id,
        )
      : [productId]
  const advisories = await openAdvisoryIndexAt(dataDir)
  if (advisories === undefined) {
    throw new JobError(
      'evaluate/no-advisories',
      `the advisory store ${dataDir} is empty; run a feed sync first`,
    )
  }
  const totals = {
    products: 0,
    releases: 0,
    findings: 0,
    added: 0,
    removed: 0,
    alerts: 0,
    notifications: 0,
  }
  const skipped: { productId: string; reason: string }[] = []
  try {
    const csafMatcher = csafTargetMatcher()
    for (const id of productIds) {
      const result = await evaluateProduct(store, id, advisories, csafMatcher)
      if (typeof result === 'string') {
        skipped.push({ productId: id, reason: result })
        continue
      }
      totals.products += 1
      totals.releases += result.releases
      totals.findings += result.findings
      totals.added += result.added
      totals.removed += result.removed
      totals.alerts += result.alerts
      totals.notifications += result.notifications
    }
  } finally {
    advisories.close()
  }
  if (totals.notifications > 0 && queue !== undefined) {
    await queueNotificationDelivery(queue, 'portfolio-evaluate')
  }
  return { generation: advisories.generation, ...totals, skipped }
}

export interface PortfolioEvaluateDeps {
  readonly store: Store
  /** The advisory store's data dir; a worker without one fails evaluation jobs saying so. */
  readonly dataDir: string | undefined
  /** Where the delivery of advisory alert notifications is queued; none leaves them pending. */
  readonly queue?: JobQueue
}

/** Runs a `portfolio-evaluate` job; its output is the evaluation's counts. */
export const portfolioEvaluateHandler =
  (deps: PortfolioEvaluateDeps): JobHandler =>
  async (data): Promise<PortfolioEvaluation> => {
    const input = checkJobData(PortfolioEvaluateData, data, 'portfolio-evaluate')
    if (deps.dataDir === undefined) {
      throw new JobError(
        'evaluate/no-data-dir',
        'this worker has no advisory data dir to evaluate against (start it with --data-dir)',
      )
    }
    if (input.productId !== undefined) {
      const exists = await deps.store.db
        .selectFrom('products')
        .select('id')
        .where('id', '=', input.productId)
        .executeTakeFirst()
      if (exists === undefined) {
        throw new JobError('evaluate/unknown-product', `no product ${input.productId}`)
      }
    }
    return evaluatePortfolio(deps.store, deps.dataDir, input.productId, deps.queue)
  }
