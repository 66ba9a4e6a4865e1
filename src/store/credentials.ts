import { randomUUID } from 'node:crypto'

import type { Store } from './open-store.js'

/**
 * Sessions and API tokens are stored by the SHA-256 of their secret (computed by the caller), so
 * a copy of the database does not hand out live credentials.
 */
export interface StoredSession {
  readonly userId: string
  readonly csrfToken: string
  readonly expiresAt: string
}

export const createSession = async (
  store: Store,
  session: {
    readonly idHash: string
    readonly userId: string
    readonly csrfToken: string
    readonly expiresAt: Date
  },
): Promise<void> => {
  await store.db
    .insertInto('sessions')
    .values({
      id_hash: session.idHash,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      created_at: store.now().toISOString(),
      expires_at: session.expiresAt.toISOString(),
    })
    .execute()
}

/** A live session; an expired one is deleted on sight. */
export const findSession = async (
  store: Store,
  idHash: string,
): Promise<StoredSession | undefined> => {
  const row = await store.db
    .selectFrom('sessions')
    .select(['user_id', 'csrf_token', 'expires_at'])
    .where('id_hash', '=', idHash)
    .executeTakeFirst()
  if (row === undefined) return undefined
  if (row.expires_at <= store.now().toISOString()) {
    await deleteSession(store, idHash)
    return undefined
  }
  return { userId: row.user_id, csrfToken: row.csrf_token, expiresAt: row.expires_at }
}

export const deleteSession = async (store: Store, idHash: string): Promise<void> => {
  await store.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute()
}

/** Signs a user out everywhere, e.g. when the password changes or the account is disabled. */
export const deleteSessionsOf = async (store: Store, userId: string): Promise<void> => {
  await store.db.deleteFrom('sessions').where('user_id', '=', userId).execute()
}

/** Signs a user out of every session but one (the one that asked, e.g. to change the password). */
export const deleteOtherSessionsOf = async (
  store: Store,
  userId: string,
  keepIdHash: string,
): Promise<void> => {
  await store.db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where('id_hash', '!=', keepIdHash)
    .execute()
}

export interface StoredApiToken {
  readonly id: string
  readonly userId: string
  readonly name: string
  readonly createdAt: string
  readonly expiresAt: string | null
  readonly revokedAt: string | null
}

export const createApiToken = async (
  store: Store,
  token: {
    readonly userId: string
    readonly name: string
    readonly tokenHash: string
    readonly expiresAt: Date | null
  },
): Promise<StoredApiToken> => {
  const row = {
    id: randomUUID(),
    user_id: token.userId,
    name: token.name,
    token_hash: token.tokenHash,
    created_at: store.now().toISOString(),
    expires_at: token.expiresAt?.toISOString() ?? null,
    revoked_at: null,
  }
  await store.db.insertInto('api_tokens').values(row).execute()
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: null,
  }
}

/** The user a token stands for, when it is neither revoked nor expired. */
export const findLiveApiToken = async (
  store: Store,
  tokenHash: string,
): Promise<StoredApiToken | undefined> => {
  const row = await store.db
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'name', 'created_at', 'expires_at', 'revoked_at'])
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst()
  if (row === undefined || row.revoked_at !== null) return undefined
  if (row.expires_at !== null && row.expires_at <= store.now().toISOString()) return undefined
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  }
}

export const listApiTokens = async (
  store: Store,
  userId: string,
): Promise<readonly StoredApiToken[]> =>
  (
    await store.db
      .selectFrom('api_tokens')
      .select(['id', 'user_id', 'name', 'created_at', 'expires_at', 'revoked_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .orderBy('name')
      .orderBy('id')
      .execute()
  ).map((row) => ({
    id: row.id,
    userId: row.user_id,
    name: row.name,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  }))

export const revokeApiToken = async (
  store: Store,
  userId: string,
  tokenId: string,
): Promise<boolean> => {
  const result = await store.db
    .updateTable('api_tokens')
    .set({ revoked_at: store.now().toISOString() })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute()
  return result.some((r) => Number(r.numUpdatedRows) > 0)
}
