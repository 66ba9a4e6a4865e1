import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { EXAMPLES_DIR, readFolder } from '../../../test/support/model-folders.js'
import { storeDialects } from '../../../test/support/store-dialects.js'
import { openTestServer, type TestServer } from '../../../test/support/test-server.js'
import { loadProductModel } from '../../services/index.js'
import {
  createUser,
  grantRole,
  importModel,
  listAuditEvents,
  verifyAuditChain,
  type ModelFile,
} from '../../store/index.js'
import { startSession } from '../auth/issue-credentials.js'
import { hashPassword } from '../auth/passwords.js'
import type { Role } from '../auth/roles.js'

const PRODUCT = 'insulin-pump'
const MODEL: ModelFile[] = [...readFolder(path.join(EXAMPLES_DIR, PRODUCT))].map(
  ([file, text]) => ({ path: file, text }),
)
const PASSWORD = 'correct horse battery staple'

const signBody = (overrides: Record<string, unknown> = {}) => ({
  subject: 'risk-register',
  reason: 'residual risk reviewed with the clinical team',
  password: PASSWORD,
  ...overrides,
})

describe.each(storeDialects)('electronic signatures on $name', (dialect) => {
  let server: TestServer
  let passwordHash: string
  let people = 0

  /** A person signed in through the browser: session cookie and CSRF header. */
  const signedIn = async (role: Role, displayName: string) => {
    people += 1
    const user = await createUser(server.store, {
      username: `signer${String(people)}`,
      displayName,
      passwordHash,
    })
    if (user === undefined) throw new Error('user exists')
    await grantRole(server.store, user.id, { productId: PRODUCT, role })
    const session = await startSession(server.store, user.id)
    return {
      user,
      headers: {
        cookie: `medcyber_session=${session.secret}`,
        'x-csrf-token': session.csrfToken,
      },
    }
  }

  const sign = (
    meaning: string,
    headers: Record<string, string>,
    body: Record<string, unknown> = signBody(),
  ) =>
    server.app.inject({
      method: 'POST',
      url: `/api/products/${PRODUCT}/approvals/${meaning}`,
      headers,
      payload: body,
    })

  beforeAll(async () => {
    server = await openTestServer(dialect)
    passwordHash = await hashPassword(PASSWORD)
    const imported = await importModel(server.store, PRODUCT, MODEL, {
      expectedRevision: 0,
      actor: 'sam',
      reason: null,
    })
    expect(imported.ok).toBe(true)
  })
  afterAll(async () => {
    await server.dispose()
  })

  it('signs exactly the revision reviewed, with its content hash, in the approval and the trail', async () => {
    const approver = await signedIn('approver', 'Ari Approver')
    const response = await sign('approved', { ...approver.headers, 'if-match': '"r1"' })
    expect(response.statusCode, response.body).toBe(201)
    const product = await loadProductModel(server.store, PRODUCT)
    const { approval, manifest } = response.json<{
      approval: Record<string, unknown>
      manifest: Record<string, unknown>
    }>()
    expect(approval).toMatchObject({
      subject: 'risk-register',
      meaning: 'approved',
      signer: { id: approver.user.id, name: 'Ari Approver' },
      modelRevision: 1,
      contentHash: product?.contentHash,
      reason: 'residual risk reviewed with the clinical team',
      superseded: false,
    })
    expect(manifest).toMatchObject({
      signer: { username: approver.user.username, displayName: 'Ari Approver' },
      meaning: 'approved',
      modelRevision: 1,
      contentHash: product?.contentHash,
    })
    expect(manifest['signedAt']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    const { events } = await listAuditEvents(server.store, {
      action: 'approval.sign',
      limit: 10,
      offset: 0,
    })
    const event = events.find((candidate) => candidate.seq === approval['auditSeq'])
    expect(event?.actor).toBe(approver.user.username)
    expect(event?.subject).toBe(`product:${PRODUCT}`)
    expect(JSON.parse(event?.after ?? 'null')).toEqual(manifest)
    expect(event?.reason).toBe('residual risk reviewed with the clinical team')
    expect(await verifyAuditChain(server.store)).toMatchObject({ ok: true })
  })

  it('takes no signature from an API token, whatever its roles', async () => {
    const robot = await server.userWith([{ productId: PRODUCT, role: 'approver' }])
    const response = await sign('approved', { ...robot.headers, 'if-match': '"r1"' })
    expect(response.statusCode).toBe(403)
    expect(response.json()).toMatchObject({ error: { code: 'signature-needs-session' } })
  })

  it('slows down repeated attempts by one person, not by their colleagues', async () => {
    const robot = await server.userWith([{ productId: PRODUCT, role: 'approver' }])
    const statuses: number[] = []
    for (let attempt = 0; attempt < 21; attempt += 1) {
      statuses.push((await sign('reviewed', { ...robot.headers, 'if-match': '"r1"' })).statusCode)
    }
    expect(statuses.slice(0, 20).every((status) => status === 403)).toBe(true)
    expect(statuses[20]).toBe(429)
    const colleague = await server.userWith([{ productId: PRODUCT, role: 'approver' }])
    expect((await sign('reviewed', { ...colleague.headers, 'if-match': '"r1"' })).statusCode).toBe(
      403,
    )
  })

  it('needs If-Match (428) and refuses a revision other than the current one (412)', async () => {
    const approver = await signedIn('approver', 'Ari Approver')
    const without = await sign('risk-accepted', approver.headers)
    expect(without.statusCode).toBe(428)
    const stale = await sign('risk-accepted', { ...approver.headers, 'if-match': '"r0"' })
    expect(stale.statusCode).toBe(412)
    expect(stale.headers['etag']).toBe('"r1"')
  })

  it('refuses a wrong password, signs nothing and records the failed attempt', async () => {
    const approver = await signedIn('approver', 'Mallory Guess')
    const before = await server.app.inject({
      method: 'GET',
      url: `/api/products/${PRODUCT}/approvals`,
      headers: approver.headers,
    })
    const response = await sign(
      'risk-accepted',
      { ...approver.headers, 'if-match': '"r1"' },
      signBody({ password: 'not my password at all' }),
    )
    expect(response.statusCode).toBe(401)
    expect(response.json()).toMatchObject({ error: { code: 'reauthentication-failed' } })
    const after = await server.app.inject({
      method: 'GET',
      url: `/api/products/${PRODUCT}/approvals`,
      headers: approver.headers,
    })
    expect(after.json<{ total: number }>().total).toBe(before.json<{ total: number }>().total)
    const { events } = await listAuditEvents(server.store, {
      action: 'approval.reauthentication-failed',
      actor: approver.user.username,
      limit: 10,
      offset: 0,
    })
    expect(events).toHaveLength(1)
    expect(JSON.parse(events[0]?.after ?? 'null')).toMatchObject({ meaning: 'risk-accepted' })
  })

  it('gives each meaning its own permission', async () => {
    const clinician = await signedIn('clinical-reviewer', 'Cleo Clinician')
    const headers = { ...clinician.headers, 'if-match': '"r1"' }
    expect((await sign('approved', headers)).statusCode).toBe(403)
    expect((await sign('risk-accepted', headers)).statusCode).toBe(403)
    const reviewed = await sign(
      'reviewed',
      headers,
      signBody({ subject: 'threat:legacy-bolus-replay' }),
    )
    expect(reviewed.statusCode, reviewed.body).toBe(201)
  })

  it('accepts only the subjects it knows, and releases the model has', async () => {
    const reviewer = await signedIn('security-engineer', 'Sec Engineer')
    const headers = { ...reviewer.headers, 'if-match': '"r1"' }
    const odd = await sign('reviewed', headers, signBody({ subject: 'everything' }))
    expect(odd.statusCode).toBe(400)
    const kind = await sign('reviewed', headers, signBody({ subject: 'document:novel' }))
    expect(kind.statusCode).toBe(400)
    const release = await sign('reviewed', headers, signBody({ subject: 'release:99.9.9' }))
    expect(release.statusCode).toBe(400)
    expect(release.json()).toMatchObject({ error: { code: 'unknown-release' } })
  })

  it('lists signatures newest first and shows those on an older revision as superseded', async () => {
    const approver = await signedIn('approver', 'Bea Later')
    const edited = MODEL.map((file) =>
      file.path === 'medcyber.yaml' ? { ...file, text: `${file.text}\n# revised\n` } : file,
    )
    expect(
      (
        await importModel(server.store, PRODUCT, edited, {
          expectedRevision: 1,
          actor: 'sam',
          reason: null,
        })
      ).ok,
    ).toBe(true)
    // The signature that was prepared on revision 1 is refused now: the model moved on.
    const late = await sign('approved', { ...approver.headers, 'if-match': '"r1"' })
    expect(late.statusCode).toBe(412)
    const current = await sign(
      'approved',
      { ...approver.headers, 'if-match': '"r2"' },
      signBody({ subject: 'document:fda-premarket', reason: 'submission set approved' }),
    )
    expect(current.statusCode, current.body).toBe(201)
    const listed = await server.app.inject({
      method: 'GET',
      url: `/api/products/${PRODUCT}/approvals?limit=50`,
      headers: approver.headers,
    })
    expect(listed.statusCode).toBe(200)
    const page = listed.json<{
      modelRevision: number
      total: number
      items: {
        subject: string
        modelRevision: number
        superseded: boolean
        signer: { name: string }
      }[]
    }>()
    expect(page.modelRevision).toBe(2)
    expect(page.total).toBe(page.items.length)
    expect(page.items[0]).toMatchObject({
      subject: 'document:fda-premarket',
      modelRevision: 2,
      superseded: false,
      signer: { name: 'Bea Later' },
    })
    expect(page.items.slice(1).length).toBeGreaterThan(0)
    for (const older of page.items.slice(1)) {
      expect(older).toMatchObject({ modelRevision: 1, superseded: true })
    }
    const viewer = await server.userWith([{ productId: PRODUCT, role: 'viewer' }])
    const byToken = await server.app.inject({
      method: 'GET',
      url: `/api/products/${PRODUCT}/approvals?subject=risk-register`,
      headers: viewer.headers,
    })
    expect(byToken.statusCode).toBe(200)
    expect(
      byToken
        .json<{ items: { subject: string }[] }>()
        .items.every((item) => item.subject === 'risk-register'),
    ).toBe(true)
  })
})
