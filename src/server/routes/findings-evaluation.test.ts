import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { createSqliteJobQueue, type JobQueue } from '../../jobs/index.js'
import { readModelFolder, registerJobHandlers } from '../../services/index.js'
import { feedsSyncHandler } from '../../services/jobs/feeds-sync.js'
import type { ModelFile } from '../../store/index.js'
import { realMirror } from '../../../test/support/real-mirror.js'
import { storeDialects } from '../../../test/support/store-dialects.js'
import { tempDir } from '../../../test/support/temp-dir.js'
import {
  openTestServer,
  type TestServer,
  type TestUser,
} from '../../../test/support/test-server.js'

const NOW = new Date('2026-11-29T09:30:00Z')
/** A Pillow flaw the insulin pump's model triages as under investigation, with its risk. */
const PILLOW = 'CVE-2023-50447@pillow-9-5-0'

interface FindingJson {
  findingId: string
  release: string
  vexStatus: string
  assessments: Record<string, unknown>[]
}

interface Saved {
  revision: number
  changed: string[]
  evaluationJobId?: string
}

const idle: JobQueue = {
  send: () => Promise.resolve('not-queued'),
  get: () => Promise.resolve(undefined),
  work: () => Promise.resolve(),
  stop: () => Promise.resolve(),
}

let dataDir: string
beforeAll(async () => {
  dataDir = tempDir('findings-advisories')
  await feedsSyncHandler({
    queue: idle,
    dataDir,
    plan: { sources: ['osv', 'nvd', 'kev'], mirror: realMirror() },
  })({}, { jobId: 'findings-test' })
}, 120_000)

/** The queue the server sends to, made on the test server's store once that exists. */
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
      queue = createSqliteJobQueue(server.store, { pollIntervalMs: 20 })
    },
  }
}

const sqlite = storeDialects.filter((dialect) => dialect.name === 'sqlite')

