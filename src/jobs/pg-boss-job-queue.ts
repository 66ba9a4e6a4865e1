import pg from 'pg'
import PgBoss from 'pg-boss'

import {
  isJobName,
  JOB_NAMES,
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

export interface PgBossJobQueueOptions {
  readonly connectionString: string
  /** The schema pg-boss keeps its tables in (default `pgboss`); created when missing. */
  readonly schema?: string
  /** How often idle workers look for jobs (default 1 s). */
  readonly pollIntervalMs?: number
  /** The wait before the first retry in seconds, doubled for each further one (default 10). */
  readonly retryDelaySeconds?: number
  /**
   * How long a job may stay active before pg-boss takes it as abandoned and retries it. A feed
   * sync can take hours on its first run; an evaluation takes minutes.
   */
  readonly expireInSeconds?: Partial<Record<JobName, number>>
  /** Jobs of one name running at once on this process (default 1). */
  readonly concurrency?: number
  /** Connections of this process to PostgreSQL for the queue (default 4). */
  readonly maxConnections?: number
  readonly onJobEnd?: (outcome: JobOutcome) => void
  readonly onError?: (error: unknown) => void
}

const DEFAULT_MAX_ATTEMPTS = 3
const DEFAULT_EXPIRY: Readonly<Record<JobName, number>> = {
  'feeds-sync': 6 * 60 * 60,
  'portfolio-evaluate': 60 * 60,
  'documents-generate': 60 * 60,
  'deadline-reminders': 15 * 60,
  'notifications-send': 15 * 60,
}
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const STATE_OF: Readonly<Record<PgBoss.JobWithMetadata['state'], JobState>> = {
  created: 'queued',
  retry: 'queued',
  active: 'active',
  completed: 'completed',
  failed: 'failed',
  cancelled: 'failed',
}

const errorOf = (job: PgBoss.JobWithMetadata): string | null => {
  if (job.state === 'cancelled') return 'cancelled'
  if (job.state !== 'failed' && job.state !== 'retry') return null
  const output: unknown = job.output
  return isRecord(output) && typeof output['message'] === 'string' ? output['message'] : null
}

/** pg-boss's types say `startedOn` is always a date; a job not yet started has none. */
const isoOrNull = (date: Date | null): string | null => (date === null ? null : date.toISOString())

const statusOf = (job: PgBoss.JobWithMetadata, name: JobName): JobStatus => {
  const output: unknown = job.output
  return {
    id: job.id,
    name,
    state: STATE_OF[job.state],
    data: isRecord(job.data) ? job.data : {},
    createdAt: job.createdOn.toISOString(),
    startedAt: isoOrNull(job.startedOn),
    completedAt: isoOrNull(job.completedOn),
    // Results are stored wrapped, so that any JSON value (not only objects) reads back as sent.
    output: job.state === 'completed' && isRecord(output) ? (output['value'] ?? null) : null,
    error: errorOf(job),
  }
}

/**
 * The queue for PostgreSQL: pg-boss tables in their own schema, shared by every API server and
 * worker on the database. Jobs are taken with pg-boss's `fetch` (SKIP LOCKED) by the same loop the
 * embedded queue runs, and reported with `complete`/`fail`, which retry with backoff.
 */
export const openPgBossJobQueue = async (options: PgBossJobQueueOptions): Promise<JobQueue> => {
  const schema = options.schema ?? 'pgboss'
  if (!SCHEMA_NAME.test(schema)) throw new Error(`not a plain PostgreSQL schema name: ${schema}`)
  const onError = options.onError ?? defaultOnError
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 4,
    application_name: 'medcyber-jobs',
  })
  pool.on('error', onError)
  const executeSql = (executor: pg.Pool | pg.PoolClient) => ({
    executeSql: (text: string, values?: unknown[]) => executor.query(text, values),
  })
  const boss = new PgBoss({ db: executeSql(pool), schema, schedule: false, supervise: true })
  boss.on('error', onError)
  try {
    await boss.start()
    for (const name of JOB_NAMES) await boss.createQueue(name, { name, policy: 'standard' })
  } catch (error) {
    await pool.end()
    throw error
  }

  const source: JobSource = {
    claim: async (name) => {
      const [job] = await boss.fetch<JobData>(name, { batchSize: 1, includeMetadata: true })
      if (job === undefined) return undefined
      return {
        id: job.id,
        name,
        data: isRecord(job.data) ? job.data : {},
        attempt: job.retryCount + 1,
        maxAttempts: job.retryLimit + 1,
      }
    },
    complete: async (job, output) => {
      await boss.complete(job.name, job.id, { value: output ?? null })
    },
    fail: async (job: ClaimedJob, message) => {
      await boss.fail(job.name, job.id, { message })
      return job.attempt < job.maxAttempts ? 'queued' : 'failed'
    },
  }
  const runner = createJobRunner(source, {
    pollIntervalMs: options.pollIntervalMs ?? 1000,
    concurrency: options.concurrency ?? 1,
    onError,
    ...(options.onJobEnd === undefined ? {} : { onJobEnd: options.onJobEnd }),
  })

  const retryDelay = options.retryDelaySeconds ?? 10
  const sendOptions = (name: JobName, send: SendOptions): PgBoss.SendOptions => ({
    retryLimit: (send.maxAttempts ?? DEFAULT_MAX_ATTEMPTS) - 1,
    retryDelay,
    // pg-boss waits at least a second between retries when backing off.
    retryBackoff: retryDelay > 0,
    expireInSeconds: options.expireInSeconds?.[name] ?? DEFAULT_EXPIRY[name],
    ...(send.singletonKey === undefined ? {} : { singletonKey: send.singletonKey }),
  })

  /**
   * pg-boss's own singleton policies allow one queued beside one active job; ours returns the
   * live job whichever state it is in, so the check and the insert run under a lock on the key.
   */
  const sendSingleton = async (name: JobName, data: JobData, send: SendOptions, key: string) => {
    const client = await pool.connect()
    try {
      await client.query('begin')
      await client.query('select pg_advisory_xact_lock(hashtext($1))', [
        `medcyber-job:${schema}:${name}:${key}`,
      ])
      const live = await client.query<{ id: string }>(
        `select id from "${schema}".job where name = $1 and singleton_key = $2 and state < 'completed' limit 1`,
        [name, key],
      )
      const id =
        live.rows[0]?.id ??
        (await boss.send(name, data, { ...sendOptions(name, send), db: executeSql(client) }))
      await client.query('commit')
      return id
    } catch (error) {
      await client.query('rollback')
      throw error
    } finally {
      client.release()
    }
  }

  let stopped: Promise<void> | undefined
  return {
    send: async (name, data, send = {}) => {
      const id =
        send.singletonKey === undefined
          ? await boss.send(name, data, sendOptions(name, send))
          : await sendSingleton(name, data, send, send.singletonKey)
      if (id === null) throw new Error(`pg-boss did not queue ${name}`)
      runner.poke(name)
      return id
    },
    get: async (id) => {
      if (!UUID.test(id)) return undefined
      for (const name of JOB_NAMES) {
        const job = await boss.getJobById<JobData>(name, id, { includeArchive: true })
        if (job !== null && isJobName(job.name)) return statusOf(job, job.name)
      }
      return undefined
    },
    work: (name, handler) => {
      runner.register(name, handler)
      return Promise.resolve()
    },
    stop: () => {
      stopped ??= (async () => {
        await runner.stop()
        await boss.stop({ graceful: false, close: false })
        await pool.end()
      })()
      return stopped
    },
  }
}
