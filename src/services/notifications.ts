import { randomUUID } from 'node:crypto'

import {
  maskedWebhookUrl,
  NOTIFICATION_SETTINGS_KEY,
  notificationSettingsOf,
  type NotificationChannel,
  type NotificationSettings,
} from '../core/index.js'
import type { JobQueue } from '../jobs/index.js'
import { createNotificationChannels, type ChannelOptions } from '../notify/index.js'
import {
  claimPendingNotifications,
  enqueueNotification,
  readSetting,
  recordNotificationFailure,
  recordNotificationSent,
  type NewNotification,
  type Store,
} from '../store/index.js'

/** Attempts at delivering one message before it fails for good (the send job's retries too). */
export const NOTIFICATION_ATTEMPTS = 5

export const notificationSettings = async (store: Store): Promise<NotificationSettings> =>
  notificationSettingsOf(await readSetting(store.db, NOTIFICATION_SETTINGS_KEY))

/** Queues the job that delivers the outbox; its retries back off (10 s, 20 s, 40 s …). */
export const queueNotificationDelivery = (queue: JobQueue, requestedBy: string): Promise<string> =>
  queue.send('notifications-send', { requestedBy }, { maxAttempts: NOTIFICATION_ATTEMPTS })

/** Writes the notification to the outbox and, when any row was written, queues its delivery. */
export const notify = async (
  store: Store,
  queue: JobQueue,
  notification: NewNotification,
): Promise<{ readonly ids: readonly string[]; readonly jobId: string | null }> => {
  const { ids } = await enqueueNotification(store.db, {
    ...notification,
    at: notification.at ?? store.now().toISOString(),
  })
  const jobId = ids.length === 0 ? null : await queueNotificationDelivery(queue, notification.kind)
  return { ids, jobId }
}

/** How a test message fared with one recipient. */
export interface TestDelivery {
  readonly channel: NotificationChannel
  /** The address, or the webhook URL masked (its path holds the token). */
  readonly recipient: string
  readonly delivered: boolean
  readonly error: string | null
}

const TEST_TIMEOUT_MS = 10_000

/**
 * Sends a test message to every configured recipient at once, through the outbox (so it is
 * recorded), and says per recipient whether it arrived.
 */
export const sendTestNotification = async (
  store: Store,
  actor: string,
  options: ChannelOptions = {},
): Promise<TestDelivery[]> => {
  const settings = await notificationSettings(store)
  const at = store.now().toISOString()
  const { ids } = await enqueueNotification(store.db, {
    kind: 'test',
    subject: 'medcyber test notification',
    text: `${actor} sent this test message at ${at}. Notifications from medcyber reach this address.`,
    data: { requestedBy: actor },
    dedupeKey: `test:${randomUUID()}`,
    at,
  })
  const claimed = await claimPendingNotifications(store, {
    at,
    leaseMs: TEST_TIMEOUT_MS * 6,
    limit: ids.length,
    only: ids,
  })
  const channels = createNotificationChannels(settings, {
    smtpTimeoutMs: TEST_TIMEOUT_MS,
    webhookTimeoutMs: TEST_TIMEOUT_MS,
    ...options,
  })
  const results: TestDelivery[] = []
  try {
    for (const row of claimed) {
      const recipient = row.channel === 'webhook' ? maskedWebhookUrl(row.recipient) : row.recipient
      try {
        await channels.deliver(row)
        await recordNotificationSent(store, row.id, store.now().toISOString())
        results.push({ channel: row.channel, recipient, delivered: true, error: null })
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        await recordNotificationFailure(store, row.id, { error: message, final: true })
        results.push({ channel: row.channel, recipient, delivered: false, error: message })
      }
    }
  } finally {
    channels.close()
  }
  return results
}
