import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import {
  startFakeOidcProvider,
  type FakeIdentity,
  type FakeOidcProvider,
} from '../../../test/support/fake-oidc-provider.js'
import { storeDialects } from '../../../test/support/store-dialects.js'
import { openTestServer, type TestServer } from '../../../test/support/test-server.js'
import { findUserByOidcSubject, listUsers, updateUser } from '../../store/index.js'
import { usernameBase } from './oidc-account.js'

const PUBLIC_URL = 'http://medcyber.test'

const cookieNamed = (
  response: { cookies: { name: string; value: string }[] },
  name: string,
): { name: string; value: string; [attribute: string]: unknown } | undefined =>
  response.cookies.find((cookie) => cookie.name === name)

describe.each(storeDialects)('OIDC sign-in on $name', (dialect) => {
  let provider: FakeOidcProvider
  let server: TestServer

  beforeAll(async () => {
    provider = await startFakeOidcProvider()
    server = await openTestServer(dialect, {
      publicUrl: PUBLIC_URL,
      oidc: {
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecret: provider.clientSecret,
        allowInsecureIssuer: true,
      },
    })
  })
  afterAll(async () => {
    await server.dispose()
    await provider.close()
  })

  /** The browser's part: start at the server, visit the provider, come back with the code. */
  const visitProvider = async (identity: FakeIdentity) => {
    provider.signInAs(identity)
    const login = await server.app.inject({ method: 'GET', url: '/api/auth/oidc/login' })
    expect(login.statusCode).toBe(302)
    const flow = cookieNamed(login, 'medcyber_oidc')
    expect(flow).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/auth/oidc/' })
    const atProvider = await fetch(String(login.headers.location), { redirect: 'manual' })
    expect(atProvider.status).toBe(302)
    const back = new URL(atProvider.headers.get('location') ?? '')
    expect(back.origin + back.pathname).toBe(`${PUBLIC_URL}/api/auth/oidc/callback`)
    return { flowCookie: flow?.value ?? '', back }
  }

  const comeBack = (back: URL, flowCookie: string) =>
    server.app.inject({
      method: 'GET',
      url: back.pathname + back.search,
      cookies: { medcyber_oidc: flowCookie },
    })

  const signIn = async (identity: FakeIdentity) => {
    const { flowCookie, back } = await visitProvider(identity)
    return comeBack(back, flowCookie)
  }

  test('a first sign-in creates an account without roles and opens a browser session', async () => {
    const callback = await signIn({ sub: 'u-100', preferred_username: 'Grace', name: 'Grace H' })
    expect(callback.statusCode).toBe(303)
    expect(callback.headers.location).toBe('/')
    const session = cookieNamed(callback, 'medcyber_session')
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' })

    const me = await server.app.inject({
      method: 'GET',
      url: '/api/session',
      cookies: { medcyber_session: session?.value ?? '' },
    })
    expect(me.statusCode).toBe(200)
    expect(me.json()).toMatchObject({
      user: { username: 'grace', displayName: 'Grace H' },
      roles: [],
      via: 'session',
    })
    const account = await findUserByOidcSubject(server.store, `${provider.issuer}|u-100`)
    expect(account).toMatchObject({ username: 'grace', passwordHash: null, disabled: false })

    // The request to the provider carried PKCE S256, and the provider accepted the verifier.
    const asked = provider.authorizationRequests.at(-1)
    expect(asked?.get('code_challenge_method')).toBe('S256')
    expect(asked?.get('nonce')).toBeTruthy()
    expect(asked?.get('state')).toBeTruthy()
    expect(provider.tokenRequests.at(-1)?.accepted).toBe(true)

    const actions = await server.store.db
      .selectFrom('audit_events')
      .select(['action', 'actor', 'subject'])
      .where('subject', '=', `user:${account?.id ?? ''}`)
      .orderBy('seq')
      .execute()
    expect(actions.map((event) => event.action)).toEqual(['user.create', 'session.sign-in'])
  })

  test('the same identity comes back to the same account; another one gets a unique username', async () => {
    const first = await signIn({ sub: 'u-200', preferred_username: 'linus' })
    const again = await signIn({ sub: 'u-200', preferred_username: 'linus' })
    const namesake = await signIn({ sub: 'u-201', preferred_username: 'linus' })
    const byEmail = await signIn({ sub: 'u-202', email: 'Bob.Smith+ci@example.org' })
    for (const response of [first, again, namesake, byEmail]) expect(response.statusCode).toBe(303)
    const users = await listUsers(server.store)
    const bySubject = (sub: string) =>
      users.find((user) => user.oidcSubject === `${provider.issuer}|${sub}`)?.username
    expect(bySubject('u-200')).toBe('linus')
    expect(bySubject('u-201')).toBe('linus-2')
    expect(bySubject('u-202')).toBe('bob.smith-ci')
    expect(users.filter((user) => user.oidcSubject === `${provider.issuer}|u-200`)).toHaveLength(1)
  })

  test('a callback whose state does not match the browser is refused without a session', async () => {
    const { flowCookie, back } = await visitProvider({
      sub: 'u-300',
      preferred_username: 'mallory',
    })
    back.searchParams.set('state', 'forged-state')
    const callback = await comeBack(back, flowCookie)
    expect(callback.statusCode).toBe(400)
    const { error } = callback.json<{ error: { code: string; message: string } }>()
    expect(error.code).toBe('oidc-sign-in-failed')
    expect(error.message).toMatch(/state/i)
    // Refused before the code was spent at the provider.
    expect(provider.tokenRequests.at(-1)?.body.get('code')).not.toBe(back.searchParams.get('code'))
    expect(cookieNamed(callback, 'medcyber_session')).toBeUndefined()
    expect(await findUserByOidcSubject(server.store, `${provider.issuer}|u-300`)).toBeUndefined()
  })

  test('a tampered ID token is refused without a session or an account', async () => {
    const { flowCookie, back } = await visitProvider({ sub: 'u-400', preferred_username: 'eve' })
    provider.tamperNextIdToken()
    const callback = await comeBack(back, flowCookie)
    expect(callback.statusCode).toBe(400)
    const { error } = callback.json<{ error: { code: string; message: string } }>()
    expect(error.code).toBe('oidc-sign-in-failed')
    expect(error.message).toMatch(/signature/i)
    expect(cookieNamed(callback, 'medcyber_session')).toBeUndefined()
    const users = await listUsers(server.store)
    expect(users.some((user) => user.oidcSubject?.endsWith('|u-400') === true)).toBe(false)
    expect(users.some((user) => user.oidcSubject?.endsWith('|intruder') === true)).toBe(false)
  })

  test('a callback without the flow cookie is refused', async () => {
    const { back } = await visitProvider({ sub: 'u-500', preferred_username: 'trent' })
    const callback = await server.app.inject({ method: 'GET', url: back.pathname + back.search })
    expect(callback.statusCode).toBe(400)
    expect(cookieNamed(callback, 'medcyber_session')).toBeUndefined()
  })

  test('a disabled account gets no session through the provider', async () => {
    const first = await signIn({ sub: 'u-600', preferred_username: 'olivia' })
    expect(first.statusCode).toBe(303)
    const account = await findUserByOidcSubject(server.store, `${provider.issuer}|u-600`)
    await updateUser(server.store, account?.id ?? '', { disabled: true })
    const refused = await signIn({ sub: 'u-600', preferred_username: 'olivia' })
    expect(refused.statusCode).toBe(403)
    expect(refused.json()).toMatchObject({ error: { code: 'account-disabled' } })
    expect(cookieNamed(refused, 'medcyber_session')).toBeUndefined()
  })
})

