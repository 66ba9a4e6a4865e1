import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { supportStatusOn } from '../../core/index.js'
import { loadModelFromFiles, readModelFolder } from '../../services/index.js'
import type { ModelFile } from '../../store/index.js'
import { storeDialects } from '../../../test/support/store-dialects.js'
import {
  openTestServer,
  type TestServer,
  type TestUser,
} from '../../../test/support/test-server.js'

const NOW = new Date('2026-11-29T09:30:00Z')
const TODAY = '2026-11-29'

const byPath = (a: ModelFile, b: ModelFile) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)

describe.each(storeDialects)('products and the model as code on $name', (dialect) => {
  let server: TestServer
  let admin: TestUser
  let pumpFiles: ModelFile[]
  let monitorFiles: ModelFile[]

  const call = (
    user: TestUser,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    options: { payload?: object; headers?: Record<string, string> } = {},
  ) =>
    server.app.inject({
      method,
      url,
      headers: { ...user.headers, ...options.headers },
      ...(options.payload === undefined ? {} : { payload: options.payload }),
    })

  beforeAll(async () => {
    server = await openTestServer(dialect, { now: () => NOW })
    admin = await server.userWith([{ productId: '*', role: 'admin' }])
    pumpFiles = await readModelFolder('examples/insulin-pump')
    monitorFiles = await readModelFolder('examples/patient-monitor')
    for (const [id, files] of [
      ['pump', pumpFiles],
      ['monitor', monitorFiles],
    ] as const) {
      const created = await call(admin, 'POST', '/api/products', { payload: { id, files } })
      expect(created.statusCode, created.body).toBe(201)
      expect(created.headers.etag).toBe('"r1"')
    }
  })
  afterAll(async () => {
    await server.dispose()
  })

  test('a model imported through the API comes back byte for byte, under the model’s product name', async () => {
    const model = await call(admin, 'GET', '/api/products/pump/model')
    expect(model.statusCode).toBe(200)
    expect(model.headers.etag).toBe('"r1"')
    const body = model.json<{ revision: number; files: ModelFile[] }>()
    expect(body.revision).toBe(1)
    expect(body.files).toEqual([...pumpFiles].sort(byPath))
    const detail = await call(admin, 'GET', '/api/products/pump')
    const loaded = await loadModelFromFiles(pumpFiles)
    expect(detail.json()).toMatchObject({ id: 'pump', name: loaded.model?.product.name })
  })

  test('the product page gives each release its support phase on today, as the core computes it', async () => {
    const detail = await call(admin, 'GET', '/api/products/pump')
    expect(detail.statusCode).toBe(200)
    expect(detail.headers.etag).toBe('"r1"')
    const model = (await loadModelFromFiles(pumpFiles)).model
    if (model === undefined) throw new Error('the example is not valid')
    const body = detail.json<{
      date: string
      releases: { version: string; supportPhase: string }[]
      counts: { threats: number; openThreats: number; openFindings: number }
    }>()
    expect(body.date).toBe(TODAY)
    expect(body.releases.map((r) => [r.version, r.supportPhase])).toEqual(
      supportStatusOn(model, TODAY).map((status) => [status.version, status.phase]),
    )
    expect(body.counts.threats).toBeGreaterThan(0)
    expect(body.counts.openThreats).toBeLessThanOrEqual(body.counts.threats)
    expect(body.counts.openFindings).toBe(0)
  })

  test('a user sees only the products they hold a role on; a role on * sees all', async () => {
    const pumpOnly = await server.userWith([{ productId: 'pump', role: 'viewer' }])
    const listed = await call(pumpOnly, 'GET', '/api/products')
    expect(listed.statusCode).toBe(200)
    expect(listed.json()).toMatchObject({ total: 1, items: [{ id: 'pump', revision: 1 }] })
    expect((await call(pumpOnly, 'GET', '/api/products/monitor')).statusCode).toBe(403)
    expect((await call(pumpOnly, 'GET', '/api/products/monitor/model')).statusCode).toBe(403)

    const everything = await server.userWith([{ productId: '*', role: 'auditor' }])
    const all = await call(everything, 'GET', '/api/products')
    expect(all.json<{ items: { id: string }[] }>().items.map((p) => p.id)).toEqual([
      'monitor',
      'pump',
    ])
  })

  test('the list pages and searches names and ids without regard to case', async () => {
    const page = await call(admin, 'GET', '/api/products?limit=1&offset=1')
    expect(page.json()).toMatchObject({ total: 2, limit: 1, offset: 1, items: [{ id: 'pump' }] })
    const pumpName = (await loadModelFromFiles(pumpFiles)).model?.product.name ?? ''
    const word = pumpName.split(' ')[1]?.toUpperCase() ?? ''
    const found = await call(admin, 'GET', `/api/products?q=${encodeURIComponent(word)}`)
    expect(found.json()).toMatchObject({ total: 1, items: [{ id: 'pump', name: pumpName }] })
    const releases = found.json<{ items: { releases: { version: string }[] }[] }>().items[0]
    expect(releases?.releases.map((r) => r.version)).toEqual(['2.4.1', '3.1.0'])
    expect((await call(admin, 'GET', '/api/products?q=100%25')).json()).toMatchObject({ total: 0 })
    expect((await call(admin, 'GET', '/api/products?limit=501')).statusCode).toBe(400)
  })

  test('only an administrator adds products; an id in use is refused', async () => {
    const engineer = await server.userWith([{ productId: '*', role: 'security-engineer' }])
    const refused = await call(engineer, 'POST', '/api/products', {
      payload: { id: 'other', files: monitorFiles },
    })
    expect(refused.statusCode).toBe(403)
    const again = await call(admin, 'POST', '/api/products', {
      payload: { id: 'pump', files: monitorFiles },
    })
    expect(again.statusCode).toBe(409)
    expect(again.json()).toMatchObject({ error: { code: 'product-exists' } })
  })

  test('an invalid model is refused with file and line, and no product is created', async () => {
    const broken = monitorFiles.map((file) =>
      file.path === 'medcyber.yaml' ? { ...file, text: `${file.text}\nnotAField: true\n` } : file,
    )
    const lines = (broken.find((f) => f.path === 'medcyber.yaml')?.text ?? '').split('\n')
    const line = lines.indexOf('notAField: true') + 1
    const response = await call(admin, 'POST', '/api/products', {
      payload: { id: 'broken', files: broken },
    })
    expect(response.statusCode).toBe(422)
    const { error } = response.json<{ error: { code: string; details: { path: string }[] } }>()
    expect(error.code).toBe('invalid-model')
    expect(error.details.map((d) => d.path)).toContain(`medcyber.yaml:${String(line)}:1`)
    expect((await call(admin, 'GET', '/api/products/broken')).statusCode).toBe(404)
  })

  test('a reader who has the current revision gets 304 Not Modified', async () => {
    const fresh = await call(admin, 'GET', '/api/products/monitor/model', {
      headers: { 'if-none-match': '"r1"' },
    })
    expect(fresh.statusCode).toBe(304)
    expect(fresh.body).toBe('')
    const stale = await call(admin, 'GET', '/api/products/monitor/model', {
      headers: { 'if-none-match': '"r0"' },
    })
    expect(stale.statusCode).toBe(200)
  })

  describe('saving the model', () => {
    const changedRoot = (files: readonly ModelFile[], text: string): ModelFile[] =>
      files.map((file) => (file.path === 'medcyber.yaml' ? { ...file, text } : file))

    test('needs If-Match: 428 without it, and nothing is stored', async () => {
      const response = await call(admin, 'PUT', '/api/products/monitor/model', {
        payload: { files: monitorFiles },
      })
      expect(response.statusCode).toBe(428)
      expect(response.json()).toMatchObject({ error: { code: 'precondition-required' } })
      expect((await call(admin, 'GET', '/api/products/monitor/model')).headers.etag).toBe('"r1"')
    })

    test('an invalid model is refused with file and line, and the stored model is unchanged', async () => {
      const before = await call(admin, 'GET', '/api/products/monitor/model')
      // A misspelt section in an included file, in the middle of it.
      const broken = monitorFiles.map((file) =>
        file.path === 'security.yaml'
          ? { ...file, text: file.text.replace(/^controls:$/m, 'controlz:') }
          : file,
      )
      const text = broken.find((file) => file.path === 'security.yaml')?.text ?? ''
      const line = text.split('\n').indexOf('controlz:') + 1
      expect(line).toBeGreaterThan(1)
      const response = await call(admin, 'PUT', '/api/products/monitor/model', {
        payload: { files: broken },
        headers: { 'if-match': '"r1"' },
      })
      expect(response.statusCode).toBe(422)
      const details = response.json<{ error: { details: { path: string }[] } }>().error.details
      expect(details.map((d) => d.path)).toContain(`security.yaml:${String(line)}:1`)
      const after = await call(admin, 'GET', '/api/products/monitor/model')
      expect(after.headers.etag).toBe('"r1"')
      expect(after.body).toBe(before.body)
    })

    test('a valid change is stored as the next revision; a copy of the old one then gets 412', async () => {
      const root = monitorFiles.find((file) => file.path === 'medcyber.yaml')?.text ?? ''
      const edited = `${root}# reviewed at the design review\n`
      const saved = await call(admin, 'PUT', '/api/products/monitor/model', {
        payload: { files: changedRoot(monitorFiles, edited), reason: 'design review' },
        headers: { 'if-match': '"r1"' },
      })
      expect(saved.statusCode, saved.body).toBe(200)
      expect(saved.json()).toEqual({ revision: 2, changed: ['medcyber.yaml'] })
      expect(saved.headers.etag).toBe('"r2"')

      const late = await call(admin, 'PUT', '/api/products/monitor/model', {
        payload: { files: monitorFiles },
        headers: { 'if-match': '"r1"' },
      })
      expect(late.statusCode).toBe(412)
      expect(late.headers.etag).toBe('"r2"')
      expect(late.json()).toMatchObject({ error: { code: 'stale-revision' } })
      expect(late.json<{ error: { message: string } }>().error.message).toContain('revision 2')
      const stored = await call(admin, 'GET', '/api/products/monitor/model')
      expect(
        stored.json<{ files: ModelFile[] }>().files.find((f) => f.path === 'medcyber.yaml')?.text,
      ).toBe(edited)

      const audit = await server.store.db
        .selectFrom('audit_events')
        .select(['actor', 'reason', 'subject'])
        .where('action', '=', 'model.import')
        .where('subject', '=', 'product:monitor')
        .orderBy('seq')
        .execute()
      expect(audit.at(-1)).toEqual({
        actor: admin.username,
        reason: 'design review',
        subject: 'product:monitor',
      })
    })

    test('a file path that leaves the model folder is refused, and nothing is stored', async () => {
      const before = await call(admin, 'GET', '/api/products/monitor/model')
      const response = await call(admin, 'PUT', '/api/products/monitor/model', {
        payload: { files: [...monitorFiles, { path: '../outside.yaml', text: 'x: 1\n' }] },
        headers: { 'if-match': before.headers.etag ?? '' },
      })
      expect(response.statusCode).toBe(400)
      expect(response.json()).toMatchObject({ error: { code: 'invalid-files' } })
      const after = await call(admin, 'GET', '/api/products/monitor/model')
      expect(after.body).toBe(before.body)
    })

    test('a viewer cannot save the model', async () => {
      const viewer = await server.userWith([{ productId: 'monitor', role: 'viewer' }])
      const response = await call(viewer, 'PUT', '/api/products/monitor/model', {
        payload: { files: monitorFiles },
        headers: { 'if-match': '"r2"' },
      })
      expect(response.statusCode).toBe(403)
    })
  })
})
