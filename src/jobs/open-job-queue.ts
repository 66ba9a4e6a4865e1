import type { JobQueue } from './job-queue.js'
import type { JobOutcome } from './job-runner.js'
import type { JobDatabase } from './job-table.js'
import { openPgBossJobQueue } from './pg-boss-job-queue.js'
import { createSqliteJobQueue } from './sqlite-job-queue.js'

export interface OpenJobQueueOptions {
  /** PostgreSQL only, and required there: the database pg-boss connects to (the store's URL). */
  readonly connectionString?: string
  /** PostgreSQL only: the schema of pg-boss's tables (default `pgboss`). */
  readonly pgBossSchema?: string
  readonly pollIntervalMs?: number
  /** Jobs of one name running at once on this process (default 1). */
  readonly concurrency?: number
  readonly onJobEnd?: (outcome: JobOutcome) => void
  readonly onError?: (error: unknown) => void
}

/**
 * The queue that fits the store: the `jobs` table for the embedded SQLite store, pg-boss when the
 * store is on PostgreSQL, so several API servers and workers share one queue.
 */
export const openJobQueue = async (
  store: JobDatabase,
  options: OpenJobQueueOptions = {},
): Promise<JobQueue> => {
  const common = {
    ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
    ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
    ...(options.onJobEnd === undefined ? {} : { onJobEnd: options.onJobEnd }),
    ...(options.onError === undefined ? {} : { onError: options.onError }),
  }
  if (store.dialect === 'sqlite') return createSqliteJobQueue(store, common)
  if (options.connectionString === undefined) {
    throw new Error('a job queue on PostgreSQL needs the connection string of the database')
  }
  return openPgBossJobQueue({
    ...common,
    connectionString: options.connectionString,
    ...(options.pgBossSchema === undefined ? {} : { schema: options.pgBossSchema }),
  })
}
