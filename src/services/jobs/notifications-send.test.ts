import { createHmac } from 'node:crypto'

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import {
  startSmtpReceiver,
  startWebhookReceiver,
  type SmtpReceiver,
  type WebhookReceiver,
} from '../../../test/support/notification-receivers.js'
import { storeDialects, type TestStore } from '../../../test/support/store-dialects.js'
import { NOTIFICATION_SETTINGS_KEY, type NotificationSettings } from '../../core/index.js'
import { createSqliteJobQueue, type JobQueue } from '../../jobs/index.js'
import {
  enqueueNotification,
  listNotifications,
  writeSetting,
  type NewNotification,
  type Store,
} from '../../store/index.js'
import { notify, sendTestNotification } from '../notifications.js'
import { deliverPendingNotifications, notificationsSendHandler } from './notifications-send.js'

const CONTEXT = { jobId: 'test-job' }
const SECRET = 'webhook-secret'

let smtp: SmtpReceiver
let hook: WebhookReceiver
beforeAll(async () => {
  smtp = await startSmtpReceiver()
  hook = await startWebhookReceiver()
})
afterAll(async () => {
  await smtp.close()
  await hook.close()
})

const settings = (): NotificationSettings => ({
  email: {
    smtpUrl: smtp.url,
    security: 'none',
    from: 'medcyber@example.com',
    recipients: ['psirt@example.com', 'qa@example.com'],
  },
  webhooks: [{ id: 'chat', url: hook.url, secret: SECRET }],
  reminderLeadDays: [7, 1],
})

const REMINDER: NewNotification = {
  kind: 'deadline-reminder',
  subject: 'FDA 30-day deadline in 7 days: Aquila 4.1.2',
  text: 'The 30-day clock of CVE-2021-44228@log4j-core-2-14 ends on 2026-07-01.\nTake action.',
  data: { clockId: 'clock-1', due: '2026-07-01' },
  dedupeKey: 'deadline-reminder:clock-1:lead-7',
  productId: 'aquila',
  at: '2026-06-24T08:00:00.000Z',
}

