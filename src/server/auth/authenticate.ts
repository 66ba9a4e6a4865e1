import type { FastifyReply, FastifyRequest } from 'fastify'

import {
  findLiveApiToken,
  findSession,
  findUserById,
  type Store,
  type UserAccount,
} from '../../store/index.js'
import { ApiError } from '../api-error.js'
import type { Principal } from './principal.js'
import { sameSecret, sha256Hex } from './secrets.js'

export const SESSION_COOKIE = 'medcyber_session'
export const CSRF_HEADER = 'x-csrf-token'
/** API tokens carry a prefix so secret scanners (and people) can recognise a leaked one. */
export const API_TOKEN_PREFIX = 'mcy_'

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS'])

const unauthorized = (message: string): ApiError => new ApiError(401, 'unauthorized', message)

const liveUser = async (store: Store, userId: string): Promise<UserAccount | undefined> => {
  const user = await findUserById(store, userId)
  return user === undefined || user.disabled ? undefined : user
}

const fromToken = async (store: Store, header: string): Promise<Principal> => {
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  const secret = match?.[1]
  if (secret?.startsWith(API_TOKEN_PREFIX) !== true) {
    throw unauthorized('Authorization must be "Bearer <API token>"')
  }
  const token = await findLiveApiToken(store, sha256Hex(secret))
  const user = token === undefined ? undefined : await liveUser(store, token.userId)
  if (user === undefined) throw unauthorized('the API token is unknown, revoked or expired')
  return { user, via: 'token' }
}

/**
 * Synchronizer-token CSRF defence for cookie sessions: a state-changing request must echo the
 * session's CSRF token in a header, which a page on another origin cannot read or set. Bearer
 * tokens are not sent by browsers on their own, so they need no such check.
 */
const fromSession = async (
  store: Store,
  request: FastifyRequest,
  cookie: string,
): Promise<Principal | undefined> => {
  const idHash = sha256Hex(cookie)
  const session = await findSession(store, idHash)
  const user = session === undefined ? undefined : await liveUser(store, session.userId)
  if (session === undefined || user === undefined) return undefined
  if (!SAFE_METHODS.has(request.method)) {
    const sent = request.headers[CSRF_HEADER]
    if (typeof sent !== 'string' || !sameSecret(sent, session.csrfToken)) {
      throw new ApiError(
        403,
        'csrf',
        `a signed-in browser request that changes data must send the ${CSRF_HEADER} header from GET /api/session`,
      )
    }
  }
  return { user, via: 'session', sessionIdHash: idHash }
}

/** onRequest hook: sets `request.principal` from a Bearer token or the session cookie. */
export const authenticate =
  (store: Store) =>
  async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    request.principal = undefined
    request.productRoles = null
    const header = request.headers.authorization
    if (header !== undefined) {
      request.principal = await fromToken(store, header)
      return
    }
    const cookie = request.cookies[SESSION_COOKIE]
    // Public routes (sign-in above all) need no principal; a stale or CSRF-less cookie sent to
    // them must not stand in the way of signing in again.
    if (
      cookie !== undefined &&
      cookie !== '' &&
      request.routeOptions.config.access?.kind !== 'public'
    ) {
      request.principal = await fromSession(store, request, cookie)
    }
  }
