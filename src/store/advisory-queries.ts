import type { Store } from './open-store.js'
import { aliasesOf } from './finding-queries.js'
import { toNumber } from './numbers.js'
import { containsText, heldBy } from './products.js'

/** Where one vulnerability was found: a component of a product's release. */
export interface AdvisoryAffected {
  readonly productId: string
  readonly productName: string
  readonly release: string
  readonly component: string
  readonly findingId: string
  readonly vexStatus: string
}

/** One vulnerability across the products a user may read, from the stored findings. */
export interface StoredAdvisory {
  readonly vulnerability: string
  /** The other ids the findings give it, sorted. */
  readonly aliases: readonly string[]
  /** As the finding with the highest CVSS score gives it. */
  readonly severity: string | null
  readonly cvssScore: number | null
  readonly kev: boolean
  readonly epss: number | null
  readonly summary: string | null
  /** The earliest first sighting in any product and release. */
  readonly firstSeen: string
  readonly lastEvaluatedAt: string
  readonly affected: readonly AdvisoryAffected[]
}

export interface AdvisoryQuery {
  /** Only findings of products this user holds a role on (all with a role on `*`). */
  readonly visibleTo: string
  /** Only vulnerabilities in (or not in) CISA's Known Exploited Vulnerabilities catalogue. */
  readonly kev?: boolean
  /** Case-insensitive part of the vulnerability id, an alias or a component. */
  readonly text?: string
  readonly limit: number
  readonly offset: number
}

interface AffectedRow {
  readonly product_id: string
  readonly product_name: string
  readonly release: string
  readonly finding_id: string
  readonly vulnerability: string
  readonly aliases: string
  readonly component: string
  readonly severity: string | null
  readonly cvss_score: number | null
  readonly kev: number
  readonly epss: number | null
  readonly vex_status: string
  readonly summary: string | null
  readonly first_seen: string
  readonly evaluated_at: string
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
const byRelease = (a: string, b: string): number =>
  a.localeCompare(b, 'en', { numeric: true }) || byText(a, b)

const highest = (values: readonly (number | null)[]): number | null =>
  values.reduce<number | null>(
    (best, value) => (value !== null && (best === null || value > best) ? value : best),
    null,
  )

/** The severity of the highest-scored finding, else the first one given. */
const severityOf = (rows: readonly AffectedRow[]): string | null => {
  const scored = [...rows].sort((a, b) => (b.cvss_score ?? -1) - (a.cvss_score ?? -1))
  return scored.find((row) => row.severity !== null)?.severity ?? null
}

const advisoryOf = (vulnerability: string, rows: readonly AffectedRow[]): StoredAdvisory => {
  const aliases = new Set(rows.flatMap((row) => aliasesOf(row.aliases)))
  aliases.delete(vulnerability)
  const sorted = [...rows].sort(
    (a, b) =>
      byText(a.product_id, b.product_id) ||
      byRelease(a.release, b.release) ||
      byText(a.component, b.component) ||
      byText(a.finding_id, b.finding_id),
  )
  return {
    vulnerability,
    aliases: [...aliases].sort(byText),
    severity: severityOf(rows),
    cvssScore: highest(rows.map((row) => row.cvss_score)),
    kev: rows.some((row) => row.kev !== 0),
    epss: highest(rows.map((row) => row.epss)),
    summary: rows.find((row) => row.summary !== null)?.summary ?? null,
    firstSeen: rows.map((row) => row.first_seen).reduce((a, b) => (b < a ? b : a)),
    lastEvaluatedAt: rows.map((row) => row.evaluated_at).reduce((a, b) => (b > a ? b : a)),
    affected: sorted.map((row) => ({
      productId: row.product_id,
      productName: row.product_name,
      release: row.release,
      component: row.component,
      findingId: row.finding_id,
      vexStatus: row.vex_status,
    })),
  }
}

/** The vulnerabilities of the page: newest first sighting first, then by id. */
const groupsOf = (store: Store, query: AdvisoryQuery) => {
  const visible = store.db
    .selectFrom('findings')
    .where((eb) => heldBy(query.visibleTo, eb.ref('findings.product_id')))
  let groups = visible
    .select((eb) => ['findings.vulnerability', eb.fn.min('findings.first_seen').as('earliest')])
    .groupBy('findings.vulnerability')
  const text = query.text?.trim()
  if (text !== undefined && text !== '') {
    // A vulnerability matches by any of its findings; the others are still listed under it.
    const matching = visible
      .select('findings.vulnerability')
      .where((eb) =>
        eb.or([
          containsText(eb.ref('findings.vulnerability'), text),
          containsText(eb.ref('findings.aliases'), text),
          containsText(eb.ref('findings.component'), text),
        ]),
      )
    groups = groups.where('findings.vulnerability', 'in', matching)
  }
  if (query.kev !== undefined) {
    groups = groups.having((eb) => eb.fn.max('findings.kev'), '=', query.kev ? 1 : 0)
  }
  return groups
}

/**
 * One page of the vulnerabilities found in the products a user may read, grouped by
 * vulnerability id across products and releases, the most recently first seen first.
 */
export const listAdvisories = async (
  store: Store,
  query: AdvisoryQuery,
): Promise<{ readonly items: readonly StoredAdvisory[]; readonly total: number }> => {
  const groups = groupsOf(store, query)
  const counted = await store.db
    .selectFrom(groups.as('groups'))
    .select((eb) => eb.fn.countAll().as('total'))
    .executeTakeFirst()
  const page = await groups
    .orderBy('earliest', 'desc')
    .orderBy('findings.vulnerability')
    .limit(query.limit)
    .offset(query.offset)
    .execute()
  const ids = page.map((group) => group.vulnerability)
  const rows: readonly AffectedRow[] =
    ids.length === 0
      ? []
      : await store.db
          .selectFrom('findings')
          .innerJoin('products', 'products.id', 'findings.product_id')
          .selectAll('findings')
          .select('products.name as product_name')
          .where('findings.vulnerability', 'in', ids)
          .where((eb) => heldBy(query.visibleTo, eb.ref('findings.product_id')))
          .execute()
  const byVulnerability = new Map<string, AffectedRow[]>()
  for (const row of rows) {
    byVulnerability.set(row.vulnerability, [...(byVulnerability.get(row.vulnerability) ?? []), row])
  }
  return {
    total: toNumber(counted?.total ?? 0),
    // A vulnerability whose findings went away between the two reads (a new evaluation) is left out.
    items: ids.flatMap((id) => {
      const found = byVulnerability.get(id)
      return found === undefined ? [] : [advisoryOf(id, found)]
    }),
  }
}
