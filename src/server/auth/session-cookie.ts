import type { FastifyReply } from 'fastify'

import type { Store, UserAccount } from '../../store/index.js'
import type { RecordAuditEvent } from './audited-change.js'
import { SESSION_COOKIE } from './authenticate.js'
import { startSession, type IssuedSession } from './issue-credentials.js'

/** How the person proved who they are, as the audit trail records it. */
export type SignInMethod = 'password' | 'oidc'

/**
 * Starts a browser session inside an audited change; the cookie is set only after the change
 * commits (see `setSessionCookie`), so a cookie never names a session that was rolled back.
 */
export const beginSession = async (
  tx: Store,
  record: RecordAuditEvent,
  user: UserAccount,
  method: SignInMethod,
): Promise<IssuedSession> => {
  const issued = await startSession(tx, user.id)
  await record({
    actor: user.username,
    action: 'session.sign-in',
    subject: `user:${user.id}`,
    before: null,
    after: { method, expiresAt: issued.expiresAt.toISOString() },
    reason: null,
  })
  return issued
}

/**
 * httpOnly keeps the secret from scripts; SameSite=Strict keeps other sites' pages from sending
 * it at all, with the CSRF header as the second line of defence.
 */
export const setSessionCookie = (
  reply: FastifyReply,
  issued: IssuedSession,
  secure: boolean,
): void => {
  void reply.setCookie(SESSION_COOKIE, issued.secret, {
    httpOnly: true,
    sameSite: 'strict',
    path: '/',
    secure,
    expires: issued.expiresAt,
  })
}

export const clearSessionCookie = (reply: FastifyReply, secure: boolean): void => {
  void reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', path: '/', secure })
}