describe.each(sqlite)(
  'saves re-evaluate the stored findings, run by the embedded queue on $name',
  (dialect) => {
    let server: TestServer
    let engineer: TestUser
    let jobs: JobQueue

    const call = (
      method: 'GET' | 'PUT' | 'PATCH' | 'POST',
      url: string,
      payload?: object,
      etag?: string,
    ) =>
      server.app.inject({
        method,
        url,
        headers: { ...engineer.headers, ...(etag === undefined ? {} : { 'if-match': etag }) },
        ...(payload === undefined ? {} : { payload }),
      })

    const pillowRows = async (): Promise<FindingJson[]> => {
      const response = await call('GET', '/api/products/pump/findings?q=pillow&limit=500')
      expect(response.statusCode, response.body).toBe(200)
      return response.json<{ items: FindingJson[] }>().items.filter((f) => f.findingId === PILLOW)
    }

    const model = async () => {
      const response = await call('GET', '/api/products/pump/model')
      return {
        etag: response.headers.etag ?? '',
        files: response.json<{ files: ModelFile[] }>().files,
      }
    }

    /** Waits for the job to finish, as a client polling GET /api/jobs/{id} would. */
    const settled = async (jobId: string) => {
      for (;;) {
        const body = (await call('GET', `/api/jobs/${jobId}`)).json<{
          name: string
          state: string
          data: Record<string, unknown>
          error: string | null
        }>()
        if (body.state === 'completed' || body.state === 'failed') return body
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    }

    const evaluated = async (saved: Saved) => {
      expect(saved.evaluationJobId).toEqual(expect.any(String))
      const job = await settled(saved.evaluationJobId ?? '')
      expect(job).toMatchObject({
        name: 'portfolio-evaluate',
        state: 'completed',
        data: { productId: 'pump', requestedBy: engineer.username },
        error: null,
      })
    }

    beforeAll(async () => {
      const queue = queueOnServerStore()
      jobs = queue.jobs
      server = await openTestServer(dialect, { now: () => NOW, dataDir, jobs })
      queue.attach(server)
      // As `medcyber serve` on SQLite: the server's own process runs the jobs.
      await registerJobHandlers(jobs, { store: server.store, dataDir })
      const admin = await server.userWith([{ productId: '*', role: 'admin' }])
      engineer = await server.userWith([{ productId: 'pump', role: 'security-engineer' }])
      const created = await server.app.inject({
        method: 'POST',
        url: '/api/products',
        headers: admin.headers,
        payload: { id: 'pump', files: await readModelFolder('examples/insulin-pump') },
      })
      expect(created.statusCode, created.body).toBe(201)
      const first = await call('POST', '/api/products/pump/evaluate')
      expect(first.statusCode, first.body).toBe(202)
      expect(await settled(first.json<{ jobId: string }>().jobId)).toMatchObject({
        state: 'completed',
      })
    }, 60_000)
    afterAll(async () => {
      await jobs.stop()
      await server.dispose()
    })

    test('findings carry the model entry; a triage keeping its other fields reaches the stored VEX status', async () => {
      const before = await pillowRows()
      expect(before.length).toBeGreaterThan(0)
      expect(before.map((f) => f.vexStatus)).toEqual(before.map(() => 'under_investigation'))
      const [entry] = before[0]?.assessments ?? []
      expect(before.every((f) => f.assessments.length === 1)).toBe(true)
      expect(entry).toMatchObject({
        finding: PILLOW,
        status: 'under_investigation',
        identified: '2024-01-22',
        risk: { after: { exploitability: 'very-low' } },
      })

      const { etag } = await model()
      // What a client keeps of the entry it read: everything but what the decision changes.
      const kept = Object.fromEntries(
        Object.entries(entry ?? {}).filter(
          ([key]) => !['finding', 'status', 'detail'].includes(key),
        ),
      )
      expect(Object.keys(kept)).toEqual(expect.arrayContaining(['risk', 'controls', 'identified']))
      const response = await call(
        'PUT',
        `/api/products/pump/findings/${encodeURIComponent(PILLOW)}/triage`,
        {
          ...kept,
          status: 'not_affected',
          justification: 'vulnerable_code_not_in_execute_path',
          detail: 'ReportLab never reaches ImageMath.eval; checked in review 14.',
          reason: 'ReportLab analysis finished',
        },
        etag,
      )
      expect(response.statusCode, response.body).toBe(200)
      await evaluated(response.json<Saved>())

      const after = await pillowRows()
      expect(after.map((f) => `${f.release} ${f.vexStatus}`)).toEqual(
        before.map((f) => `${f.release} not_affected`),
      )
      expect(after[0]?.assessments).toEqual([
        {
          ...kept,
          finding: PILLOW,
          status: 'not_affected',
          justification: 'vulnerable_code_not_in_execute_path',
          detail: 'ReportLab never reaches ImageMath.eval; checked in review 14.',
        },
      ])
      const filtered = await call(
        'GET',
        '/api/products/pump/findings?vexStatus=not_affected&q=pillow',
      )
      expect(filtered.json<{ items: FindingJson[] }>().items.map((f) => f.findingId)).toContain(
        PILLOW,
      )
    })

    test('a model PUT and an architecture PATCH queue the re-evaluation too', async () => {
      const { etag, files } = await model()
      const original = await readModelFolder('examples/insulin-pump')
      const security = original.find((file) => file.path === 'security.yaml')
      const put = await call(
        'PUT',
        '/api/products/pump/model',
        { files: files.map((file) => (file.path === 'security.yaml' ? (security ?? file) : file)) },
        etag,
      )
      expect(put.statusCode, put.body).toBe(200)
      await evaluated(put.json<Saved>())
      const reverted = await pillowRows()
      expect(reverted.length).toBeGreaterThan(0)
      expect(reverted.map((f) => f.vexStatus)).toEqual(reverted.map(() => 'under_investigation'))

      const patched = await call(
        'PATCH',
        '/api/products/pump/model',
        { edits: [], layout: { positions: { pump: { x: 10, y: 20 } } } },
        put.headers.etag,
      )
      expect(patched.statusCode, patched.body).toBe(200)
      await evaluated(patched.json<Saved>())
    })
  },
)

describe.each(storeDialects)('a save the queue refuses to follow up on $name', (dialect) => {
  let server: TestServer
  let engineer: TestUser

  beforeAll(async () => {
    // The test server's default queue refuses every job.
    server = await openTestServer(dialect, { now: () => NOW, dataDir })
    const admin = await server.userWith([{ productId: '*', role: 'admin' }])
    engineer = await server.userWith([{ productId: 'pump', role: 'security-engineer' }])
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/products',
      headers: admin.headers,
      payload: { id: 'pump', files: await readModelFolder('examples/insulin-pump') },
    })
    expect(created.statusCode, created.body).toBe(201)
  })
  afterAll(async () => {
    await server.dispose()
  })

  test('is stored all the same, answered without an evaluation job', async () => {
    const response = await server.app.inject({
      method: 'PUT',
      url: `/api/products/pump/findings/${encodeURIComponent(PILLOW)}/triage`,
      headers: { ...engineer.headers, 'if-match': '"r1"' },
      payload: { status: 'fixed', detail: 'Pillow 10.2 shipped.' },
    })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json()).toEqual({ revision: 2, changed: ['security.yaml'] })
    const stored = await server.app.inject({
      method: 'GET',
      url: '/api/products/pump/model',
      headers: engineer.headers,
    })
    expect(stored.headers.etag).toBe('"r2"')
  })
})
