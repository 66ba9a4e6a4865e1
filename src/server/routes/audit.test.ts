import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { storeDialects } from '../../../test/support/store-dialects.js'
import {
  openTestServer,
  type TestServer,
  type TestUser,
} from '../../../test/support/test-server.js'
import { importModel, recordApproval, recordAuditEvent } from '../../store/index.js'

interface EventItem {
  seq: number
  at: string
  actor: string
  action: string
  subject: string
  before: unknown
  after: unknown
  reason: string | null
}
interface EventPage {
  items: EventItem[]
  total: number
  limit: number
  offset: number
}

/** A clock that moves one minute per reading, so each event has its own time. */
const ticking = () => {
  let minute = 0
  return () => new Date(Date.UTC(2026, 10, 28, 9, minute++))
}

describe.each(storeDialects)('the audit trail API on $name', (dialect) => {
  let server: TestServer
  let auditor: TestUser
  const get = async (url: string, user: TestUser = auditor) => {
    const response = await server.app.inject({ method: 'GET', url, headers: user.headers })
    return { status: response.statusCode, body: response.json<EventPage>() }
  }
  const verify = async () => {
    const response = await server.app.inject({
      method: 'GET',
      url: '/api/audit/verify',
      headers: auditor.headers,
    })
    return response.json<Record<string, unknown>>()
  }

  beforeAll(async () => {
    server = await openTestServer(dialect, { now: ticking() })
    const { store } = server
    // Three products whose ids share a prefix: the trail of one must not show the others.
    for (const id of ['pump', 'pump-2', 'monitor']) {
      const imported = await importModel(
        store,
        id,
        [{ path: 'medcyber.yaml', text: `# ${id}\n` }],
        {
          expectedRevision: 0,
          actor: 'sam',
          reason: `import ${id}`,
        },
      )
      expect(imported.ok).toBe(true)
    }
    const signed = await recordApproval(store, {
      productId: 'pump',
      subject: 'risk-register',
      release: undefined,
      meaning: 'reviewed',
      signer: { id: 'u-1', username: 'dana', displayName: 'Dana Reviewer' },
      reason: 'register reviewed',
      modelRevision: 1,
      contentHash: 'd'.repeat(64),
    })
    expect(signed.ok).toBe(true)
    await recordAuditEvent(store, {
      actor: 'sam',
      action: 'document.generate',
      subject: 'product:pump/document:mds2',
      before: null,
      after: { files: [] },
      reason: null,
    })
    await recordAuditEvent(store, {
      actor: 'admin',
      action: 'user.create',
      subject: 'user:u-1',
      before: null,
      after: { username: 'dana' },
      reason: 'new reviewer',
    })
    auditor = await server.userWith([{ productId: '*', role: 'auditor' }])
  })
  afterAll(async () => {
    await server.dispose()
  })

  it("shows a product's events only, newest first, with who, when, what and why", async () => {
    const { status, body } = await get('/api/products/pump/audit')
    expect(status).toBe(200)
    expect(body.items.map((event) => event.action)).toEqual([
      'document.generate',
      'approval.sign',
      'model.import',
    ])
    expect(body.total).toBe(3)
    const signature = body.items[1]
    expect(signature).toMatchObject({
      actor: 'dana',
      subject: 'product:pump',
      reason: 'register reviewed',
      before: null,
      after: { meaning: 'reviewed', signer: { displayName: 'Dana Reviewer' }, modelRevision: 1 },
    })
    expect(signature?.at).toBe('2026-11-28T09:03:00.000Z')
    const other = await get('/api/products/pump-2/audit')
    expect(other.body.items.map((event) => event.subject)).toEqual(['product:pump-2'])
  })

  it('needs audit:read: a viewer of the product may not read its trail', async () => {
    const viewer = await server.userWith([{ productId: 'pump', role: 'viewer' }])
    expect((await get('/api/products/pump/audit', viewer)).status).toBe(403)
    const productAuditor = await server.userWith([{ productId: 'pump', role: 'auditor' }])
    expect((await get('/api/products/pump/audit', productAuditor)).status).toBe(200)
    // The whole trail needs the role on every product.
    expect((await get('/api/audit', productAuditor)).status).toBe(403)
  })

  it('filters the whole trail by actor, action and time, a page at a time', async () => {
    const all = await get('/api/audit')
    expect(all.body.total).toBe(6)
    expect(all.body.items.map((event) => event.seq)).toEqual([6, 5, 4, 3, 2, 1])
    const bySam = await get('/api/audit?actor=sam')
    expect(bySam.body.items.map((event) => event.action)).toEqual([
      'document.generate',
      'model.import',
      'model.import',
      'model.import',
    ])
    const imports = await get('/api/audit?action=model.import&limit=2&offset=1')
    expect(imports.body).toMatchObject({ total: 3, limit: 2, offset: 1 })
    expect(imports.body.items.map((event) => event.subject)).toEqual([
      'product:pump-2',
      'product:pump',
    ])
    const window = await get('/api/audit?since=2026-11-28T09:01:00Z&until=2026-11-28T09:03:00.000Z')
    expect(window.body.items.map((event) => event.seq)).toEqual([3, 2])
    const older = await get('/api/audit?before=3')
    expect(older.body.items.map((event) => event.seq)).toEqual([2, 1])
    expect((await get('/api/audit?since=yesterday')).status).toBe(400)
  })

  it('verifies the chain and names the first event that does not check', async () => {
    const intact = await verify()
    expect(intact).toMatchObject({ ok: true, count: 6 })
    expect(intact['head']).toMatch(/^[0-9a-f]{64}$/)
    await sql`update audit_events set reason = ${'nothing to see'} where seq = 4`.execute(
      server.store.db,
    )
    expect(await verify()).toMatchObject({ ok: false, seq: 4, problem: 'edited' })
  })
})
