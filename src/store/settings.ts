import type { Kysely } from 'kysely'

import type { StoreTables } from './schema.js'

/**
 * The manufacturer's settings, one JSON value per key. The store does not know their shapes:
 * each owner checks what it reads (a value written by an older version may not fit any more) and
 * gets `undefined` for a key never written.
 */
export const readSetting = async (db: Kysely<StoreTables>, key: string): Promise<unknown> => {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst()
  return row === undefined ? undefined : (JSON.parse(row.value) as unknown)
}

/** Writes (or replaces) one setting; `at` is an ISO 8601 instant, `actor` a username. */
export const writeSetting = async (
  db: Kysely<StoreTables>,
  change: {
    readonly key: string
    readonly value: unknown
    readonly at: string
    readonly actor: string
  },
): Promise<void> => {
  const row = {
    key: change.key,
    value: JSON.stringify(change.value),
    updated_at: change.at,
    updated_by: change.actor,
  }
  await db
    .insertInto('settings')
    .values(row)
    .onConflict((conflict) =>
      conflict.column('key').doUpdateSet({
        value: row.value,
        updated_at: row.updated_at,
        updated_by: row.updated_by,
      }),
    )
    .execute()
}
