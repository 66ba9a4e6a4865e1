import { Type } from '@sinclair/typebox'

import type { ApiApp } from '../api-app.js'
import { ApiError } from '../api-error.js'
import { errors } from '../product-schemas.js'
import type { ServerDeps } from '../server-deps.js'
import { auditedChange } from './audited-change.js'
import { decodeFlow, encodeFlow, oidcSignIn, signInFailed, type OidcSignIn } from './oidc.js'
import { accountForIdentity } from './oidc-account.js'
import { beginSession, setSessionCookie } from './session-cookie.js'

const FLOW_COOKIE = 'medcyber_oidc'
/** Time to sign in at the provider; the attempt's secrets are useless after it. */
const FLOW_SECONDS = 600
const TAGS = ['session']

const notConfigured = (): ApiError =>
  new ApiError(404, 'oidc-not-configured', 'this server has no OIDC identity provider configured')

const queryOf = (url: string): string => {
  const mark = url.indexOf('?')
  return mark === -1 ? '' : url.slice(mark + 1)
}

const configuredSignIn = (deps: ServerDeps): OidcSignIn | undefined => {
  if (deps.oidc === undefined) return undefined
  // The redirect URI must be the one registered with the provider, never one built from the
  // request's Host header, which the client controls.
  if (deps.publicUrl === undefined)
    throw new Error('OIDC sign-in needs the public URL of the server')
  return oidcSignIn(deps.oidc, deps.publicUrl)
}

/** Sign-in through the organisation's OpenID Connect provider (authorization code + PKCE). */
export const oidcRoutes = (app: ApiApp, deps: ServerDeps): void => {
  const signIn = configuredSignIn(deps)
  // The flow cookie goes only to the callback, and with SameSite=Lax: the provider's redirect
  // back is a cross-site navigation, on which a Strict cookie would not be sent.
  const flowCookie = {
    httpOnly: true,
    sameSite: 'lax',
    secure: deps.secureCookies,
    path: signIn === undefined ? '/' : new URL('.', signIn.redirectUri).pathname,
  } as const
  const home = signIn === undefined ? '/' : new URL('../../../', signIn.redirectUri).pathname

  app.get(
    '/auth/oidc/login',
    {
      config: { access: { kind: 'public' } },
      schema: {
        summary: 'Start signing in at the OIDC identity provider',
        description: 'Redirects the browser to the provider; it comes back to the callback.',
        tags: TAGS,
        security: [],
        response: {
          302: Type.Null({ description: "to the provider's authorization endpoint" }),
          ...errors(404, 502),
        },
      },
    },
    async (_request, reply) => {
      if (signIn === undefined) throw notConfigured()
      const { authorizationUrl, flow } = await signIn.start()
      void reply.setCookie(FLOW_COOKIE, encodeFlow(flow), { ...flowCookie, maxAge: FLOW_SECONDS })
      return reply.redirect(authorizationUrl.href, 302)
    },
  )

  app.get(
    '/auth/oidc/callback',
    {
      config: { access: { kind: 'public' } },
      schema: {
        summary: 'Where the OIDC identity provider sends the browser back',
        description:
          'Exchanges the code, validates the ID token, opens a session (a first sign-in creates an account without roles) and redirects to the web app.',
        tags: TAGS,
        security: [],
        querystring: Type.Object({
          code: Type.Optional(Type.String()),
          state: Type.Optional(Type.String()),
          error: Type.Optional(Type.String()),
          error_description: Type.Optional(Type.String()),
        }),
        response: {
          303: Type.Null({ description: 'signed in; to the web app' }),
          ...errors(400, 403, 404, 502),
        },
      },
    },
    async (request, reply) => {
      if (signIn === undefined) throw notConfigured()
      const flow = decodeFlow(request.cookies[FLOW_COOKIE])
      // One attempt, one use: the secrets go whatever the outcome.
      void reply.clearCookie(FLOW_COOKIE, flowCookie)
      if (flow === undefined) {
        throw signInFailed('the sign-in started too long ago or in another browser; start again')
      }
      const identity = await signIn.finish(queryOf(request.url), flow)
      const outcome = await auditedChange(deps.store, async (tx, record) => {
        const user = await accountForIdentity(tx, record, identity)
        if (!user.disabled) return { user, issued: await beginSession(tx, record, user, 'oidc') }
        await record({
          actor: user.username,
          action: 'session.sign-in-failed',
          subject: `user:${user.id}`,
          before: null,
          after: null,
          reason: 'account disabled',
        })
        return { user, issued: undefined }
      })
      if (outcome.issued === undefined) {
        throw new ApiError(
          403,
          'account-disabled',
          'this account is disabled; ask an administrator',
        )
      }
      setSessionCookie(reply, outcome.issued, deps.secureCookies)
      return reply.redirect(home, 303)
    },
  )
}
