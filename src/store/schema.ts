import type { Generated } from 'kysely'

import type { DisclosureTables } from './schema-coordinated-disclosure.js'
import type { InstalledBaseTables } from './schema-installed-base.js'
import type { MonitoringTables } from './schema-postmarket-monitoring.js'

/**
 * The tables as the store's queries see them. Times are ISO 8601 text, not database timestamps:
 * SQLite has no timestamp type and `pg` would turn them into `Date` objects in the local zone,
 * so text is the one form that reads back identically on both back ends.
 */
export interface StoreTables extends MonitoringTables, DisclosureTables, InstalledBaseTables {
  readonly products: ProductsTable
  readonly releases: ReleasesTable
  readonly model_documents: ModelDocumentsTable
  readonly audit_events: AuditEventsTable
  readonly users: UsersTable
  readonly product_roles: ProductRolesTable
  readonly sessions: SessionsTable
  readonly api_tokens: ApiTokensTable
  readonly approvals: ApprovalsTable
  readonly findings: FindingsTable
  readonly generated_documents: GeneratedDocumentsTable
  readonly jobs: JobsTable
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

/** Booleans are integers 0/1: SQLite has no boolean type. System administrators hold `admin` on `*`. */
export interface UsersTable {
  readonly id: string
  readonly username: string
  readonly display_name: string
  /** argon2id PHC string; null for accounts that only sign in through OIDC. */
  readonly password_hash: string | null
  /** `issuer|sub` of the OIDC identity bound to this account. */
  readonly oidc_subject: string | null
  readonly disabled: Generated<number>
  readonly created_at: string
  /** The web app's language (`en`, `ja`); null until the user picks one. */
  readonly locale: string | null
  /** ISO 8601 instant the user last marked advisories as seen; null when never. */
  readonly advisories_seen_at: string | null
}

export interface ProductRolesTable {
  /** A product id, or `*` for every product. */
  readonly product_id: string
  readonly user_id: string
  readonly role: string
}

export interface SessionsTable {
  /** SHA-256 of the session cookie's secret: a stolen database does not yield live sessions. */
  readonly id_hash: string
  readonly user_id: string
  readonly csrf_token: string
  readonly created_at: string
  readonly expires_at: string
}

export interface ApiTokensTable {
  readonly id: string
  readonly user_id: string
  readonly name: string
  readonly token_hash: string
  readonly created_at: string
  readonly expires_at: string | null
  readonly revoked_at: string | null
}

export interface ApprovalsTable {
  readonly id: string
  readonly product_id: string
  readonly release: string | null
  /** What was signed, e.g. `risk-register` or `threat:legacy-bolus-replay`. */
  readonly subject: string
  /** The meaning of the signature: reviewed, approved or risk-accepted. */
  readonly meaning: string
  readonly model_revision: number
  /** SHA-256 over the model files at that revision: what exactly was signed. */
  readonly content_hash: string
  readonly signer_id: string
  readonly signer_name: string
  readonly signed_at: string
  readonly reason: string | null
  /** The audit event that records the signature. */
  readonly audit_seq: number
}

export interface FindingsTable {
  readonly product_id: string
  readonly release: string
  /** `vulnerability@componentRef`, the id triage is keyed by. */
  readonly finding_id: string
  readonly vulnerability: string
  /** JSON array of the other ids of the same vulnerability. */
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
  readonly advisory_generation: string | null
}

export interface GeneratedDocumentsTable {
  readonly id: string
  readonly product_id: string
  readonly release: string | null
  readonly kind: string
  readonly language: string
  readonly name: string
  readonly media_type: string
  readonly sha256: string
  readonly size: number
  /** The file's bytes, base64. */
  readonly content: string
  readonly model_revision: number
  readonly created_at: string
  readonly created_by: string
}

export interface JobsTable {
  readonly id: string
  readonly name: string
  /** JSON of the job's input. */
  readonly data: string
  /** queued, active, completed or failed. */
  readonly state: string
  readonly singleton_key: string | null
  readonly attempts: Generated<number>
  readonly max_attempts: number
  readonly run_after: string
  /** JSON of the result, or the error message of the last failed attempt. */
  readonly output: string | null
  readonly created_at: string
  readonly started_at: string | null
  readonly completed_at: string | null
}
