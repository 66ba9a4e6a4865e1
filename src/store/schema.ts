import type { Generated } from 'kysely'

/**
 * The tables as the store's queries see them. Times are ISO 8601 text, not database timestamps:
 * SQLite has no timestamp type and `pg` would turn them into `Date` objects in the local zone,
 * so text is the one form that reads back identically on both back ends.
 */
export interface StoreTables {
  readonly products: ProductsTable
  readonly releases: ReleasesTable
  readonly model_documents: ModelDocumentsTable
  readonly audit_events: AuditEventsTable
}

export interface ProductsTable {
  readonly id: string
  readonly name: string
  /** Bumped by every model import; the optimistic-concurrency token for the model as a whole. */
  readonly model_revision: Generated<number>
  readonly created_at: string
}

export interface ReleasesTable {
  readonly product_id: string
  readonly version: string
  readonly released_at: string | null
  readonly support_ends: string | null
}

export interface ModelDocumentsTable {
  readonly product_id: string
  /** Relative to the model folder, forward slashes, e.g. `architecture.yaml`. */
  readonly path: string
  readonly text: string
  /** The model revision at which this file last changed. */
  readonly revision: number
  /** SHA-256 of the UTF-8 text, hex. */
  readonly content_hash: string
}

export interface AuditEventsTable {
  readonly id: string
  /** Position in the chain, from 1, without gaps. */
  readonly seq: number
  readonly at: string
  readonly actor: string
  readonly action: string
  readonly subject: string
  /** Canonical JSON of the state before the change, or null when there was none. */
  readonly before: string | null
  readonly after: string | null
  readonly reason: string | null
  readonly prev_hash: string
  readonly hash: string
}
