import { randomBytes } from 'node:crypto'
import path from 'node:path'

import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { requirePostgres, storeDialects } from '../../test/support/store-dialects.js'
import { tempDir } from '../../test/support/temp-dir.js'
import { openStore, type OpenStoreOptions, type Store } from '../store/index.js'
import type { JobQueue, JobStatus } from './job-queue.js'
import type { JobOutcome } from './job-runner.js'
import { openPgBossJobQueue } from './pg-boss-job-queue.js'
import { createSqliteJobQueue } from './sqlite-job-queue.js'

/** One database, and a way to open another queue on it: another server or worker process. */
interface QueueDatabase {
  readonly open: (onJobEnd?: (outcome: JobOutcome) => void) => Promise<JobQueue>
  readonly dispose: () => Promise<void>
}

interface QueueKind {
  readonly name: string
  readonly create: () => Promise<QueueDatabase>
}

const postgres = storeDialects.find((dialect) => dialect.name === 'postgres')
const POSTGRES_URL =
  process.env['MEDCYBER_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test'

/** Each queue on its own store connection, as two processes would have. */
const tableQueues = (shared: OpenStoreOptions, dispose: () => Promise<void>): QueueDatabase => {
  const stores: Store[] = []
  return {
    open: async (onJobEnd) => {
      const store = await openStore(shared)
      stores.push(store)
      return createSqliteJobQueue(store, {
        pollIntervalMs: 20,
        retryDelayMs: 10,
        concurrency: 2,
        ...(onJobEnd === undefined ? {} : { onJobEnd }),
      })
    },
    dispose: async () => {
      for (const store of stores) await store.close()
      await dispose()
    },
  }
}

const KINDS: readonly QueueKind[] = [
  {
    name: 'jobs table on a SQLite file',
    create: () => {
      const file = path.join(tempDir('job-queue'), 'medcyber.db')
      return Promise.resolve(tableQueues({ url: `sqlite:${file}` }, () => Promise.resolve()))
    },
  },
  {
    name: 'jobs table on PostgreSQL',
    create: async () => {
      if (postgres === undefined) throw new Error('no PostgreSQL dialect')
      const opened = await postgres.open()
      if (opened.shared === undefined) throw new Error('PostgreSQL store without a URL')
      return tableQueues(opened.shared, opened.dispose)
    },
  },
  {
    name: 'pg-boss on PostgreSQL',
    create: () => {
      requirePostgres()
      // A schema of its own per test, dropped afterwards, so runs never see each other's jobs.
      const schema = `pgboss_${String(process.pid)}_${randomBytes(4).toString('hex')}`
      return Promise.resolve({
        open: (onJobEnd) =>
          openPgBossJobQueue({
            connectionString: POSTGRES_URL,
            schema,
            pollIntervalMs: 50,
            retryDelaySeconds: 0,
            concurrency: 2,
            ...(onJobEnd === undefined ? {} : { onJobEnd }),
          }),
        dispose: async () => {
          const client = new pg.Client({ connectionString: POSTGRES_URL })
          await client.connect()
          try {
            await client.query(`drop schema if exists ${schema} cascade`)
          } finally {
            await client.end()
          }
        },
      })
    },
  },
]

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const waitFor = async (
  queue: JobQueue,
  id: string,
  done: (status: JobStatus) => boolean,
  timeoutMs = 20_000,
): Promise<JobStatus> => {
  const until = Date.now() + timeoutMs
  for (;;) {
    const status = await queue.get(id)
    if (status !== undefined && done(status)) return status
    if (Date.now() > until) throw new Error(`job ${id} is still ${status?.state ?? 'missing'}`)
    await sleep(20)
  }
}

/** A promise and the function that settles it, for a handler a test holds up. */
const deferred = () => {
  let settle: () => void = () => undefined
  const promise = new Promise<void>((resolve) => {
    settle = resolve
  })
  return {
    promise,
    resolve: () => {
      settle()
    },
  }
}

const finished = (status: JobStatus) => status.state === 'completed' || status.state === 'failed'

describe.each(KINDS)('job queue: $name', (kind) => {
  let database: QueueDatabase
  let opened: JobQueue[]
  const open = async (onJobEnd?: (outcome: JobOutcome) => void) => {
    const queue = await database.open(onJobEnd)
    opened.push(queue)
    return queue
  }

  beforeEach(async () => {
    database = await kind.create()
    opened = []
  })
  afterEach(async () => {
    for (const queue of opened) await queue.stop()
    await database.dispose()
  })

  it('keeps a job queued until a worker takes it, then get() returns its output', async () => {
    const server = await open()
    const id = await server.send('portfolio-evaluate', { productId: 'pump', n: 21 })
    expect(await server.get(id)).toMatchObject({
      id,
      name: 'portfolio-evaluate',
      state: 'queued',
      data: { productId: 'pump', n: 21 },
      startedAt: null,
      output: null,
      error: null,
    })
    const worker = await open()
    await worker.work('portfolio-evaluate', (data, { jobId }) =>
      Promise.resolve({ jobId, doubled: Number(data['n']) * 2 }),
    )
    const status = await waitFor(server, id, finished)
    expect(status).toMatchObject({
      state: 'completed',
      output: { jobId: id, doubled: 42 },
      error: null,
    })
    expect(status.startedAt).not.toBeNull()
    expect(status.completedAt).not.toBeNull()
    expect(await server.get('00000000-0000-4000-8000-000000000000')).toBeUndefined()
    expect(await server.get('not-a-job')).toBeUndefined()
  })

  it('retries a failing handler and then fails the job with the last error message', async () => {
    const outcomes: JobOutcome[] = []
    const queue = await open((outcome) => outcomes.push(outcome))
    let calls = 0
    await queue.work('feeds-sync', () => {
      calls += 1
      return Promise.reject(new Error(`feed unreachable (attempt ${String(calls)})`))
    })
    const id = await queue.send('feeds-sync', {}, { maxAttempts: 3 })
    const status = await waitFor(queue, id, finished)
    expect(status).toMatchObject({
      state: 'failed',
      output: null,
      error: 'feed unreachable (attempt 3)',
    })
    expect(calls).toBe(3)
    expect(outcomes.map((outcome) => [outcome.outcome, outcome.attempt])).toEqual([
      ['retrying', 1],
      ['retrying', 2],
      ['failed', 3],
    ])
  })

  it('returns the live job for a singleton key, and queues anew once it is done', async () => {
    const queue = await open()
    const first = await queue.send('feeds-sync', { round: 1 }, { singletonKey: 'feeds' })
    const racing = await Promise.all(
      Array.from({ length: 5 }, () =>
        queue.send('feeds-sync', { round: 2 }, { singletonKey: 'feeds' }),
      ),
    )
    expect(racing).toEqual(racing.map(() => first))
    const other = await queue.send('feeds-sync', {}, { singletonKey: 'other' })
    expect(other).not.toBe(first)
    const unkeyed = await queue.send('feeds-sync', {})
    expect(unkeyed).not.toBe(first)

    const gate = deferred()
    await queue.work('feeds-sync', () => gate.promise)
    await waitFor(queue, first, (status) => status.state === 'active')
    expect(await queue.send('feeds-sync', {}, { singletonKey: 'feeds' })).toBe(first)
    gate.resolve()
    expect((await waitFor(queue, first, finished)).state).toBe('completed')
    const next = await queue.send('feeds-sync', {}, { singletonKey: 'feeds' })
    expect(next).not.toBe(first)
  })

  it('two servers on one database run each of 50 jobs exactly once', async () => {
    const [one, two] = [await open(), await open()]
    const runs = new Map<string, string[]>()
    const handler = (server: string) => async (_data: unknown, context: { jobId: string }) => {
      runs.set(context.jobId, [...(runs.get(context.jobId) ?? []), server])
      await sleep(Math.floor(Math.random() * 10))
      return server
    }
    const ids = await Promise.all(
      Array.from({ length: 50 }, (_, n) =>
        (n % 2 === 0 ? one : two).send('portfolio-evaluate', { n }),
      ),
    )
    expect(new Set(ids).size).toBe(50)
    await one.work('portfolio-evaluate', handler('one'))
    await two.work('portfolio-evaluate', handler('two'))
    const statuses = await Promise.all(ids.map((id) => waitFor(one, id, finished, 60_000)))
    expect(statuses.every((status) => status.state === 'completed')).toBe(true)
    expect([...runs.keys()].sort()).toEqual([...ids].sort())
    for (const [id, servers] of runs) {
      expect(servers, id).toHaveLength(1)
      expect(statuses.find((status) => status.id === id)?.output).toBe(servers[0])
    }
  }, 90_000)

  it('stop() waits for the job running on this process', async () => {
    const observer = await open()
    const worker = await open()
    const running = deferred()
    const gate = deferred()
    await worker.work('documents-generate', async () => {
      running.resolve()
      await gate.promise
      return 'written'
    })
    const id = await worker.send('documents-generate', {})
    await running.promise
    let stopped = false
    const stopping = worker.stop().then(() => {
      stopped = true
    })
    await sleep(300)
    expect(stopped).toBe(false)
    expect((await observer.get(id))?.state).toBe('active')
    gate.resolve()
    await stopping
    expect(await observer.get(id)).toMatchObject({ state: 'completed', output: 'written' })
  })
})
