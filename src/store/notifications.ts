import { randomUUID } from 'node:crypto'

import type { Kysely, Selectable } from 'kysely'

import {
  configuredRecipients,
  NOTIFICATION_SETTINGS_KEY,
  notificationSettingsOf,
  type NotificationChannel,
  type NotificationRecipient,
} from '../core/index.js'
import type { NotificationsTable } from './schema-postmarket-monitoring.js'
import type { StoreTables } from './schema.js'
import { readSetting } from './settings.js'

/** A message to send to everyone configured (or to the recipients named). */
export interface NewNotification {
  /** What it is about: `advisory-alert`, `deadline-reminder`, `cvd-acknowledgement`, `test` … */
  readonly kind: string
  readonly subject: string
  /** Plain text: the e-mail body, and the line a chat tool shows. */
  readonly text: string
  /** The structured event a webhook receives beside the text. */
  readonly data: Readonly<Record<string, unknown>>
  /**
   * Names the occasion, e.g. `deadline-reminder:pump:fda-30:7`: enqueueing the same key again
   * adds nothing for a recipient who already has it, so a job that runs twice notifies once.
   */
  readonly dedupeKey: string
  readonly productId?: string
  /** Default: every channel of the `notifications` setting. */
  readonly recipients?: readonly NotificationRecipient[]
  /** ISO 8601 instant; default now. */
  readonly at?: string
}

export const NOTIFICATION_STATES = ['pending', 'sending', 'sent', 'failed'] as const
export type NotificationState = (typeof NOTIFICATION_STATES)[number]

export interface StoredNotification {
  readonly id: string
  readonly kind: string
  readonly productId: string | null
  readonly channel: NotificationChannel
  readonly recipient: string
  readonly subject: string
  readonly text: string
  readonly data: Readonly<Record<string, unknown>>
  readonly dedupeKey: string
  readonly state: NotificationState
  readonly attempts: number
  readonly lastError: string | null
  readonly createdAt: string
  readonly sentAt: string | null
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export const notificationOf = (row: Selectable<NotificationsTable>): StoredNotification => {
  const data = JSON.parse(row.data) as unknown
  return {
    id: row.id,
    kind: row.kind,
    productId: row.product_id,
    channel: row.channel === 'webhook' ? 'webhook' : 'email',
    recipient: row.recipient,
    subject: row.subject,
    text: row.text,
    data: isRecord(data) ? data : {},
    dedupeKey: row.dedupe_key,
    state: (NOTIFICATION_STATES as readonly string[]).includes(row.state)
      ? (row.state as NotificationState)
      : 'failed',
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    sentAt: row.sent_at,
  }
}

/**
 * Writes one outbox row per recipient, in the caller's transaction when `db` is one; a row whose
 * dedupe key, channel and recipient are already there is skipped. Returns the ids of the rows
 * written: when there are any, queue a `notifications-send` job to deliver them. Without
 * recipients (none given, none configured) nothing is written.
 */
export const enqueueNotification = async (
  db: Kysely<StoreTables>,
  notification: NewNotification,
): Promise<{ readonly ids: readonly string[] }> => {
  const recipients =
    notification.recipients ??
    configuredRecipients(notificationSettingsOf(await readSetting(db, NOTIFICATION_SETTINGS_KEY)))
  if (recipients.length === 0) return { ids: [] }
  const at = notification.at ?? new Date().toISOString()
  const data = JSON.stringify(notification.data)
  const ids: string[] = []
  for (const recipient of recipients) {
    const row = await db
      .insertInto('notifications')
      .values({
        id: randomUUID(),
        kind: notification.kind,
        product_id: notification.productId ?? null,
        channel: recipient.channel,
        recipient: recipient.address,
        subject: notification.subject,
        text: notification.text,
        data,
        dedupe_key: notification.dedupeKey,
        state: 'pending',
        attempts: 0,
        last_error: null,
        claimed_at: null,
        created_at: at,
        sent_at: null,
      })
      .onConflict((conflict) =>
        conflict.columns(['dedupe_key', 'channel', 'recipient']).doNothing(),
      )
      .returning('id')
      .executeTakeFirst()
    if (row !== undefined) ids.push(row.id)
  }
  return { ids }
}

export interface NotificationQuery {
  readonly kind?: string
  readonly state?: NotificationState
  readonly productId?: string
  readonly dedupeKey?: string
}

/** The outbox, oldest first: what was sent to whom and what is still waiting or failed. */
export const listNotifications = async (
  db: Kysely<StoreTables>,
  query: NotificationQuery = {},
): Promise<StoredNotification[]> => {
  let select = db.selectFrom('notifications').selectAll()
  if (query.kind !== undefined) select = select.where('kind', '=', query.kind)
  if (query.state !== undefined) select = select.where('state', '=', query.state)
  if (query.productId !== undefined) select = select.where('product_id', '=', query.productId)
  if (query.dedupeKey !== undefined) select = select.where('dedupe_key', '=', query.dedupeKey)
  const rows = await select
    .orderBy('created_at')
    .orderBy('channel')
    .orderBy('recipient')
    .orderBy('id')
    .execute()
  return rows.map(notificationOf)
}
