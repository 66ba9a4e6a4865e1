import { randomUUID } from 'node:crypto'

import { sql, type ExpressionBuilder, type Insertable, type Kysely, type Selectable } from 'kysely'

import {
  isJobName,
  type JobData,
  type JobName,
  type JobQueue,
  type JobState,
  type JobStatus,
  type SendOptions,
} from './job-queue.js'
import {
  createJobRunner,
  defaultOnError,
  type ClaimedJob,
  type JobOutcome,
  type JobSource,
} from './job-runner.js'
import type { JobDatabase, JobRow, JobTables } from './job-table.js'

export interface SqliteJobQueueOptions {
  /** How often idle workers look for jobs (default 250 ms). */
  readonly pollIntervalMs?: number
  /**
   * How long an active job stays claimed without a sign of life from its worker (default 15
   * minutes); a running job renews it, so only a job left by a stopped process is taken again.
   */
  readonly leaseMs?: number
  /** The wait before the first retry, doubled for each further one (default 10 s). */
  readonly retryDelayMs?: number
  /** Jobs of one name running at once on this process (default 1). */
  readonly concurrency?: number
  readonly onJobEnd?: (outcome: JobOutcome) => void
  readonly onError?: (error: unknown) => void
}

type NewRow = Insertable<JobRow> & { readonly id: string; readonly name: JobName }

