import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'

import { storeDialects } from '../../../test/support/store-dialects.js'
import { openTestServer, type TestServer } from '../../../test/support/test-server.js'
import { createUser, updateUser, type UserAccount } from '../../store/index.js'
import type * as Passwords from '../auth/passwords.js'
import { hashPassword, verifyPassword } from '../auth/passwords.js'
import { DUMMY_PASSWORD_HASH } from '../auth/sign-in.js'

// Watched, not replaced: the real argon2id runs, and the test sees which hash it was given.
vi.mock('../auth/passwords.js', async (importOriginal) => {
  const actual = await importOriginal<typeof Passwords>()
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) }
})

const START = new Date('2031-03-01T08:00:00.000Z')
const HOUR_MS = 3_600_000

interface Cookie {
  readonly name: string
  readonly value: string
  readonly [attribute: string]: unknown
}

const sessionCookie = (response: { cookies: Cookie[] }): Cookie | undefined =>
  response.cookies.find((cookie) => cookie.name === 'medcyber_session')

/** The salt and hash differ per hash; the algorithm and its cost must not. */
const parametersOf = (hash: string): string => hash.split('$').slice(0, 4).join('$')

describe.each(storeDialects)('sign-in and sessions on $name', (dialect) => {
  let server: TestServer
  let now = START
  let ada: UserAccount
  const password = 'analytical engine 1843'
  let address = 0
  /** Each test signs in from its own address, so the rate limit of one does not reach another. */
  const nextAddress = (): string => {
    address += 1
    return `10.1.0.${String(address)}`
  }

  beforeAll(async () => {
    server = await openTestServer(dialect, { now: () => now })
    const user = await createUser(server.store, {
      username: 'ada',
      displayName: 'Ada Lovelace',
      passwordHash: await hashPassword(password),
    })
    if (user === undefined) throw new Error('ada exists')
    ada = user
  })
  afterAll(async () => {
    await server.dispose()
  })

  const signIn = (username: string, typed: string, remoteAddress = nextAddress()) =>
    server.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username, password: typed },
      remoteAddress,
    })

  const signedIn = async () => {
    const response = await signIn('ada', password)
    expect(response.statusCode).toBe(200)
    const cookie = sessionCookie(response)?.value ?? ''
    const { csrfToken } = response.json<{ csrfToken: string }>()
    return { cookie, csrfToken, cookies: { medcyber_session: cookie } }
  }

  const auditEvents = (action: string) =>
    server.store.db
      .selectFrom('audit_events')
      .select(['actor', 'subject', 'before', 'after', 'reason'])
      .where('action', '=', action)
      .orderBy('seq')
      .execute()

  test('signing in sets a strict httpOnly cookie that GET /api/session accepts', async () => {
    now = START
    const response = await signIn('ada', password)
    expect(response.statusCode).toBe(200)
    const body = response.json<{ csrfToken: string }>()
    expect(body).toMatchObject({
      user: { id: ada.id, username: 'ada', displayName: 'Ada Lovelace' },
    })
    const cookie = sessionCookie(response)
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' })
    expect(cookie?.['secure']).toBeUndefined()
    expect((cookie?.['expires'] as Date).getTime()).toBe(START.getTime() + 12 * HOUR_MS)

    const me = await server.app.inject({
      method: 'GET',
      url: '/api/session',
      cookies: { medcyber_session: cookie?.value ?? '' },
    })
    expect(me.statusCode).toBe(200)
    expect(me.json()).toEqual({
      user: { id: ada.id, username: 'ada', displayName: 'Ada Lovelace' },
      roles: [],
      via: 'session',
      csrfToken: body.csrfToken,
      preferences: { locale: null, advisoriesSeenAt: null },
    })
    const events = await auditEvents('session.sign-in')
    expect(events.at(-1)).toMatchObject({ actor: 'ada', subject: `user:${ada.id}` })
  })

  test('signing in again from a browser that still holds a session cookie needs no CSRF token', async () => {
    now = START
    const { cookies } = await signedIn()
    const again = await server.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'ada', password },
      cookies,
      remoteAddress: nextAddress(),
    })
    expect(again.statusCode).toBe(200)
    expect(sessionCookie(again)?.value).not.toBe(cookies.medcyber_session)
  })

  test('a wrong password and an unknown user get the same 401 and no cookie', async () => {
    const wrong = await signIn('ada', 'not the password at all')
    const unknown = await signIn('nobody-here', password)
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401)
      expect(response.json()).toEqual({
        error: { code: 'sign-in-failed', message: 'wrong username or password' },
      })
      expect(sessionCookie(response)).toBeUndefined()
    }
    const failures = await auditEvents('session.sign-in-failed')
    expect(failures.map((event) => event.actor)).toEqual(
      expect.arrayContaining(['ada', 'nobody-here']),
    )
    expect(failures.find((event) => event.actor === 'ada')?.subject).toBe(`user:${ada.id}`)
  })

  test('an unknown user costs one argon2id verify with the same parameters as a real one', async () => {
    // Equal parameters mean equal work, so the response time does not reveal which names exist.
    expect(ada.passwordHash).toMatch(/^\$argon2id\$/)
    expect(parametersOf(DUMMY_PASSWORD_HASH)).toBe(parametersOf(ada.passwordHash ?? ''))
    const oidcOnly = await createUser(server.store, {
      username: 'oidc-only',
      displayName: 'No password',
      passwordHash: null,
    })
    expect(oidcOnly).toBeDefined()
    for (const username of ['nobody-at-all', 'oidc-only']) {
      vi.mocked(verifyPassword).mockClear()
      expect((await signIn(username, password)).statusCode).toBe(401)
      expect(vi.mocked(verifyPassword).mock.calls).toEqual([[DUMMY_PASSWORD_HASH, password]])
    }
  })

  test('usernames are matched without regard to case or surrounding spaces', async () => {
    const response = await signIn('  ADA ', password)
    expect(response.statusCode).toBe(200)
  })

  test('a disabled account is refused even with the right password', async () => {
    await updateUser(server.store, ada.id, { disabled: true })
    try {
      const right = await signIn('ada', password)
      expect(right.statusCode).toBe(403)
      expect(right.json()).toMatchObject({ error: { code: 'account-disabled' } })
      expect(sessionCookie(right)).toBeUndefined()
      const wrong = await signIn('ada', 'not the password at all')
      expect(wrong.statusCode).toBe(401)
    } finally {
      await updateUser(server.store, ada.id, { disabled: false })
    }
  })

  test('a changing request with the cookie needs the session CSRF token in x-csrf-token', async () => {
    const { csrfToken, cookies } = await signedIn()
    const create = (headers: Record<string, string>) =>
      server.app.inject({
        method: 'POST',
        url: '/api/tokens',
        cookies,
        headers,
        payload: { name: 'from the browser' },
      })
    const without = await create({})
    expect(without.statusCode).toBe(403)
    expect(without.json()).toMatchObject({ error: { code: 'csrf' } })
    const wrong = await create({ 'x-csrf-token': `${csrfToken.slice(0, -2)}xx` })
    expect(wrong.statusCode).toBe(403)
    expect(wrong.json()).toMatchObject({ error: { code: 'csrf' } })
    const right = await create({ 'x-csrf-token': csrfToken })
    expect(right.statusCode).toBe(201)
  })

  test('signing out clears the cookie and ends the session', async () => {
    const { csrfToken, cookies } = await signedIn()
    const out = await server.app.inject({
      method: 'DELETE',
      url: '/api/session',
      cookies,
      headers: { 'x-csrf-token': csrfToken },
    })
    expect(out.statusCode).toBe(204)
    const cleared = sessionCookie(out)
    expect(cleared?.value).toBe('')
    expect((cleared?.['expires'] as Date).getTime()).toBeLessThan(Date.now())
    const after = await server.app.inject({ method: 'GET', url: '/api/session', cookies })
    expect(after.statusCode).toBe(401)
  })

  test('a session is refused once it has expired', async () => {
    now = START
    const { cookies } = await signedIn()
    now = new Date(START.getTime() + 11 * HOUR_MS)
    expect(
      (await server.app.inject({ method: 'GET', url: '/api/session', cookies })).statusCode,
    ).toBe(200)
    now = new Date(START.getTime() + 12 * HOUR_MS + 1000)
    const expired = await server.app.inject({ method: 'GET', url: '/api/session', cookies })
    expect(expired.statusCode).toBe(401)
    now = START
  })

  test('a disabled account loses its open sessions and its API tokens', async () => {
    const { cookies } = await signedIn()
    const user = await server.userWith([{ productId: '*', role: 'viewer' }])
    await updateUser(server.store, ada.id, { disabled: true })
    await updateUser(server.store, user.id, { disabled: true })
    try {
      const session = await server.app.inject({ method: 'GET', url: '/api/session', cookies })
      expect(session.statusCode).toBe(401)
      const token = await server.app.inject({
        method: 'GET',
        url: '/api/session',
        headers: user.headers,
      })
      expect(token.statusCode).toBe(401)
    } finally {
      await updateUser(server.store, ada.id, { disabled: false })
    }
  })

  test('GET /api/session with a token names the roles and gives no CSRF token', async () => {
    const user = await server.userWith([
      { productId: '*', role: 'viewer' },
      { productId: 'pump', role: 'approver' },
    ])
    const me = await server.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: user.headers,
    })
    expect(me.statusCode).toBe(200)
    const body = me.json<Record<string, unknown>>()
    expect(body).toMatchObject({ user: { id: user.id }, via: 'token' })
    expect(body['roles']).toEqual(
      expect.arrayContaining([
        { productId: '*', role: 'viewer' },
        { productId: 'pump', role: 'approver' },
      ]),
    )
    expect(body).not.toHaveProperty('csrfToken')
    const anonymous = await server.app.inject({ method: 'GET', url: '/api/session' })
    expect(anonymous.statusCode).toBe(401)
  })

  test('bad sign-in bodies get 400 naming the field', async () => {
    const missing = await server.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'ada' },
      remoteAddress: nextAddress(),
    })
    expect(missing.statusCode).toBe(400)
    expect(missing.json()).toMatchObject({
      error: { code: 'invalid-request', details: [{ path: 'body/password' }] },
    })
    const wrongType = await server.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'ada', password: '' },
      remoteAddress: nextAddress(),
    })
    expect(wrongType.statusCode).toBe(400)
    expect(wrongType.json()).toMatchObject({ error: { details: [{ path: 'body/password' }] } })
  })

  test('sign-in attempts are limited per address', async () => {
    const attacker = nextAddress()
    const attempt = (remoteAddress: string) =>
      server.app.inject({ method: 'POST', url: '/api/session', payload: {}, remoteAddress })
    for (let n = 0; n < 10; n += 1) expect((await attempt(attacker)).statusCode).toBe(400)
    const limited = await attempt(attacker)
    expect(limited.statusCode).toBe(429)
    expect(limited.json()).toMatchObject({ error: { code: 'rate-limited' } })
    expect((await attempt(nextAddress())).statusCode).toBe(400)
  })
})

