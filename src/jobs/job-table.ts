import type { Generated, Kysely } from 'kysely'

/**
 * The store's `jobs` table as this adapter sees it (the store's schema declares the same
 * columns; adapters do not import each other, and a store fits this shape as it is).
 */
export interface JobRow {
  readonly id: string
  readonly name: string
  readonly data: string
  /** queued, active, completed or failed. */
  readonly state: string
  readonly singleton_key: string | null
  readonly attempts: Generated<number>
  readonly max_attempts: number
  /** Queued: not before this time. Active: the lease; after it the job counts as abandoned. */
  readonly run_after: string
  /** Completed: JSON of the result. Queued again or failed: the last attempt's error message. */
  readonly output: string | null
  readonly created_at: string
  readonly started_at: string | null
  readonly completed_at: string | null
}

export interface JobTables {
  readonly jobs: JobRow
}

/** A database holding the `jobs` table: an open store fits. */
export interface JobDatabase {
  readonly db: Kysely<JobTables>
  readonly dialect: 'sqlite' | 'postgres'
  readonly now: () => Date
}
