import type { InstalledBaseEntry } from '../core/index.js'
import { appendAuditEvent, productAuditSubject } from './audit-trail.js'
import { toNumber } from './numbers.js'
import type { Store } from './open-store.js'
import type { InstalledBaseTable } from './schema-installed-base.js'

/** A product's installed base as stored, with when it was imported (null: never). */
export interface StoredInstalledBase {
  readonly importedAt: string | null
  readonly entries: readonly InstalledBaseEntry[]
}

export interface InstalledBaseImport {
  readonly productId: string
  /** Each entry with the line of the file it came from. */
  readonly entries: readonly { readonly line: number; readonly entry: InstalledBaseEntry }[]
  readonly actor: string
  readonly reason: string | null
  /** What the audit trail records of the file (e.g. its SHA-256 and size). */
  readonly source: Readonly<Record<string, string | number>>
}

const entryOf = (row: InstalledBaseTable): InstalledBaseEntry => ({
  customer: row.customer,
  site: row.site,
  release: row.release,
  units: toNumber(row.units),
  ...(row.contact_name === null ? {} : { contactName: row.contact_name }),
  ...(row.contact_email === null ? {} : { contactEmail: row.contact_email }),
  deployedOn: row.deployed_on,
  ...(row.retired_on === null ? {} : { retiredOn: row.retired_on }),
})

/** The product's installed base in the order of the file it was imported from. */
export const readInstalledBase = async (
  store: Store,
  productId: string,
): Promise<StoredInstalledBase> => {
  const rows = await store.db
    .selectFrom('installed_base')
    .selectAll()
    .where('product_id', '=', productId)
    .orderBy('line')
    .execute()
  return { importedAt: rows[0]?.imported_at ?? null, entries: rows.map(entryOf) }
}

/** Rows per insert: well under SQLite's and PostgreSQL's bound-parameter limits (11 per row). */
const CHUNK = 500

/**
 * Replaces the product's installed base with the imported one, and records it in the audit
 * trail, in one transaction: a failure anywhere leaves the previous installed base as it was.
 */
export const replaceInstalledBase = async (
  store: Store,
  change: InstalledBaseImport,
): Promise<{ readonly importedAt: string; readonly rows: number; readonly replaced: number }> => {
  const at = store.now()
  const importedAt = at.toISOString()
  return store.db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('installed_base')
      .where('product_id', '=', change.productId)
      .executeTakeFirst()
    const replaced = Number(removed.numDeletedRows)
    const rows = change.entries.map(({ line, entry }) => ({
      product_id: change.productId,
      line,
      customer: entry.customer,
      site: entry.site,
      release: entry.release,
      units: entry.units,
      contact_name: entry.contactName ?? null,
      contact_email: entry.contactEmail ?? null,
      deployed_on: entry.deployedOn,
      retired_on: entry.retiredOn ?? null,
      imported_at: importedAt,
    }))
    for (let start = 0; start < rows.length; start += CHUNK) {
      await trx
        .insertInto('installed_base')
        .values(rows.slice(start, start + CHUNK))
        .execute()
    }
    await appendAuditEvent(trx, store.dialect, at, {
      actor: change.actor,
      action: 'installed-base.import',
      subject: `${productAuditSubject(change.productId)}/installed-base`,
      before: { rows: replaced },
      after: { rows: rows.length, ...change.source },
      reason: change.reason,
    })
    return { importedAt, rows: rows.length, replaced }
  })
}

/**
 * The versions of a product's releases as its last model import recorded them, by release date;
 * undefined when there is no such product. An installed base may name only these.
 */
export const productReleaseVersions = async (
  store: Store,
  productId: string,
): Promise<string[] | undefined> => {
  const product = await store.db
    .selectFrom('products')
    .select('id')
    .where('id', '=', productId)
    .executeTakeFirst()
  if (product === undefined) return undefined
  const rows = await store.db
    .selectFrom('releases')
    .select('version')
    .where('product_id', '=', productId)
    .orderBy('released_at')
    .orderBy('version')
    .execute()
  return rows.map((row) => row.version)
}
