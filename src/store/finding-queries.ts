import { sql } from 'kysely'

import { toNumber } from './numbers.js'
import type { Store } from './open-store.js'
import { containsText } from './products.js'

/** A vulnerability finding of one release, as the last evaluation stored it. */
export interface StoredFinding {
  readonly findingId: string
  readonly release: string
  readonly vulnerability: string
  readonly aliases: readonly string[]
  readonly component: string
  readonly severity: string | null
  readonly cvssScore: number | null
  readonly kev: boolean
  readonly epss: number | null
  readonly vexStatus: string
  readonly summary: string | null
  readonly firstSeen: string
  readonly evaluatedAt: string
}

export interface FindingQuery {
  readonly release?: string
  readonly severity?: string
  /** Only findings in CISA's Known Exploited Vulnerabilities catalogue. */
  readonly kev?: boolean
  readonly vexStatus?: string
  /** Case-insensitive part of the vulnerability id or the component. */
  readonly text?: string
  readonly limit: number
  readonly offset: number
}

/** VEX statuses that close a finding; every other one (untriaged included) leaves it open. */
export const CLOSED_VEX_STATUSES = ['not_affected', 'fixed'] as const

export const aliasesOf = (json: string): string[] => {
  const parsed = JSON.parse(json) as unknown
  return Array.isArray(parsed)
    ? parsed.filter((alias): alias is string => typeof alias === 'string')
    : []
}

/**
 * One page of a product's findings, known exploited first, then by CVSS score from the highest
 * (unscored last), then by id: the order people work through them in.
 */
export const listProductFindings = async (
  store: Store,
  productId: string,
  query: FindingQuery,
): Promise<{ readonly items: readonly StoredFinding[]; readonly total: number }> => {
  let base = store.db.selectFrom('findings').where('product_id', '=', productId)
  if (query.release !== undefined) base = base.where('release', '=', query.release)
  // The evaluation stores severities as the advisories spell them (`Critical`); people type
  // `critical`.
  if (query.severity !== undefined) {
    const severity = query.severity.toLowerCase()
    base = base.where((eb) => eb(eb.fn('lower', ['severity']), '=', severity))
  }
  if (query.kev !== undefined) base = base.where('kev', '=', query.kev ? 1 : 0)
  if (query.vexStatus !== undefined) base = base.where('vex_status', '=', query.vexStatus)
  const text = query.text?.trim()
  if (text !== undefined && text !== '') {
    base = base.where((eb) =>
      eb.or([containsText(eb.ref('vulnerability'), text), containsText(eb.ref('component'), text)]),
    )
  }
  const counted = await base.select((eb) => eb.fn.countAll().as('total')).executeTakeFirst()
  const rows = await base
    .selectAll()
    .orderBy('kev', 'desc')
    // PostgreSQL sorts nulls first when descending, SQLite last: make both put them last.
    .orderBy(sql`coalesce(cvss_score, -1)`, 'desc')
    .orderBy('finding_id')
    .orderBy('release')
    .limit(query.limit)
    .offset(query.offset)
    .execute()
  return {
    total: toNumber(counted?.total ?? 0),
    items: rows.map((row) => ({
      findingId: row.finding_id,
      release: row.release,
      vulnerability: row.vulnerability,
      aliases: aliasesOf(row.aliases),
      component: row.component,
      severity: row.severity,
      cvssScore: row.cvss_score,
      kev: row.kev !== 0,
      epss: row.epss,
      vexStatus: row.vex_status,
      summary: row.summary,
      firstSeen: row.first_seen,
      evaluatedAt: row.evaluated_at,
    })),
  }
}

/** How many distinct findings of the product are still open in any release. */
export const countOpenFindings = async (store: Store, productId: string): Promise<number> => {
  const row = await store.db
    .selectFrom('findings')
    .select((eb) => eb.fn.count<string | number>('finding_id').distinct().as('open'))
    .where('product_id', '=', productId)
    .where('vex_status', 'not in', CLOSED_VEX_STATUSES)
    .executeTakeFirst()
  return toNumber(row?.open ?? 0)
}

/** A product's findings as the portfolio counts them, each finding once whatever its releases. */
export interface FindingCounts {
  /** Not yet not_affected or fixed in some release. */
  readonly open: number
  /** Open and in CISA's Known Exploited Vulnerabilities catalogue. */
  readonly kev: number
  /** First seen after `seenAfter` (every finding when it is null). */
  readonly newSince: number
}

/** Finding counts of each of the products, in one query; products without findings count 0. */
export const countFindingsByProduct = async (
  store: Store,
  productIds: readonly string[],
  seenAfter: string | null,
): Promise<ReadonlyMap<string, FindingCounts>> => {
  const counts = new Map<string, FindingCounts>()
  if (productIds.length === 0) return counts
  const rows = await store.db
    .selectFrom('findings')
    .select((eb) => {
      const open = eb('vex_status', 'not in', CLOSED_VEX_STATUSES)
      const counted = (condition: typeof open) =>
        eb.fn
          .count<string | number>(eb.case().when(condition).then(eb.ref('finding_id')).end())
          .distinct()
      return [
        'product_id',
        counted(open).as('open'),
        counted(eb.and([open, eb('kev', '=', 1)])).as('kev'),
        (seenAfter === null
          ? eb.fn.count<string | number>('finding_id').distinct()
          : counted(eb('first_seen', '>', seenAfter))
        ).as('new_since'),
      ]
    })
    .where('product_id', 'in', productIds)
    .groupBy('product_id')
    .execute()
  for (const row of rows) {
    counts.set(row.product_id, {
      open: toNumber(row.open),
      kev: toNumber(row.kev),
      newSince: toNumber(row.new_since),
    })
  }
  return counts
}
