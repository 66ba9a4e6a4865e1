import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { storeDialects } from '../../../test/support/store-dialects.js'
import {
  openTestServer,
  type TestServer,
  type TestUser,
} from '../../../test/support/test-server.js'
import { createUser } from '../../store/index.js'
import { hashPassword } from '../auth/passwords.js'

const START = new Date('2031-03-01T08:00:00.000Z')

interface Preferences {
  locale: string | null
  advisoriesSeenAt: string | null
}

describe.each(storeDialects)('user preferences on $name', (dialect) => {
  let server: TestServer
  let now = START

  beforeAll(async () => {
    server = await openTestServer(dialect, { now: () => now })
  })
  afterAll(async () => {
    await server.dispose()
  })

  const sessionOf = async (user: TestUser): Promise<Preferences> => {
    const response = await server.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: user.headers,
    })
    expect(response.statusCode, response.body).toBe(200)
    return response.json<{ preferences: Preferences }>().preferences
  }

  const patch = (headers: Record<string, string>, payload: object, cookies = {}) =>
    server.app.inject({
      method: 'PATCH',
      url: '/api/session/preferences',
      headers,
      cookies,
      payload,
    })

  test('language and the advisories-seen mark round-trip; another user keeps theirs', async () => {
    const ada = await server.userWith([])
    const grace = await server.userWith([{ productId: '*', role: 'viewer' }])
    expect(await sessionOf(ada)).toEqual({ locale: null, advisoriesSeenAt: null })

    const language = await patch(ada.headers, { locale: 'ja' })
    expect(language.statusCode, language.body).toBe(200)
    expect(language.json()).toEqual({ locale: 'ja', advisoriesSeenAt: null })

    now = new Date('2031-03-02T10:15:00.000Z')
    const seen = await patch(ada.headers, { advisoriesSeen: true })
    expect(seen.json()).toEqual({ locale: 'ja', advisoriesSeenAt: '2031-03-02T10:15:00.000Z' })
    expect(await sessionOf(ada)).toEqual({
      locale: 'ja',
      advisoriesSeenAt: '2031-03-02T10:15:00.000Z',
    })

    // An empty change keeps both; switching language keeps the mark.
    expect((await patch(ada.headers, {})).json()).toEqual(await sessionOf(ada))
    expect((await patch(ada.headers, { locale: 'en' })).json()).toEqual({
      locale: 'en',
      advisoriesSeenAt: '2031-03-02T10:15:00.000Z',
    })
    expect(await sessionOf(grace)).toEqual({ locale: null, advisoriesSeenAt: null })
    now = START
  })

  test.each([
    ['a language the app does not have', { locale: 'fr' }],
    ['advisoriesSeen other than true', { advisoriesSeen: false }],
    ['an unknown field', { theme: 'dark' }],
  ])('refuses %s and changes nothing', async (_, payload) => {
    const user = await server.userWith([])
    await patch(user.headers, { locale: 'ja' })
    const refused = await patch(user.headers, payload)
    expect(refused.statusCode).toBe(400)
    expect(refused.json()).toMatchObject({ error: { code: 'invalid-request' } })
    expect(await sessionOf(user)).toEqual({ locale: 'ja', advisoriesSeenAt: null })
  })

  test('a browser session must send the CSRF token to change them', async () => {
    const password = 'correct horse battery staple'
    const created = await createUser(server.store, {
      username: 'browser-user',
      displayName: 'Browser User',
      passwordHash: await hashPassword(password),
    })
    expect(created).toBeDefined()
    const signIn = await server.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'browser-user', password },
    })
    expect(signIn.statusCode).toBe(200)
    const cookie = signIn.cookies.find((item) => item.name === 'medcyber_session')?.value ?? ''
    const { csrfToken } = signIn.json<{ csrfToken: string }>()
    const cookies = { medcyber_session: cookie }

    const withoutToken = await patch({}, { locale: 'ja' }, cookies)
    expect(withoutToken.statusCode).toBe(403)
    expect(withoutToken.json()).toMatchObject({ error: { code: 'csrf' } })
    const me = await server.app.inject({ method: 'GET', url: '/api/session', cookies })
    expect(me.json<{ preferences: Preferences }>().preferences.locale).toBeNull()

    const withToken = await patch({ 'x-csrf-token': csrfToken }, { locale: 'ja' }, cookies)
    expect(withToken.statusCode, withToken.body).toBe(200)
    expect(withToken.json<Preferences>().locale).toBe('ja')
  })

  test('signed out, nothing can be changed', async () => {
    const response = await patch({}, { locale: 'ja' })
    expect(response.statusCode).toBe(401)
  })
})
