import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import {
  startWebhookReceiver,
  type WebhookReceiver,
} from '../../../test/support/notification-receivers.js'
import { storeDialects } from '../../../test/support/store-dialects.js'
import {
  openTestServer,
  type TestServer,
  type TestUser,
} from '../../../test/support/test-server.js'
import { NOTIFICATION_SETTINGS_KEY } from '../../core/index.js'
import {
  insertAdvisoryAlerts,
  listAuditEvents,
  readSetting,
  type NewAdvisoryAlert,
} from '../../store/index.js'

const SETTINGS = '/api/settings/notifications'

const body = (change: Record<string, unknown> = {}) => ({
  email: {
    smtpUrl: 'smtp://alerts%40example.com:s3cret@mail.example.com:587',
    security: 'starttls',
    from: 'medcyber@example.com',
    recipients: ['psirt@example.com'],
  },
  webhooks: [{ url: 'https://hooks.slack.com/services/T00/B00/XXXXtoken', secret: 'hmac-key' }],
  reminderLeadDays: [1, 7],
  ...change,
})

let hook: WebhookReceiver
beforeAll(async () => {
  hook = await startWebhookReceiver()
})
afterAll(async () => {
  await hook.close()
})

describe.each(storeDialects)('notification settings routes on $name', (dialect) => {
  let server: TestServer
  let admin: TestUser
  beforeEach(async () => {
    server = await openTestServer(dialect)
    admin = await server.userWith([{ productId: '*', role: 'admin' }])
  })
  afterEach(async () => {
    await server.dispose()
  })

  const call = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
    server.app.inject({
      method,
      url,
      headers: admin.headers,
      ...(payload === undefined ? {} : { payload }),
    })

  it('answers the defaults before anything is stored', async () => {
    const response = await call('GET', SETTINGS)
    expect(response.statusCode).toBe(200)
    expect(response.json()).toEqual({
      email: {
        smtpUrl: null,
        passwordSet: false,
        security: 'starttls',
        from: null,
        recipients: [],
      },
      webhooks: [],
      reminderLeadDays: [7, 1],
    })
  })

  it('stores the settings, never shows a secret, and keeps them when the view is sent back', async () => {
    const put = await call('PUT', SETTINGS, body())
    expect(put.statusCode).toBe(200)
    const view = put.json<{ webhooks: { id: string }[]; email: { smtpUrl: string } }>()
    expect(view).toMatchObject({
      email: {
        smtpUrl: 'smtp://alerts%40example.com:********@mail.example.com:587',
        passwordSet: true,
      },
      webhooks: [{ url: 'https://hooks.slack.com/…oken', secretSet: true }],
      reminderLeadDays: [7, 1],
    })
    const get = await call('GET', SETTINGS)
    expect(get.json()).toEqual(view)
    for (const text of [put.body, get.body]) {
      expect(text).not.toMatch(/s3cret|hmac-key|XXXXtoken/)
    }

    const again = await call('PUT', SETTINGS, {
      ...body(),
      email: { ...body().email, smtpUrl: view.email.smtpUrl },
      webhooks: [{ id: view.webhooks[0]?.id }],
    })
    expect(again.statusCode).toBe(200)
    expect(await readSetting(server.store.db, NOTIFICATION_SETTINGS_KEY)).toMatchObject({
      email: { smtpUrl: 'smtp://alerts%40example.com:s3cret@mail.example.com:587' },
      webhooks: [{ url: 'https://hooks.slack.com/services/T00/B00/XXXXtoken', secret: 'hmac-key' }],
    })
    const audit = await listAuditEvents(server.store, {
      action: 'settings.notifications.update',
      limit: 10,
      offset: 0,
    })
    expect(audit.events).toHaveLength(2)
    expect(JSON.stringify(audit.events)).not.toMatch(/s3cret|hmac-key|XXXXtoken/)
  })

  it('refuses bad settings, saying where, and keeps what was stored', async () => {
    const response = await call(
      'PUT',
      SETTINGS,
      body({ webhooks: [{ url: 'ftp://example.com/x' }], reminderLeadDays: [7] }),
    )
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({
      error: {
        code: 'invalid-request',
        details: [
          { path: 'body/webhooks/0/url', message: 'not an http(s) URL: ftp://example.com/x' },
        ],
      },
    })
    expect(await readSetting(server.store.db, NOTIFICATION_SETTINGS_KEY)).toBeUndefined()
    const wrongType = await call('PUT', SETTINGS, body({ reminderLeadDays: ['soon'] }))
    expect(wrongType.statusCode).toBe(400)
  })

  it('sends a test message to each recipient and says how it went', async () => {
    const none = await call('POST', `${SETTINGS}/test`)
    expect(none.statusCode).toBe(409)
    expect(none.json()).toMatchObject({ error: { code: 'notifications-not-configured' } })

    await call(
      'PUT',
      SETTINGS,
      body({ email: { ...body().email, smtpUrl: null }, webhooks: [{ url: hook.url }] }),
    )
    hook.received.length = 0
    const response = await call('POST', `${SETTINGS}/test`)
    expect(response.statusCode).toBe(200)
    const { deliveries } = response.json<{
      deliveries: { channel: string; recipient: string; delivered: boolean; error: null }[]
    }>()
    expect(deliveries).toHaveLength(1)
    expect(deliveries[0]).toMatchObject({ channel: 'webhook', delivered: true, error: null })
    expect(deliveries[0]?.recipient).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/…cdef$/)
    expect(hook.received).toHaveLength(1)
    expect(hook.received[0]?.json).toMatchObject({ event: { kind: 'test' } })
  })
})

