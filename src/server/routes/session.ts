import { Type } from '@sinclair/typebox'

import {
  deleteOtherSessionsOf,
  deleteSession,
  deleteSessionsOf,
  findSession,
  listRoleGrants,
  updateUser,
} from '../../store/index.js'
import type { ApiRoutes } from '../api-app.js'
import { ApiError } from '../api-error.js'
import {
  PasswordSchema,
  RoleGrantSchema,
  TypedPasswordSchema,
  UserSummarySchema,
  userSummary,
} from '../auth/account-views.js'
import { auditedChange } from '../auth/audited-change.js'
import { oidcRoutes } from '../auth/oidc-routes.js'
import { hashPassword, verifyPassword } from '../auth/passwords.js'
import { beginSession, clearSessionCookie, setSessionCookie } from '../auth/session-cookie.js'
import { checkPassword } from '../auth/sign-in.js'
import { principalOf } from '../auth/signed-in.js'
import { errors } from '../product-schemas.js'
import { PreferencesSchema } from '../workspace-schemas.js'
import { preferencesOf } from './preferences.js'

const TAGS = ['session']

/** Per client address: enough for people who mistype, far too few for guessing passwords. */
const SIGN_IN_ATTEMPTS_PER_MINUTE = 10

const signInFailed = (): ApiError =>
  new ApiError(401, 'sign-in-failed', 'wrong username or password')

const SignedInSchema = Type.Object({
  user: UserSummarySchema,
  csrfToken: Type.String({
    description: 'send it as the x-csrf-token header on every request that changes data',
  }),
})

/** Sign-in with a password, the session it opens, sign-out and changing one's own password. */
export const sessionRoutes: ApiRoutes = (app, deps) => {
  const { store } = deps

  app.post(
    '/session',
    {
      config: {
        access: { kind: 'public' },
        rateLimit: {
          max: SIGN_IN_ATTEMPTS_PER_MINUTE,
          timeWindow: '1 minute',
          errorResponseBuilder: (_request, context) =>
            new ApiError(
              429,
              'rate-limited',
              `too many sign-in attempts; try again in ${context.after}`,
            ),
        },
      },
      schema: {
        summary: 'Sign in with username and password',
        description:
          'Sets the httpOnly session cookie and returns the CSRF token the browser must echo in the x-csrf-token header.',
        tags: TAGS,
        security: [],
        body: Type.Object({
          username: Type.String({ minLength: 1, maxLength: 200 }),
          password: TypedPasswordSchema,
        }),
        response: { 200: SignedInSchema, ...errors(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body
      const check = await checkPassword(store, username, password)
      if (check.outcome !== 'accepted') {
        await auditedChange(store, (_tx, record) =>
          record({
            actor: username,
            action: 'session.sign-in-failed',
            subject: check.user === undefined ? 'user:unknown' : `user:${check.user.id}`,
            before: null,
            after: null,
            reason:
              check.outcome === 'disabled' ? 'account disabled' : 'wrong username or password',
          }),
        )
        if (check.outcome === 'disabled') {
          throw new ApiError(
            403,
            'account-disabled',
            'this account is disabled; ask an administrator',
          )
        }
        throw signInFailed()
      }
      const { user } = check
      const issued = await auditedChange(store, (tx, record) =>
        beginSession(tx, record, user, 'password'),
      )
      setSessionCookie(reply, issued, deps.secureCookies)
      return { user: userSummary(user), csrfToken: issued.csrfToken }
    },
  )

  app.get(
    '/session',
    {
      config: { access: { kind: 'signed-in' } },
      schema: {
        summary: 'Who is signed in, with which roles',
        tags: TAGS,
        response: {
          200: Type.Object({
            user: UserSummarySchema,
            roles: Type.Array(RoleGrantSchema),
            via: Type.Union([Type.Literal('session'), Type.Literal('token')]),
            csrfToken: Type.Optional(
              Type.String({ description: 'only for a browser session; echo it in x-csrf-token' }),
            ),
            preferences: PreferencesSchema,
          }),
          ...errors(401),
        },
      },
    },
    async (request) => {
      const principal = principalOf(request)
      const roles = await listRoleGrants(store, principal.user.id)
      const session =
        principal.sessionIdHash === undefined
          ? undefined
          : await findSession(store, principal.sessionIdHash)
      return {
        user: userSummary(principal.user),
        roles: [...roles],
        via: principal.via,
        ...(session === undefined ? {} : { csrfToken: session.csrfToken }),
        preferences: await preferencesOf(store, principal.user.id),
      }
    },
  )

  app.delete(
    '/session',
    {
      config: { access: { kind: 'signed-in' } },
      schema: {
        summary: 'Sign out (ends this browser session)',
        tags: TAGS,
        response: {
          204: Type.Null({ description: 'signed out; the cookie is cleared' }),
          ...errors(401, 403),
        },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request)
      if (principal.sessionIdHash !== undefined) await deleteSession(store, principal.sessionIdHash)
      clearSessionCookie(reply, deps.secureCookies)
      return reply.code(204).send(null)
    },
  )

  app.post(
    '/session/password',
    {
      config: { access: { kind: 'signed-in' } },
      schema: {
        summary: 'Change your own password',
        description:
          'Ends every other session of the account; the session that asked stays signed in.',
        tags: TAGS,
        body: Type.Object({
          currentPassword: TypedPasswordSchema,
          newPassword: PasswordSchema,
        }),
        response: { 204: Type.Null({ description: 'changed' }), ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request)
      const { user } = principal
      const { currentPassword, newPassword } = request.body
      if (user.passwordHash === null) {
        throw new ApiError(
          409,
          'no-password',
          'this account signs in through the identity provider and has no password here',
        )
      }
      if (!(await verifyPassword(user.passwordHash, currentPassword))) {
        throw new ApiError(403, 'wrong-password', 'the current password is not right')
      }
      const passwordHash = await hashPassword(newPassword)
      await auditedChange(store, async (tx, record) => {
        await updateUser(tx, user.id, { passwordHash })
        if (principal.sessionIdHash === undefined) await deleteSessionsOf(tx, user.id)
        else await deleteOtherSessionsOf(tx, user.id, principal.sessionIdHash)
        await record({
          actor: user.username,
          action: 'user.password-change',
          subject: `user:${user.id}`,
          before: null,
          after: { otherSessionsEnded: true },
          reason: null,
        })
      })
      return reply.code(204).send(null)
    },
  )

  oidcRoutes(app, deps)
}
