import { Type, type Static } from '@sinclair/typebox'

import type { JobHandler } from '../../jobs/index.js'
import {
  createNotificationChannels,
  DeliveryError,
  type ChannelOptions,
  type NotificationChannels,
} from '../../notify/index.js'
import {
  claimPendingNotifications,
  recordNotificationFailure,
  recordNotificationSent,
  type Store,
} from '../../store/index.js'
import { NOTIFICATION_ATTEMPTS, notificationSettings } from '../notifications.js'
import { checkJobData, JobError } from './job-data.js'

export const NotificationsSendData = Type.Object(
  {
    /** Who or what asked (a username, `deadline-reminders`, `portfolio-evaluate` …). */
    requestedBy: Type.Optional(Type.String({ minLength: 1 })),
  },
  { additionalProperties: false },
)
export type NotificationsSendData = Static<typeof NotificationsSendData>

/** What one pass over the outbox did. */
export interface NotificationDelivery {
  readonly sent: number
  /** Failed for good this pass (out of attempts). */
  readonly failed: number
  /** Failed this pass, to be tried again. */
  readonly retrying: readonly { readonly id: string; readonly error: string }[]
}

export interface DeliveryOptions {
  /** Default NOTIFICATION_ATTEMPTS. */
  readonly maxAttempts?: number
  /** A claim older than this was left by a stopped worker (default 10 minutes). */
  readonly leaseMs?: number
  readonly channels?: ChannelOptions
  /** Instead of the channels of the settings (tests). */
  readonly createChannels?: () => NotificationChannels
}

const BATCH = 100
/** Rows one pass tries at most; the ids tried are excluded from the next claim by value. */
const PER_PASS = 5000
const DEFAULT_LEASE_MS = 10 * 60 * 1000

const messageOf = (error: unknown): string =>
  error instanceof DeliveryError
    ? `${error.code}: ${error.message}`
    : error instanceof Error
      ? error.message
      : String(error)

/**
 * Delivers every pending outbox row once: each is claimed first (so two workers never send one
 * message twice), then recorded sent, pending again with the error, or failed when out of
 * attempts. Rows that fail here are not tried again in the same pass.
 */
export const deliverPendingNotifications = async (
  store: Store,
  options: DeliveryOptions = {},
): Promise<NotificationDelivery> => {
  const maxAttempts = options.maxAttempts ?? NOTIFICATION_ATTEMPTS
  const channels =
    options.createChannels?.() ??
    createNotificationChannels(await notificationSettings(store), options.channels)
  const tried = new Set<string>()
  const retrying: { id: string; error: string }[] = []
  let sent = 0
  let failed = 0
  try {
    while (tried.size < PER_PASS) {
      const claimed = (
        await claimPendingNotifications(store, {
          at: store.now().toISOString(),
          leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
          limit: BATCH,
          exclude: [...tried],
        })
      ).filter((row) => !tried.has(row.id))
      if (claimed.length === 0) break
      for (const row of claimed) {
        tried.add(row.id)
        try {
          await channels.deliver(row)
          await recordNotificationSent(store, row.id, store.now().toISOString())
          sent += 1
        } catch (error) {
          const final = row.attempts >= maxAttempts
          await recordNotificationFailure(store, row.id, { error: messageOf(error), final })
          if (final) failed += 1
          else retrying.push({ id: row.id, error: messageOf(error) })
        }
      }
    }
  } finally {
    channels.close()
  }
  return { sent, failed, retrying }
}

export interface NotificationsSendDeps {
  readonly store: Store
  readonly options?: DeliveryOptions
}

/**
 * Runs a `notifications-send` job: one pass over the outbox. When messages failed and have
 * attempts left the job fails, naming them, so the queue runs it again after its back-off.
 */
export const notificationsSendHandler =
  (deps: NotificationsSendDeps): JobHandler =>
  async (data): Promise<NotificationDelivery> => {
    checkJobData(NotificationsSendData, data, 'notifications-send')
    const delivery = await deliverPendingNotifications(deps.store, deps.options)
    if (delivery.retrying.length > 0) {
      const first = delivery.retrying[0]
      throw new JobError(
        'notifications/retrying',
        `${String(delivery.retrying.length)} notification(s) not delivered yet, retrying (sent ${String(delivery.sent)}): ${first?.error ?? ''}`,
      )
    }
    return delivery
  }