const alert = (productId: string, findingId: string): NewAdvisoryAlert => ({
  productId,
  release: '1.0',
  findingId,
  vulnerability: findingId.split('@')[0] ?? findingId,
  aliases: [],
  component: findingId.split('@')[1] ?? '',
  severity: 'High',
  kev: false,
  epss: null,
  createdAt: '2026-06-02T10:00:00.000Z',
  suggestedStatus: 'under_investigation',
  suggestedJustification: null,
  reasoning: ['FreeRTOS runs on pump-device.'],
  linkedRisks: [],
})

describe.each(storeDialects)('advisory alert routes on $name', (dialect) => {
  let server: TestServer
  let pumpAlert: string
  beforeAll(async () => {
    server = await openTestServer(dialect)
    for (const id of ['pump', 'other']) {
      await server.store.db
        .insertInto('products')
        .values({ id, name: id, created_at: '2026-01-01T00:00:00.000Z' })
        .execute()
    }
    const written = await insertAdvisoryAlerts(server.store.db, [
      alert('pump', 'CVE-2024-0001@freertos'),
      alert('other', 'CVE-2024-0002@zlib'),
    ])
    pumpAlert = written.find((item) => item.productId === 'pump')?.id ?? ''
  })
  afterAll(async () => {
    await server.dispose()
  })

  const list = async (user: TestUser, query = '') => {
    const response = await server.app.inject({
      method: 'GET',
      url: `/api/alerts${query}`,
      headers: user.headers,
    })
    return {
      status: response.statusCode,
      ids:
        response.statusCode === 200
          ? response.json<{ alerts: { findingId: string }[] }>().alerts.map((a) => a.findingId)
          : [],
    }
  }
  const acknowledge = (user: TestUser, id: string) =>
    server.app.inject({
      method: 'POST',
      url: `/api/alerts/${id}/acknowledge`,
      headers: user.headers,
    })

  it('lists the alerts of the products one may read', async () => {
    const viewer = await server.userWith([{ productId: 'pump', role: 'viewer' }])
    const everyone = await server.userWith([{ productId: '*', role: 'auditor' }])
    const nobody = await server.userWith([])
    expect(await list(viewer)).toEqual({ status: 200, ids: ['CVE-2024-0001@freertos'] })
    expect(await list(viewer, '?productId=other')).toEqual({ status: 403, ids: [] })
    expect((await list(everyone)).ids.sort()).toEqual([
      'CVE-2024-0001@freertos',
      'CVE-2024-0002@zlib',
    ])
    expect(await list(everyone, '?productId=other')).toEqual({
      status: 200,
      ids: ['CVE-2024-0002@zlib'],
    })
    expect(await list(nobody)).toEqual({ status: 200, ids: [] })
    expect((await list(everyone, '?state=closed')).status).toBe(400)
  })

  it('lets those who triage acknowledge, once, and hides other products\u2019 alerts', async () => {
    const viewer = await server.userWith([{ productId: 'pump', role: 'viewer' }])
    const stranger = await server.userWith([{ productId: 'other', role: 'security-engineer' }])
    const engineer = await server.userWith([{ productId: 'pump', role: 'security-engineer' }])
    const manager = await server.userWith([{ productId: '*', role: 'risk-manager' }])
    expect((await acknowledge(viewer, pumpAlert)).statusCode).toBe(403)
    expect((await acknowledge(stranger, pumpAlert)).statusCode).toBe(404)
    expect((await acknowledge(engineer, 'no-such-alert')).statusCode).toBe(404)

    const done = await acknowledge(engineer, pumpAlert)
    expect(done.statusCode).toBe(200)
    expect(done.json()).toMatchObject({
      id: pumpAlert,
      state: 'acknowledged',
      acknowledgedBy: engineer.username,
      reasoning: ['FreeRTOS runs on pump-device.'],
    })
    const again = await acknowledge(manager, pumpAlert)
    expect(again.json()).toMatchObject({ state: 'acknowledged', acknowledgedBy: engineer.username })
    expect((await list(manager, '?state=open')).ids).toEqual(['CVE-2024-0002@zlib'])
    const audit = await listAuditEvents(server.store, {
      action: 'alert.acknowledge',
      limit: 10,
      offset: 0,
    })
    expect(audit.events).toHaveLength(1)
  })
})
