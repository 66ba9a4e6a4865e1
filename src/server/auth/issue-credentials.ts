import {
  createApiToken,
  createSession,
  type Store,
  type StoredApiToken,
} from '../../store/index.js'
import { API_TOKEN_PREFIX } from './authenticate.js'
import { newSecret, sha256Hex } from './secrets.js'

/** How long a browser session lasts without signing in again. */
export const SESSION_HOURS = 12

export interface IssuedSession {
  /** The cookie value; only its hash is stored. */
  readonly secret: string
  readonly csrfToken: string
  readonly expiresAt: Date
}

export const startSession = async (store: Store, userId: string): Promise<IssuedSession> => {
  const secret = newSecret()
  const csrfToken = newSecret()
  const expiresAt = new Date(store.now().getTime() + SESSION_HOURS * 3_600_000)
  await createSession(store, { idHash: sha256Hex(secret), userId, csrfToken, expiresAt })
  return { secret, csrfToken, expiresAt }
}

/** A new API token; the secret is shown once and only its hash is kept. */
export const issueApiToken = async (
  store: Store,
  userId: string,
  name: string,
  expiresAt: Date | null,
): Promise<{ readonly secret: string; readonly token: StoredApiToken }> => {
  const secret = `${API_TOKEN_PREFIX}${newSecret()}`
  const token = await createApiToken(store, {
    userId,
    name,
    tokenHash: sha256Hex(secret),
    expiresAt,
  })
  return { secret, token }
}