describe.each(storeDialects)('OIDC sign-in not set up on $name', (dialect) => {
  test('without OIDC settings both routes answer 404 oidc-not-configured', async () => {
    const server = await openTestServer(dialect)
    try {
      for (const url of ['/api/auth/oidc/login', '/api/auth/oidc/callback?code=x&state=y']) {
        const response = await server.app.inject({ method: 'GET', url })
        expect(response.statusCode).toBe(404)
        expect(response.json()).toMatchObject({ error: { code: 'oidc-not-configured' } })
      }
    } finally {
      await server.dispose()
    }
  })

  test('an unreachable identity provider gives 502, and no redirect', async () => {
    const server = await openTestServer(dialect, {
      publicUrl: PUBLIC_URL,
      oidc: { issuer: 'http://127.0.0.1:9/idp', clientId: 'x', allowInsecureIssuer: true },
    })
    try {
      const response = await server.app.inject({ method: 'GET', url: '/api/auth/oidc/login' })
      expect(response.statusCode).toBe(502)
      expect(response.json()).toMatchObject({ error: { code: 'oidc-unavailable' } })
    } finally {
      await server.dispose()
    }
  })
})

describe('usernames for new OIDC accounts', () => {
  const identity = (claims: { preferredUsername?: string; email?: string }) => ({
    subject: 'https://idp.example|1',
    preferredUsername: claims.preferredUsername,
    email: claims.email,
    name: undefined,
  })

  test.each([
    [{ preferredUsername: 'Ada.Lovelace' }, 'ada.lovelace'],
    [{ preferredUsername: 'José Müller' }, 'jos-m-ller'],
    [{ email: 'ci_bot@example.org' }, 'ci_bot'],
    [{ preferredUsername: '--x' }, 'user'],
    [{ preferredUsername: '__admin' }, 'admin'],
    [{}, 'user'],
    [{ preferredUsername: 'a'.repeat(80) }, 'a'.repeat(56)],
  ])('%j becomes %s', (claims, expected) => {
    const name = usernameBase(identity(claims))
    expect(name).toBe(expected)
    expect(name).toMatch(/^[a-z0-9][a-z0-9._-]{1,62}$/)
  })
})
