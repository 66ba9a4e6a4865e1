import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { storeDialects } from '../../../test/support/store-dialects.js'
import { openTestServer, type TestServer } from '../../../test/support/test-server.js'
import { createSqliteJobQueue, type JobQueue } from '../../jobs/index.js'
import { importModel } from '../../store/index.js'

/** The API server's queue, made on the test server's store once that exists (no workers). */
const queueOnServerStore = () => {
  let queue: JobQueue | undefined
  const current = (): JobQueue => {
    if (queue === undefined) throw new Error('the queue is not attached yet')
    return queue
  }
  const jobs: JobQueue = {
    send: (name, data, options) => current().send(name, data, options),
    get: (id) => current().get(id),
    work: (name, handler) => current().work(name, handler),
    stop: () => queue?.stop() ?? Promise.resolve(),
  }
  return {
    jobs,
    attach: (server: TestServer) => {
      queue = createSqliteJobQueue(server.store)
    },
  }
}

describe.each(storeDialects)('job routes on $name', (dialect) => {
  describe('routes', () => {
    let server: TestServer
    let jobs: JobQueue
    const by = { actor: 'alice', reason: null, expectedRevision: 0 }

    beforeAll(async () => {
      const queue = queueOnServerStore()
      jobs = queue.jobs
      server = await openTestServer(dialect, { jobs })
      queue.attach(server)
      for (const id of ['pump', 'monitor']) {
        const imported = await importModel(
          server.store,
          id,
          [{ path: 'medcyber.yaml', text: `product: ${id}\n` }],
          by,
        )
        if (!imported.ok) throw new Error(imported.error.message)
      }
    })
    afterAll(async () => {
      await server.dispose()
    })

    const post = (url: string, headers: { authorization: string }) =>
      server.app.inject({ method: 'POST', url, headers })
    const status = async (jobId: string, headers: { authorization: string }) =>
      server.app.inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers })

    it('queues one feed sync at a time for whoever may run jobs on every product', async () => {
      const engineer = await server.userWith([{ productId: '*', role: 'security-engineer' }])
      const first = await post('/api/jobs/feeds-sync', engineer.headers)
      expect(first.statusCode).toBe(202)
      const { jobId } = first.json<{ jobId: string }>()
      const again = await post('/api/jobs/feeds-sync', engineer.headers)
      expect(again.json()).toEqual({ jobId })

      const reader = await server.userWith([{ productId: 'pump', role: 'viewer' }])
      const shown = await status(jobId, reader.headers)
      expect(shown.statusCode).toBe(200)
      expect(shown.json()).toMatchObject({
        id: jobId,
        name: 'feeds-sync',
        state: 'queued',
        data: { requestedBy: engineer.username },
        startedAt: null,
        completedAt: null,
        output: null,
        error: null,
      })
    })

    it('refuses a viewer (403), and a security engineer of one product the feed sync', async () => {
      const viewer = await server.userWith([{ productId: '*', role: 'viewer' }])
      expect((await post('/api/jobs/feeds-sync', viewer.headers)).statusCode).toBe(403)
      expect((await post('/api/products/pump/evaluate', viewer.headers)).statusCode).toBe(403)
      const scoped = await server.userWith([{ productId: 'pump', role: 'security-engineer' }])
      const refused = await post('/api/jobs/feeds-sync', scoped.headers)
      expect(refused.statusCode).toBe(403)
      expect(refused.json()).toMatchObject({ error: { code: 'forbidden' } })
    })

    it('queues the evaluation of one product, shown only to those who may read it', async () => {
      const engineer = await server.userWith([{ productId: 'pump', role: 'security-engineer' }])
      const queued = await post('/api/products/pump/evaluate', engineer.headers)
      expect(queued.statusCode).toBe(202)
      const { jobId } = queued.json<{ jobId: string }>()
      expect((await status(jobId, engineer.headers)).json()).toMatchObject({
        name: 'portfolio-evaluate',
        state: 'queued',
        data: { productId: 'pump', requestedBy: engineer.username },
      })
      const other = await server.userWith([{ productId: 'monitor', role: 'viewer' }])
      const hidden = await status(jobId, other.headers)
      expect(hidden.statusCode).toBe(404)
      expect(hidden.json()).toMatchObject({ error: { code: 'not-found' } })
    })

    it('answers 404 for a product or a job that does not exist', async () => {
      const admin = await server.userWith([{ productId: '*', role: 'admin' }])
      const missing = await post('/api/products/no-such-device/evaluate', admin.headers)
      expect(missing.statusCode).toBe(404)
      expect(missing.json()).toMatchObject({ error: { code: 'not-found' } })
      expect((await status('00000000-0000-4000-8000-000000000000', admin.headers)).statusCode).toBe(
        404,
      )
    })

    it("shows a finished job's output and a failed job's error", async () => {
      const engineer = await server.userWith([{ productId: '*', role: 'security-engineer' }])
      await jobs.work('portfolio-evaluate', (data) =>
        data['productId'] === 'monitor'
          ? Promise.reject(new Error('the stored model of monitor does not load'))
          : Promise.resolve({ products: 1, findings: 3, skipped: [] }),
      )
      const done = (await post('/api/products/pump/evaluate', engineer.headers)).json<{
        jobId: string
      }>()
      const failing = await jobs.send(
        'portfolio-evaluate',
        { productId: 'monitor' },
        { maxAttempts: 1 },
      )
      const settled = async (jobId: string) => {
        for (;;) {
          const body = (await status(jobId, engineer.headers)).json<{ state: string }>()
          if (body.state === 'completed' || body.state === 'failed') return body
          await new Promise((resolve) => setTimeout(resolve, 20))
        }
      }
      expect(await settled(done.jobId)).toMatchObject({
        state: 'completed',
        output: { products: 1, findings: 3, skipped: [] },
        error: null,
      })
      expect(await settled(failing)).toMatchObject({
        state: 'failed',
        output: null,
        error: 'the stored model of monitor does not load',
      })
    })

    it('needs a signed-in user to read a job', async () => {
      const response = await server.app.inject({ method: 'GET', url: '/api/jobs/anything' })
      expect(response.statusCode).toBe(401)
    })

    it('describes the routes in the OpenAPI document', async () => {
      const response = await server.app.inject({ method: 'GET', url: '/api/docs/json' })
      const paths = response.json<{ paths: Record<string, Record<string, { tags?: string[] }>> }>()
        .paths
      for (const [route, method] of [
        ['/api/jobs/feeds-sync', 'post'],
        ['/api/products/{productId}/evaluate', 'post'],
        ['/api/jobs/{jobId}', 'get'],
      ] as const) {
        expect(paths[route]?.[method]?.tags, route).toEqual(['jobs'])
      }
    })
  })
})