const DEFAULT_MAX_ATTEMPTS = 3
const MAX_RETRY_DELAY_MS = 60 * 60 * 1000
const ABANDONED = 'the worker running this job stopped before it finished'

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const parseJson = (text: string | null): unknown => {
  if (text === null) return null
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

const STATES: ReadonlySet<string> = new Set<JobState>(['queued', 'active', 'completed', 'failed'])

const statusOf = (row: Selectable<JobRow>, name: JobName): JobStatus => {
  const state = STATES.has(row.state) ? (row.state as JobState) : 'failed'
  const data = parseJson(row.data)
  return {
    id: row.id,
    name,
    state,
    data: isRecord(data) ? data : {},
    createdAt: row.created_at,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    output: state === 'completed' ? parseJson(row.output) : null,
    // A queued job with an error message is waiting for its retry.
    error: state === 'completed' || state === 'active' ? null : row.output,
  }
}

/**
 * The embedded queue: jobs are rows of the store's `jobs` table. Every step that two workers
 * could race on is one statement (claim, complete, fail), so two processes on one SQLite file
 * never hold a lock across an await; on PostgreSQL the claim skips rows another worker locked.
 */
export const createSqliteJobQueue = (
  database: JobDatabase,
  options: SqliteJobQueueOptions = {},
): JobQueue => {
  const { db, dialect } = database
  const leaseMs = options.leaseMs ?? 15 * 60 * 1000
  const retryDelayMs = options.retryDelayMs ?? 10_000
  const at = (offsetMs = 0): string => new Date(database.now().getTime() + offsetMs).toISOString()

  const runnable = (name: JobName, now: string) => (eb: ExpressionBuilder<JobTables, 'jobs'>) =>
    eb.and([
      eb('name', '=', name),
      eb('run_after', '<=', now),
      eb.or([
        eb('state', '=', 'queued'),
        eb.and([eb('state', '=', 'active'), eb('attempts', '<', eb.ref('max_attempts'))]),
      ]),
    ])

  /** Abandoned jobs without attempts left fail here; the claim below takes the others again. */
  const failAbandoned = async (name: JobName, now: string): Promise<void> => {
    await db
      .updateTable('jobs')
      .set({ state: 'failed', output: ABANDONED, completed_at: now })
      .where('name', '=', name)
      .where('state', '=', 'active')
      .where('run_after', '<=', now)
      .where((eb) => eb('attempts', '>=', eb.ref('max_attempts')))
      .execute()
  }

  const claim = async (name: JobName): Promise<ClaimedJob | undefined> => {
    const now = at()
    // An idle poll only reads: a write would take SQLite's write lock every tick.
    const due = await db
      .selectFrom('jobs')
      .select('id')
      .where('name', '=', name)
      .where('state', 'in', ['queued', 'active'])
      .where('run_after', '<=', now)
      .limit(1)
      .executeTakeFirst()
    if (due === undefined) return undefined
    await failAbandoned(name, now)
    const next = db
      .selectFrom('jobs')
      .select('id')
      .where(runnable(name, now))
      .orderBy('run_after')
      .orderBy('created_at')
      .orderBy('id')
      .limit(1)
    const row = await db
      .updateTable('jobs')
      .set((eb) => ({
        state: 'active',
        attempts: eb('attempts', '+', 1),
        started_at: now,
        run_after: at(leaseMs),
      }))
      // A scalar subquery runs once; PostgreSQL may run an `in (… limit 1)` subquery again per
      // row and so claim more than one job in one statement.
      .where('id', '=', dialect === 'postgres' ? next.forUpdate().skipLocked() : next)
      // Checked again: on PostgreSQL a worker that waited on the row finds it taken.
      .where(runnable(name, now))
      .returning(['id', 'data', 'attempts', 'max_attempts'])
      .executeTakeFirst()
    if (row === undefined) return undefined
    const data = parseJson(row.data)
    return {
      id: row.id,
      name,
      data: isRecord(data) ? data : {},
      attempt: row.attempts,
      maxAttempts: row.max_attempts,
    }
  }

  /** Only the worker holding the claim (same attempt, still active) may report on the job. */
  const claimed = (job: ClaimedJob) => (eb: ExpressionBuilder<JobTables, 'jobs'>) =>
    eb.and([eb('id', '=', job.id), eb('state', '=', 'active'), eb('attempts', '=', job.attempt)])

  const source: JobSource = {
    claim,
    complete: async (job, output) => {
      await db
        .updateTable('jobs')
        .set({ state: 'completed', output: JSON.stringify(output ?? null), completed_at: at() })
        .where(claimed(job))
        .execute()
    },
    fail: async (job, message) => {
      const exhausted = job.attempt >= job.maxAttempts
      const delay = Math.min(retryDelayMs * 2 ** (job.attempt - 1), MAX_RETRY_DELAY_MS)
      await db
        .updateTable('jobs')
        .set(
          exhausted
            ? { state: 'failed', output: message, completed_at: at() }
            : { state: 'queued', output: message, run_after: at(delay) },
        )
        .where(claimed(job))
        .execute()
      return exhausted ? 'failed' : 'queued'
    },
    renew: {
      everyMs: Math.max(1, Math.floor(leaseMs / 3)),
      renew: async (job) => {
        await db
          .updateTable('jobs')
          .set({ run_after: at(leaseMs) })
          .where(claimed(job))
          .execute()
      },
    },
  }

  const runner = createJobRunner(source, {
    pollIntervalMs: options.pollIntervalMs ?? 250,
    concurrency: options.concurrency ?? 1,
    onError: options.onError ?? defaultOnError,
    ...(options.onJobEnd === undefined ? {} : { onJobEnd: options.onJobEnd }),
  })

  const newRow = (name: JobName, data: JobData, sendOptions: SendOptions) => {
    const now = at()
    return {
      id: randomUUID(),
      name,
      data: JSON.stringify(data),
      state: 'queued',
      singleton_key: sendOptions.singletonKey ?? null,
      max_attempts: sendOptions.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      run_after: now,
      created_at: now,
    }
  }

  const insert = async (executor: Kysely<JobTables>, row: NewRow): Promise<string> => {
    await executor.insertInto('jobs').values(row).execute()
    return row.id
  }

  /** One statement checks and inserts, so on SQLite no other sender can come in between. */
  const insertUnlessLive = async (row: NewRow, key: string): Promise<string | undefined> => {
    const inserted = await sql<{ id: string }>`
      insert into jobs (id, name, data, state, singleton_key, max_attempts, run_after, created_at)
      select ${row.id}, ${row.name}, ${row.data}, 'queued', ${key},
        cast(${row.max_attempts} as integer), ${row.run_after}, ${row.created_at}
      where not exists (
        select 1 from jobs
        where name = ${row.name} and singleton_key = ${key} and state in ('queued', 'active')
      )
      returning id`.execute(db)
    return inserted.rows[0]?.id
  }

  const liveWithKey = async (
    executor: Kysely<JobTables>,
    name: JobName,
    key: string,
  ): Promise<string | undefined> =>
    (
      await executor
        .selectFrom('jobs')
        .select('id')
        .where('name', '=', name)
        .where('singleton_key', '=', key)
        .where('state', 'in', ['queued', 'active'])
        .executeTakeFirst()
    )?.id

  const sendOnce = async (
    name: JobName,
    data: JobData,
    sendOptions: SendOptions,
  ): Promise<string | undefined> => {
    const row = newRow(name, data, sendOptions)
    const key = sendOptions.singletonKey
    if (key === undefined) return insert(db, row)
    if (dialect === 'sqlite') {
      return (await insertUnlessLive(row, key)) ?? (await liveWithKey(db, name, key))
    }
    // Two PostgreSQL transactions could both see no live job; a lock on the key orders them.
    return db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext(${`medcyber-job:${name}:${key}`}))`.execute(
        trx,
      )
      return (await liveWithKey(trx, name, key)) ?? (await insert(trx, row))
    })
  }

  return {
    send: async (name, data, sendOptions = {}) => {
      // The live job a singleton send found may finish before it is read back: try again.
      for (let round = 0; round < 5; round += 1) {
        const id = await sendOnce(name, data, sendOptions)
        if (id !== undefined) {
          runner.poke(name)
          return id
        }
      }
      throw new Error(`could not queue ${name}: the job with its singleton key kept changing`)
    },
    get: async (id) => {
      const row = await db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst()
      if (row === undefined || !isJobName(row.name)) return undefined
      return statusOf(row, row.name)
    },
    work: (name, handler) => {
      runner.register(name, handler)
      return Promise.resolve()
    },
    stop: () => runner.stop(),
  }
}
