import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { storeDialects } from '../../../test/support/store-dialects.js'
import { openTestServer, type TestServer } from '../../../test/support/test-server.js'

const START = new Date('2031-06-01T00:00:00.000Z')
const DAY_MS = 86_400_000

interface Token {
  readonly id: string
  readonly name: string
  readonly expiresAt: string | null
  readonly revokedAt: string | null
  readonly state: string
}

describe.each(storeDialects)('API tokens on $name', (dialect) => {
  let server: TestServer
  let now = START

  beforeAll(async () => {
    server = await openTestServer(dialect, { now: () => now })
  })
  afterAll(async () => {
    await server.dispose()
  })

  const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` })
  const whoAmI = (secret: string) =>
    server.app.inject({ method: 'GET', url: '/api/session', headers: bearer(secret) })

  const create = async (headers: Record<string, string>, payload: object) => {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers,
      payload,
    })
    expect(response.statusCode).toBe(201)
    return response.json<{ token: Token; secret: string }>()
  }

  const list = async (headers: Record<string, string>) =>
    (await server.app.inject({ method: 'GET', url: '/api/tokens', headers })).json<{
      tokens: Token[]
    }>().tokens

  test('a new token shows its secret once, works at once, and is listed without it', async () => {
    now = START
    const user = await server.userWith([{ productId: '*', role: 'viewer' }])
    const { token, secret } = await create(user.headers, { name: 'ci pipeline' })
    expect(secret).toMatch(/^mcy_[A-Za-z0-9_-]{40,}$/)
    expect(token).toMatchObject({
      name: 'ci pipeline',
      expiresAt: null,
      revokedAt: null,
      state: 'live',
    })

    const me = await whoAmI(secret)
    expect(me.statusCode).toBe(200)
    expect(me.json()).toMatchObject({ user: { id: user.id }, via: 'token' })

    const listed = await server.app.inject({
      method: 'GET',
      url: '/api/tokens',
      headers: user.headers,
    })
    expect(listed.statusCode).toBe(200)
    expect(listed.body).not.toContain(secret)
    // Made in the same instant as the test's own token, so ordered by name.
    expect(listed.json<{ tokens: Token[] }>().tokens.map((held) => held.name)).toEqual([
      'ci pipeline',
      'test',
    ])
    const stored = await server.store.db
      .selectFrom('api_tokens')
      .select('token_hash')
      .where('id', '=', token.id)
      .executeTakeFirstOrThrow()
    expect(stored.token_hash).not.toContain(secret)

    const event = await server.store.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'token.create')
      .where('subject', '=', `token:${token.id}`)
      .executeTakeFirstOrThrow()
    expect(event.actor).toBe(user.username)
    expect(JSON.stringify(event)).not.toContain(secret)
  })

  test('a token with an expiry stops working when it expires', async () => {
    now = START
    const user = await server.userWith([])
    const { token, secret } = await create(user.headers, { name: 'nightly', expiresInDays: 2 })
    expect(token.expiresAt).toBe(new Date(START.getTime() + 2 * DAY_MS).toISOString())
    now = new Date(START.getTime() + 2 * DAY_MS - 1000)
    expect((await whoAmI(secret)).statusCode).toBe(200)
    now = new Date(START.getTime() + 2 * DAY_MS)
    const expired = await whoAmI(secret)
    expect(expired.statusCode).toBe(401)
    expect(expired.json()).toMatchObject({ error: { code: 'unauthorized' } })
    const states = await list(user.headers)
    expect(states.find((held) => held.id === token.id)?.state).toBe('expired')
    now = START
  })

  test('a revoked token gets 401; revoking twice is harmless and audited once', async () => {
    now = START
    const user = await server.userWith([])
    const { token, secret } = await create(user.headers, { name: 'to revoke' })
    const revoke = () =>
      server.app.inject({ method: 'DELETE', url: `/api/tokens/${token.id}`, headers: user.headers })
    expect((await revoke()).statusCode).toBe(204)
    expect((await whoAmI(secret)).statusCode).toBe(401)
    expect((await revoke()).statusCode).toBe(204)
    const states = await list(user.headers)
    expect(states.find((held) => held.id === token.id)).toMatchObject({
      state: 'revoked',
      revokedAt: START.toISOString(),
    })
    const events = await server.store.db
      .selectFrom('audit_events')
      .select(['actor', 'action'])
      .where('subject', '=', `token:${token.id}`)
      .orderBy('seq')
      .execute()
    expect(events).toEqual([
      { actor: user.username, action: 'token.create' },
      { actor: user.username, action: 'token.revoke' },
    ])
  })

  test("someone else's token is not found and keeps working", async () => {
    const owner = await server.userWith([])
    const other = await server.userWith([{ productId: '*', role: 'admin' }])
    const { token, secret } = await create(owner.headers, { name: 'mine' })
    const attempt = await server.app.inject({
      method: 'DELETE',
      url: `/api/tokens/${token.id}`,
      headers: other.headers,
    })
    expect(attempt.statusCode).toBe(404)
    expect((await whoAmI(secret)).statusCode).toBe(200)
    expect((await list(other.headers)).map((held) => held.id)).not.toContain(token.id)
  })

  test('bad token bodies get 400 naming the field, and no one signed in gets 401', async () => {
    const user = await server.userWith([])
    const cases: [object, string][] = [
      [{}, 'body/name'],
      [{ name: '' }, 'body/name'],
      [{ name: 'x', expiresInDays: 0 }, 'body/expiresInDays'],
      [{ name: 'x', expiresInDays: 1.5 }, 'body/expiresInDays'],
    ]
    for (const [payload, path] of cases) {
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/tokens',
        headers: user.headers,
        payload,
      })
      expect(response.statusCode, JSON.stringify(payload)).toBe(400)
      expect(response.json()).toMatchObject({ error: { details: [{ path }] } })
    }
    const anonymous = await server.app.inject({ method: 'GET', url: '/api/tokens' })
    expect(anonymous.statusCode).toBe(401)
  })
})
