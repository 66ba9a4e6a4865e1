import { notificationOf, type StoredNotification } from './notifications.js'
import type { Store } from './open-store.js'

export interface ClaimOptions {
  /** ISO 8601 instant of the claim. */
  readonly at: string
  /** A claim older than this was left by a stopped worker and is taken again. */
  readonly leaseMs: number
  readonly limit: number
  /** Rows not to claim: those this pass already tried. */
  readonly exclude?: readonly string[]
  /** Only these rows (a test message delivered at once). */
  readonly only?: readonly string[]
}

/**
 * Claims pending rows for delivery, one conditional update each, so two workers never send the
 * same message: the one whose update changed the row sends it. Each claim counts an attempt.
 */
export const claimPendingNotifications = async (
  store: Store,
  options: ClaimOptions,
): Promise<StoredNotification[]> => {
  const stale = new Date(Date.parse(options.at) - options.leaseMs).toISOString()
  const exclude = options.exclude ?? []
  let select = store.db
    .selectFrom('notifications')
    .select('id')
    .where((eb) =>
      eb.or([
        eb('state', '=', 'pending'),
        eb.and([eb('state', '=', 'sending'), eb('claimed_at', '<', stale)]),
      ]),
    )
  if (exclude.length > 0) select = select.where('id', 'not in', exclude)
  if (options.only !== undefined) {
    if (options.only.length === 0) return []
    select = select.where('id', 'in', options.only)
  }
  const candidates = await select
    .orderBy('created_at')
    .orderBy('channel')
    .orderBy('recipient')
    .orderBy('id')
    .limit(options.limit)
    .execute()
  const claimed: StoredNotification[] = []
  for (const { id } of candidates) {
    const row = await store.db
      .updateTable('notifications')
      .set((eb) => ({
        state: 'sending',
        claimed_at: options.at,
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', '=', id)
      .where((eb) =>
        eb.or([
          eb('state', '=', 'pending'),
          eb.and([eb('state', '=', 'sending'), eb('claimed_at', '<', stale)]),
        ]),
      )
      .returningAll()
      .executeTakeFirst()
    if (row !== undefined) claimed.push(notificationOf(row))
  }
  return claimed
}

export const recordNotificationSent = async (
  store: Store,
  id: string,
  at: string,
): Promise<void> => {
  await store.db
    .updateTable('notifications')
    .set({ state: 'sent', sent_at: at, last_error: null, claimed_at: null })
    .where('id', '=', id)
    .execute()
}

/** A failed attempt: the row waits for the next one, or fails for good when `final`. */
export const recordNotificationFailure = async (
  store: Store,
  id: string,
  failure: { readonly error: string; readonly final: boolean },
): Promise<void> => {
  await store.db
    .updateTable('notifications')
    .set({
      state: failure.final ? 'failed' : 'pending',
      last_error: failure.error,
      claimed_at: null,
    })
    .where('id', '=', id)
    .execute()
}
