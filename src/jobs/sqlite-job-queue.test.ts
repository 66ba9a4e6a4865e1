import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { storeDialects, type TestStore } from '../../test/support/store-dialects.js'
import type { JobQueue, JobStatus } from './job-queue.js'
import type { JobOutcome } from './job-runner.js'
import type { JobDatabase } from './job-table.js'
import { createSqliteJobQueue, type SqliteJobQueueOptions } from './sqlite-job-queue.js'

const T0 = Date.parse('2026-05-04T08:00:00.000Z')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const eventually = async <T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> => {
  const until = Date.now() + 10_000
  for (;;) {
    const value = await read()
    if (done(value)) return value
    if (Date.now() > until) throw new Error(`still ${JSON.stringify(value)}`)
    await sleep(10)
  }
}

describe.each(storeDialects)('jobs table queue on $name', (dialect) => {
  describe('leases and backoff', () => {
    let opened: TestStore
    let clock: number
    let database: JobDatabase
    let queues: JobQueue[]
    const queue = (options: SqliteJobQueueOptions = {}): JobQueue => {
      const created = createSqliteJobQueue(database, { pollIntervalMs: 10, ...options })
      queues.push(created)
      return created
    }
    const row = (id: string) =>
      opened.store.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow()

    beforeEach(async () => {
      opened = await dialect.open()
      clock = T0
      database = { db: opened.store.db, dialect: opened.store.dialect, now: () => new Date(clock) }
      queues = []
    })
    afterEach(async () => {
      for (const created of queues) await created.stop()
      await opened.dispose()
    })

    /** A job as a worker that was killed mid-run leaves it: active, its lease running out. */
    const abandoned = async (attempts: number, maxAttempts: number): Promise<string> => {
      const id = await queue().send('portfolio-evaluate', { productId: 'pump' }, { maxAttempts })
      await opened.store.db
        .updateTable('jobs')
        .set({
          state: 'active',
          attempts,
          started_at: new Date(T0).toISOString(),
          run_after: new Date(T0 + 60_000).toISOString(),
        })
        .where('id', '=', id)
        .execute()
      return id
    }

    it('takes a job left active by a stopped worker again once its lease ran out', async () => {
      const id = await abandoned(1, 3)
      let calls = 0
      const worker = queue()
      await worker.work('portfolio-evaluate', () => {
        calls += 1
        return Promise.resolve('evaluated')
      })
      await sleep(100)
      expect(calls).toBe(0)
      expect((await row(id)).state).toBe('active')
      clock = T0 + 60_000
      const status = await eventually(
        () => worker.get(id),
        (value) => value?.state === 'completed',
      )
      expect(status).toMatchObject({ output: 'evaluated' })
      expect(calls).toBe(1)
      expect((await row(id)).attempts).toBe(2)
    })

    it('fails an abandoned job that has no attempts left, saying why', async () => {
      const id = await abandoned(2, 2)
      let calls = 0
      const worker = queue()
      await worker.work('portfolio-evaluate', () => {
        calls += 1
        return Promise.resolve()
      })
      clock = T0 + 60_000
      const status = await eventually(
        () => worker.get(id),
        (value) => value?.state === 'failed',
      )
      expect(status?.error).toBe('the worker running this job stopped before it finished')
      expect(calls).toBe(0)
    })

    it('keeps renewing the lease of a job that runs longer than the lease', async () => {
      database = { ...database, now: () => new Date() }
      const runs: string[] = []
      const slow = (worker: string) => async () => {
        runs.push(worker)
        await sleep(1500)
        return worker
      }
      const first = queue({ leaseMs: 400 })
      await first.work('feeds-sync', slow('first'))
      const id = await first.send('feeds-sync', {})
      await eventually(
        () => first.get(id),
        (value) => value?.state === 'active',
      )
      const second = queue({ leaseMs: 400 })
      await second.work('feeds-sync', slow('second'))
      const status = await eventually(
        () => first.get(id),
        (value) => value?.state === 'completed',
      )
      expect(status?.output).toBe('first')
      expect(runs).toEqual(['first'])
    })

    it('waits the retry delay, doubled after each failed attempt', async () => {
      const outcomes: JobOutcome[] = []
      const worker = queue({ retryDelayMs: 1000, onJobEnd: (outcome) => outcomes.push(outcome) })
      await worker.work('feeds-sync', () => Promise.reject(new Error('NVD answered 503')))
      const id = await worker.send('feeds-sync', {}, { maxAttempts: 3 })
      const ended = (count: number) =>
        eventually(
          () => Promise.resolve(outcomes.length),
          (n) => n >= count,
        )

      await ended(1)
      expect(await row(id)).toMatchObject({
        state: 'queued',
        attempts: 1,
        output: 'NVD answered 503',
        run_after: new Date(T0 + 1000).toISOString(),
      })
      await sleep(80)
      expect(outcomes).toHaveLength(1)

      clock = T0 + 1000
      await ended(2)
      expect(await row(id)).toMatchObject({
        state: 'queued',
        attempts: 2,
        run_after: new Date(T0 + 1000 + 2000).toISOString(),
      })
      const waiting: JobStatus | undefined = await worker.get(id)
      expect(waiting).toMatchObject({ state: 'queued', error: 'NVD answered 503' })

      clock = T0 + 3000
      await ended(3)
      expect(await worker.get(id)).toMatchObject({ state: 'failed', error: 'NVD answered 503' })
      expect(outcomes.map((outcome) => outcome.outcome)).toEqual(['retrying', 'retrying', 'failed'])
    })
  })
})
