import { createHash, randomUUID } from 'node:crypto'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { EXAMPLES_DIR, readFolder } from '../../../test/support/model-folders.js'
import { storeDialects } from '../../../test/support/store-dialects.js'
import {
  openTestServer,
  type TestServer,
  type TestUser,
} from '../../../test/support/test-server.js'
import type { JobHandler, JobName, JobQueue, JobStatus } from '../../jobs/index.js'
import { documentsGenerateHandler } from '../../services/index.js'
import { importModel } from '../../store/index.js'
import { attachmentDisposition } from './documents.js'

const PRODUCT = 'insulin-pump'

/** A queue that runs each job as it is sent, so a test sees its outcome at once. */
const inlineJobQueue = (): JobQueue => {
  const handlers = new Map<JobName, JobHandler>()
  const statuses = new Map<string, JobStatus>()
  return {
    work: (name, handler) => {
      handlers.set(name, handler)
      return Promise.resolve()
    },
    send: async (name, data) => {
      const handler = handlers.get(name)
      if (handler === undefined) throw new Error(`no handler for ${name}`)
      const id = randomUUID()
      const base = {
        id,
        name,
        data,
        createdAt: '',
        startedAt: '',
        completedAt: '',
      }
      try {
        const output = await handler(data, { jobId: id })
        statuses.set(id, { ...base, state: 'completed', output, error: null })
      } catch (error) {
        statuses.set(id, { ...base, state: 'failed', output: null, error: String(error) })
      }
      return id
    },
    get: (id) => Promise.resolve(statuses.get(id)),
    stop: () => Promise.resolve(),
  }
}

interface DocumentItem {
  id: string
  kind: string
  name: string
  mediaType: string
  sha256: string
  size: number
  modelRevision: number
  createdBy: string
}

describe.each(storeDialects)('generated documents over the API on $name', (dialect) => {
  let server: TestServer
  let jobs: JobQueue
  let engineer: TestUser

  beforeAll(async () => {
    jobs = inlineJobQueue()
    server = await openTestServer(dialect, { jobs })
    await jobs.work('documents-generate', documentsGenerateHandler({ store: server.store }))
    const files = [...readFolder(path.join(EXAMPLES_DIR, PRODUCT))].map(([file, text]) => ({
      path: file,
      text,
    }))
    const imported = await importModel(server.store, PRODUCT, files, {
      expectedRevision: 0,
      actor: 'sam',
      reason: null,
    })
    expect(imported.ok).toBe(true)
    engineer = await server.userWith([{ productId: PRODUCT, role: 'security-engineer' }])
  })
  afterAll(async () => {
    await server.dispose()
  })

  const generate = (user: TestUser, payload: Record<string, unknown>) =>
    server.app.inject({
      method: 'POST',
      url: `/api/products/${PRODUCT}/documents`,
      headers: user.headers,
      payload,
    })

  it('queues a generation, lists the files and serves their bytes', async () => {
    const queued = await generate(engineer, {
      kind: 'labeling',
      formats: ['md', 'html'],
      language: 'ja',
    })
    expect(queued.statusCode, queued.body).toBe(202)
    const { jobId } = queued.json<{ jobId: string }>()
    const job = await jobs.get(jobId)
    expect(job?.state, job?.error ?? '').toBe('completed')
    expect(job?.data).toMatchObject({ kind: 'labeling', requestedBy: engineer.username })

    const listed = await server.app.inject({
      method: 'GET',
      url: `/api/products/${PRODUCT}/documents?kind=labeling`,
      headers: engineer.headers,
    })
    expect(listed.statusCode).toBe(200)
    const page = listed.json<{ items: DocumentItem[]; total: number }>()
    expect(page.total).toBe(2)
    expect(page.items.map((item) => item.name).sort()).toEqual([
      'labeling-security.ja.html',
      'labeling-security.ja.md',
    ])
    expect(listed.body).not.toContain('"content"')
    for (const item of page.items) {
      expect(item).toMatchObject({ modelRevision: 1, createdBy: engineer.username })
    }

    const md = page.items.find((item) => item.name.endsWith('.md'))
    const download = await server.app.inject({
      method: 'GET',
      url: `/api/products/${PRODUCT}/documents/${md?.id ?? ''}`,
      headers: engineer.headers,
    })
    expect(download.statusCode).toBe(200)
    expect(download.headers['content-type']).toBe('text/markdown; charset=utf-8')
    expect(download.headers['content-disposition']).toBe(
      'attachment; filename="labeling-security.ja.md"',
    )
    expect(createHash('sha256').update(download.rawPayload).digest('hex')).toBe(md?.sha256)
    expect(download.rawPayload.byteLength).toBe(md?.size)
    // A Japanese document ends with its signatures section, in Japanese.
    expect(download.body).toContain('電子署名')
  })

  it('answers 404 for a file of another product or none at all', async () => {
    const other = await server.userWith([{ productId: 'other', role: 'viewer' }])
    const listed = await server.app.inject({
      method: 'GET',
      url: `/api/products/${PRODUCT}/documents`,
      headers: engineer.headers,
    })
    const [first] = listed.json<{ items: DocumentItem[] }>().items
    const elsewhere = await server.app.inject({
      method: 'GET',
      url: `/api/products/other/documents/${first?.id ?? ''}`,
      headers: other.headers,
    })
    expect(elsewhere.statusCode).toBe(404)
    const none = await server.app.inject({
      method: 'GET',
      url: `/api/products/${PRODUCT}/documents/${randomUUID()}`,
      headers: engineer.headers,
    })
    expect(none.statusCode).toBe(404)
  })

  it('needs document:generate, and refuses unknown releases and kinds before queueing', async () => {
    const viewer = await server.userWith([{ productId: PRODUCT, role: 'viewer' }])
    expect((await generate(viewer, { kind: 'sbom' })).statusCode).toBe(403)
    const release = await generate(engineer, { kind: 'sbom', release: '99.0' })
    expect(release.statusCode).toBe(400)
    expect(release.json()).toMatchObject({ error: { code: 'unknown-release' } })
    expect((await generate(engineer, { kind: 'everything' })).statusCode).toBe(400)
    expect((await generate(engineer, { kind: 'sbom', formats: ['txt'] })).statusCode).toBe(400)
  })
})

describe('attachmentDisposition', () => {
  it('quotes a plain ASCII name as it is', () => {
    expect(attachmentDisposition('mds2.xlsx')).toBe('attachment; filename="mds2.xlsx"')
    expect(attachmentDisposition('a "b".md')).toBe('attachment; filename="a \\"b\\".md"')
  })

  it('adds filename* (RFC 8187) for a non-ASCII name, with an ASCII stand-in', () => {
    expect(attachmentDisposition('添付文書.docx')).toBe(
      'attachment; filename="____.docx"; filename*=UTF-8\'\'%E6%B7%BB%E4%BB%98%E6%96%87%E6%9B%B8.docx',
    )
    expect(attachmentDisposition("l'étiquette (1).md")).toBe(
      "attachment; filename=\"l'_tiquette (1).md\"; filename*=UTF-8''l%27%C3%A9tiquette%20%281%29.md",
    )
  })
})