describe.each(storeDialects)('changing one’s own password on $name', (dialect) => {
  let server: TestServer
  const oldPassword = 'first password, long enough'
  const newPassword = 'second password, also long'

  beforeAll(async () => {
    server = await openTestServer(dialect)
    await createUser(server.store, {
      username: 'grace',
      displayName: 'Grace Hopper',
      passwordHash: await hashPassword(oldPassword),
    })
  })
  afterAll(async () => {
    await server.dispose()
  })

  const signIn = (password: string, remoteAddress: string) =>
    server.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'grace', password },
      remoteAddress,
    })

  test('needs the current password, ends the other sessions and keeps this one', async () => {
    const here = await signIn(oldPassword, '10.2.0.1')
    const elsewhere = await signIn(oldPassword, '10.2.0.2')
    const hereCookies = { medcyber_session: sessionCookie(here)?.value ?? '' }
    const elsewhereCookies = { medcyber_session: sessionCookie(elsewhere)?.value ?? '' }
    const change = (payload: Record<string, string>) =>
      server.app.inject({
        method: 'POST',
        url: '/api/session/password',
        cookies: hereCookies,
        headers: { 'x-csrf-token': here.json<{ csrfToken: string }>().csrfToken },
        payload,
      })

    const wrong = await change({ currentPassword: 'not my password', newPassword })
    expect(wrong.statusCode).toBe(403)
    expect(wrong.json()).toMatchObject({ error: { code: 'wrong-password' } })
    const short = await change({ currentPassword: oldPassword, newPassword: 'short' })
    expect(short.statusCode).toBe(400)
    expect(short.json()).toMatchObject({ error: { details: [{ path: 'body/newPassword' }] } })

    const changed = await change({ currentPassword: oldPassword, newPassword })
    expect(changed.statusCode).toBe(204)
    const stillHere = await server.app.inject({
      method: 'GET',
      url: '/api/session',
      cookies: hereCookies,
    })
    expect(stillHere.statusCode).toBe(200)
    const goneElsewhere = await server.app.inject({
      method: 'GET',
      url: '/api/session',
      cookies: elsewhereCookies,
    })
    expect(goneElsewhere.statusCode).toBe(401)

    expect((await signIn(oldPassword, '10.2.0.3')).statusCode).toBe(401)
    expect((await signIn(newPassword, '10.2.0.4')).statusCode).toBe(200)

    const stored = await server.store.db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'grace')
      .executeTakeFirstOrThrow()
    expect(stored.password_hash).toMatch(/^\$argon2id\$/)
    const events = await server.store.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'user.password-change')
      .execute()
    expect(events).toHaveLength(1)
    expect(JSON.stringify(events)).not.toContain('$argon2')
    expect(JSON.stringify(events)).not.toContain(newPassword)
  })
})
