import { Type } from '@sinclair/typebox'

import { listApiTokens, revokeApiToken, type StoredApiToken } from '../../store/index.js'
import type { ApiRoutes } from '../api-app.js'
import { notFound } from '../api-error.js'
import { auditedChange } from '../auth/audited-change.js'
import { issueApiToken } from '../auth/issue-credentials.js'
import { principalOf } from '../auth/signed-in.js'
import { errors } from '../product-schemas.js'

const TAGS = ['tokens']
const DAY_MS = 86_400_000
/** Ten years: long-lived CI tokens are a choice, endless ones need none of this field. */
const MAX_DAYS = 3650

const TokenSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  revokedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  state: Type.Union([Type.Literal('live'), Type.Literal('expired'), Type.Literal('revoked')]),
})

const tokenView = (token: StoredApiToken, now: Date) => ({
  id: token.id,
  name: token.name,
  createdAt: token.createdAt,
  expiresAt: token.expiresAt,
  revokedAt: token.revokedAt,
  state:
    token.revokedAt !== null
      ? ('revoked' as const)
      : token.expiresAt !== null && token.expiresAt <= now.toISOString()
        ? ('expired' as const)
        : ('live' as const),
})

/** A user's own API tokens, for CI and scripts: `Authorization: Bearer mcy_…`. */
export const tokenRoutes: ApiRoutes = (app, deps) => {
  const { store } = deps

  app.get(
    '/tokens',
    {
      config: { access: { kind: 'signed-in' } },
      schema: {
        summary: 'List your API tokens (never their secrets)',
        tags: TAGS,
        response: { 200: Type.Object({ tokens: Type.Array(TokenSchema) }), ...errors(401) },
      },
    },
    async (request) => {
      const { user } = principalOf(request)
      const now = store.now()
      return { tokens: (await listApiTokens(store, user.id)).map((token) => tokenView(token, now)) }
    },
  )

  app.post(
    '/tokens',
    {
      config: { access: { kind: 'signed-in' } },
      schema: {
        summary: 'Create an API token; its secret is shown this once',
        tags: TAGS,
        body: Type.Object({
          name: Type.String({
            minLength: 1,
            maxLength: 100,
            description: 'e.g. the CI job using it',
          }),
          expiresInDays: Type.Optional(
            Type.Integer({
              minimum: 1,
              maximum: MAX_DAYS,
              description: 'omitted: the token lasts until revoked',
            }),
          ),
        }),
        response: {
          201: Type.Object({
            token: TokenSchema,
            secret: Type.String({ description: 'send as `Authorization: Bearer <secret>`' }),
          }),
          ...errors(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const { user } = principalOf(request)
      const { name, expiresInDays } = request.body
      const now = store.now()
      const expiresAt =
        expiresInDays === undefined ? null : new Date(now.getTime() + expiresInDays * DAY_MS)
      const issued = await auditedChange(store, async (tx, record) => {
        const made = await issueApiToken(tx, user.id, name, expiresAt)
        await record({
          actor: user.username,
          action: 'token.create',
          subject: `token:${made.token.id}`,
          before: null,
          after: { userId: user.id, name, expiresAt: made.token.expiresAt },
          reason: null,
        })
        return made
      })
      return reply.code(201).send({ token: tokenView(issued.token, now), secret: issued.secret })
    },
  )

  app.delete(
    '/tokens/:tokenId',
    {
      config: { access: { kind: 'signed-in' } },
      schema: {
        summary: 'Revoke one of your API tokens',
        tags: TAGS,
        params: Type.Object({ tokenId: Type.String({ minLength: 1, maxLength: 100 }) }),
        response: { 204: Type.Null({ description: 'revoked' }), ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { user } = principalOf(request)
      const { tokenId } = request.params
      await auditedChange(store, async (tx, record) => {
        const token = (await listApiTokens(tx, user.id)).find((held) => held.id === tokenId)
        // Someone else's token answers exactly like one that does not exist.
        if (token === undefined) throw notFound(`API token ${tokenId}`)
        if (!(await revokeApiToken(tx, user.id, tokenId))) return
        await record({
          actor: user.username,
          action: 'token.revoke',
          subject: `token:${tokenId}`,
          before: { userId: user.id, name: token.name, revokedAt: null },
          after: { userId: user.id, name: token.name, revokedAt: tx.now().toISOString() },
          reason: null,
        })
      })
      return reply.code(204).send(null)
    },
  )
}