describe.each(storeDialects)('notification outbox on $name', (dialect) => {
  let opened: TestStore
  let store: Store
  beforeEach(async () => {
    opened = await dialect.open({ now: () => new Date('2026-06-24T08:00:00.000Z') })
    store = opened.store
    smtp.messages.length = 0
    hook.received.length = 0
    await writeSetting(store.db, {
      key: NOTIFICATION_SETTINGS_KEY,
      value: settings(),
      at: '2026-06-24T07:00:00.000Z',
      actor: 'admin',
    })
  })
  afterEach(async () => {
    await opened.dispose()
  })

  it('writes one row per recipient, once per dedupe key, and delivers e-mail and webhook', async () => {
    const first = await enqueueNotification(store.db, REMINDER)
    const again = await enqueueNotification(store.db, REMINDER)
    expect(first.ids).toHaveLength(3)
    expect(again.ids).toEqual([])

    const delivery = await deliverPendingNotifications(store)
    expect(delivery).toEqual({ sent: 3, failed: 0, retrying: [] })
    expect(await deliverPendingNotifications(store)).toEqual({ sent: 0, failed: 0, retrying: [] })

    expect(
      smtp.messages
        .map((message) => message.to)
        .flat()
        .sort(),
    ).toEqual(['psirt@example.com', 'qa@example.com'])
    for (const message of smtp.messages) {
      expect(message).toMatchObject({
        from: 'medcyber@example.com',
        user: 'alerts@example.com',
        subject: REMINDER.subject,
        text: REMINDER.text,
      })
    }
    expect(hook.received).toHaveLength(1)
    const [request] = hook.received
    expect(request?.headers['content-type']).toMatch(/^application\/json/)
    expect(request?.headers['x-medcyber-signature']).toBe(
      `sha256=${createHmac('sha256', SECRET)
        .update(request?.body ?? '')
        .digest('hex')}`,
    )
    const sentId = (request?.json as { event?: { id?: string } } | undefined)?.event?.id
    expect(sentId).toMatch(/^[0-9a-f-]{36}$/)
    expect(request?.json).toEqual({
      text: `${REMINDER.subject}\n${REMINDER.text}`,
      event: {
        id: sentId,
        kind: 'deadline-reminder',
        subject: REMINDER.subject,
        text: REMINDER.text,
        productId: 'aquila',
        createdAt: '2026-06-24T08:00:00.000Z',
        data: REMINDER.data,
      },
    })
    const rows = await listNotifications(store.db, { dedupeKey: REMINDER.dedupeKey })
    expect(rows.map((row) => [row.channel, row.state, row.attempts])).toEqual([
      ['email', 'sent', 1],
      ['email', 'sent', 1],
      ['webhook', 'sent', 1],
    ])
  })

  it('keeps a message a webhook refused with 500 and sends it on the next attempt', async () => {
    await enqueueNotification(store.db, {
      ...REMINDER,
      recipients: [{ channel: 'webhook', address: hook.url }],
    })
    hook.failNext(500)
    const run = notificationsSendHandler({ store })
    await expect(run({ requestedBy: 'test' }, CONTEXT)).rejects.toThrow(
      /^1 notification\(s\) not delivered yet, retrying \(sent 0\): notify\/webhook-status: webhook http:\/\/127\.0\.0\.1:\d+ answered 500: receiver failed$/,
    )
    const [waiting] = await listNotifications(store.db)
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1 })
    expect(waiting?.lastError).toMatch(/answered 500/)
    // The token in the webhook's path stays out of errors.
    expect(waiting?.lastError).not.toContain('T0KEN')

    expect(await run({}, CONTEXT)).toEqual({ sent: 1, failed: 0, retrying: [] })
    const [sent] = await listNotifications(store.db)
    expect(sent).toMatchObject({ state: 'sent', attempts: 2, lastError: null })
    expect(hook.received).toHaveLength(2)
    // The receiver can tell a retry from a new event.
    expect(hook.received[0]?.headers['x-medcyber-delivery']).toBe(
      hook.received[1]?.headers['x-medcyber-delivery'],
    )
  })

  it('fails a message for good when out of attempts, and says why', async () => {
    await enqueueNotification(store.db, {
      ...REMINDER,
      recipients: [{ channel: 'email', address: 'psirt@example.com' }],
    })
    await writeSetting(store.db, {
      key: NOTIFICATION_SETTINGS_KEY,
      // Nothing listens on port 1.
      value: { ...settings(), email: { ...settings().email, smtpUrl: 'smtp://u:p@127.0.0.1:1' } },
      at: '2026-06-24T07:30:00.000Z',
      actor: 'admin',
    })
    const options = { maxAttempts: 2, channels: { smtpTimeoutMs: 2000 } }
    expect((await deliverPendingNotifications(store, options)).retrying).toHaveLength(1)
    expect(await deliverPendingNotifications(store, options)).toMatchObject({
      sent: 0,
      failed: 1,
      retrying: [],
    })
    const [failed] = await listNotifications(store.db)
    expect(failed).toMatchObject({ state: 'failed', attempts: 2 })
    expect(failed?.lastError).toMatch(
      /^notify\/smtp-failed: e-mail to psirt@example\.com via 127\.0\.0\.1:1 failed/,
    )
    expect(smtp.messages).toEqual([])
  })

  it('sends a test message to everyone at once and says who got it', async () => {
    hook.failNext(403)
    const deliveries = await sendTestNotification(store, 'admin')
    expect(deliveries.slice(0, 2)).toEqual([
      { channel: 'email', recipient: 'psirt@example.com', delivered: true, error: null },
      { channel: 'email', recipient: 'qa@example.com', delivered: true, error: null },
    ])
    expect(deliveries[2]).toMatchObject({ channel: 'webhook', delivered: false })
    expect(deliveries[2]?.recipient).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/…cdef$/)
    expect(deliveries[2]?.error).toMatch(/answered 403/)
    expect(smtp.messages.map((message) => message.subject)).toEqual([
      'medcyber test notification',
      'medcyber test notification',
    ])
    const rows = await listNotifications(store.db, { kind: 'test' })
    expect(rows.map((row) => row.state)).toEqual(['sent', 'sent', 'failed'])
  })
})

describe('notify through the embedded queue', () => {
  let opened: TestStore
  let queue: JobQueue
  beforeEach(async () => {
    opened = await storeDialects[0]!.open()
    smtp.messages.length = 0
    hook.received.length = 0
    await writeSetting(opened.store.db, {
      key: NOTIFICATION_SETTINGS_KEY,
      value: { ...settings(), email: { ...settings().email, recipients: [] } },
      at: '2026-06-24T07:00:00.000Z',
      actor: 'admin',
    })
    queue = createSqliteJobQueue(opened.store, { pollIntervalMs: 10, retryDelayMs: 50 })
    await queue.work('notifications-send', notificationsSendHandler({ store: opened.store }))
  })
  afterEach(async () => {
    await queue.stop()
    await opened.dispose()
  })

  it('queues delivery, and the queue retries it after a 500 with back-off', async () => {
    hook.failNext(500, 502)
    const { ids, jobId } = await notify(opened.store, queue, REMINDER)
    expect(ids).toHaveLength(1)
    expect(jobId).not.toBeNull()
    await expect
      .poll(async () => (await queue.get(jobId ?? ''))?.state, { timeout: 10_000 })
      .toBe('completed')
    expect(hook.received).toHaveLength(3)
    const [row] = await listNotifications(opened.store.db)
    expect(row).toMatchObject({ state: 'sent', attempts: 3 })
    // Notifying again with the same key writes nothing and queues nothing.
    expect(await notify(opened.store, queue, REMINDER)).toEqual({ ids: [], jobId: null })
  })
})
