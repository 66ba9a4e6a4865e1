import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { storeDialects } from '../../../test/support/store-dialects.js'
import {
  openTestServer,
  type TestServer,
  type TestUser,
} from '../../../test/support/test-server.js'
import { verifyAuditChain } from '../../store/index.js'

interface Account {
  readonly id: string
  readonly username: string
  readonly displayName: string
  readonly disabled: boolean
  readonly hasPassword: boolean
  readonly roles: readonly { productId: string; role: string }[]
}

describe.each(storeDialects)('user administration on $name', (dialect) => {
  let server: TestServer
  let admin: TestUser
  let viewer: TestUser

  beforeAll(async () => {
    server = await openTestServer(dialect)
    admin = await server.userWith([{ productId: '*', role: 'admin' }])
    viewer = await server.userWith([{ productId: '*', role: 'viewer' }])
    await server.store.db
      .insertInto('products')
      .values({ id: 'pump', name: 'Infusion pump', created_at: new Date().toISOString() })
      .execute()
  })
  afterAll(async () => {
    await server.dispose()
  })

  const asAdmin = (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ) =>
    server.app.inject({
      method,
      url,
      headers: admin.headers,
      ...(payload === undefined ? {} : { payload }),
    })

  const lastEvent = async (action: string) =>
    server.store.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', action)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst()

  test('a viewer gets 403 on every users route, and no one signed in gets 401', async () => {
    const routes = [
      ['GET', '/api/users'],
      ['POST', '/api/users'],
      ['PATCH', `/api/users/${viewer.id}`],
      ['PUT', `/api/users/${viewer.id}/roles/admin?productId=*`],
      ['DELETE', `/api/users/${viewer.id}/roles/viewer?productId=*`],
    ] as const
    for (const [method, url] of routes) {
      const payload = method === 'POST' ? { username: 'sneaky', displayName: 'S' } : {}
      const asViewer = await server.app.inject({ method, url, headers: viewer.headers, payload })
      expect(asViewer.statusCode, `${method} ${url}`).toBe(403)
      const anonymous = await server.app.inject({ method, url, payload })
      expect(anonymous.statusCode, `${method} ${url}`).toBe(401)
    }
    const roles = await server.store.db
      .selectFrom('product_roles')
      .select('role')
      .where('user_id', '=', viewer.id)
      .execute()
    expect(roles.map((row) => row.role)).toEqual(['viewer'])
  })

  test('an admin creates an account with an argon2id password, which can then sign in', async () => {
    const password = 'a fresh and long password'
    const created = await asAdmin('POST', '/api/users', {
      username: 'marie',
      displayName: 'Marie Curie',
      password,
    })
    expect(created.statusCode).toBe(201)
    const account = created.json<Account>()
    expect(account).toMatchObject({
      username: 'marie',
      displayName: 'Marie Curie',
      disabled: false,
      hasPassword: true,
      roles: [],
    })
    expect(created.body).not.toContain('argon2')
    const stored = await server.store.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', account.id)
      .executeTakeFirstOrThrow()
    expect(stored.password_hash).toMatch(/^\$argon2id\$/)

    const signIn = await server.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { username: 'marie', password },
    })
    expect(signIn.statusCode).toBe(200)

    const event = await lastEvent('user.create')
    expect(event).toMatchObject({ actor: admin.username, subject: `user:${account.id}` })
    expect(JSON.parse(event?.after ?? '{}')).toMatchObject({ username: 'marie', hasPassword: true })
    expect(event?.after).not.toContain('$argon2')

    const again = await asAdmin('POST', '/api/users', { username: 'marie', displayName: 'Other' })
    expect(again.statusCode).toBe(409)
    expect(again.json()).toMatchObject({ error: { code: 'username-taken' } })
  })

  test('bad account bodies get 400 naming the field', async () => {
    const cases: [object, string][] = [
      [{ username: 'Bad Name', displayName: 'x' }, 'body/username'],
      [{ username: 'x', displayName: 'x' }, 'body/username'],
      [{ username: 'okname' }, 'body/displayName'],
      [{ username: 'okname', displayName: 'x', password: 'short' }, 'body/password'],
    ]
    for (const [payload, path] of cases) {
      const response = await asAdmin('POST', '/api/users', payload)
      expect(response.statusCode, JSON.stringify(payload)).toBe(400)
      expect(response.json()).toMatchObject({ error: { details: [{ path }] } })
    }
    const patch = await asAdmin('PATCH', `/api/users/${viewer.id}`, { disabled: 'yes' })
    expect(patch.statusCode).toBe(400)
    expect(patch.json()).toMatchObject({ error: { details: [{ path: 'body/disabled' }] } })
  })

  test('the list shows every account with its role grants and no secrets', async () => {
    const response = await asAdmin('GET', '/api/users')
    expect(response.statusCode).toBe(200)
    const { users } = response.json<{ users: Account[] }>()
    expect(users.find((user) => user.id === admin.id)?.roles).toEqual([
      { productId: '*', role: 'admin' },
    ])
    expect(users.find((user) => user.id === viewer.id)?.roles).toEqual([
      { productId: '*', role: 'viewer' },
    ])
    expect(response.body).not.toMatch(/passwordHash|argon2|oidcSubject/)
  })

  test('renaming is audited with before and after; an unknown user is 404', async () => {
    const target = await server.userWith([])
    const renamed = await asAdmin('PATCH', `/api/users/${target.id}`, { displayName: 'Renamed' })
    expect(renamed.statusCode).toBe(200)
    expect(renamed.json()).toMatchObject({ displayName: 'Renamed', disabled: false })
    const event = await lastEvent('user.update')
    expect(event).toMatchObject({ actor: admin.username, subject: `user:${target.id}` })
    expect(JSON.parse(event?.before ?? '{}')).toMatchObject({
      displayName: `Test ${target.username}`,
    })
    expect(JSON.parse(event?.after ?? '{}')).toMatchObject({ displayName: 'Renamed' })

    const missing = await asAdmin('PATCH', '/api/users/no-such-user', { displayName: 'X' })
    expect(missing.statusCode).toBe(404)
  })

  test('disabling an account stops its token and signs it out; re-enabling restores the token', async () => {
    const target = await server.userWith([{ productId: '*', role: 'viewer' }])
    const disable = await asAdmin('PATCH', `/api/users/${target.id}`, { disabled: true })
    expect(disable.statusCode).toBe(200)
    expect(disable.json()).toMatchObject({ disabled: true })
    const refused = await server.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: target.headers,
    })
    expect(refused.statusCode).toBe(401)
    await asAdmin('PATCH', `/api/users/${target.id}`, { disabled: false })
    const back = await server.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: target.headers,
    })
    expect(back.statusCode).toBe(200)
  })

  test('setting a password or disabling an account signs it out everywhere', async () => {
    const created = await asAdmin('POST', '/api/users', {
      username: 'rosalind',
      displayName: 'Rosalind Franklin',
    })
    const { id } = created.json<Account>()
    let address = 0
    const signIn = async (password: string) => {
      address += 1
      const response = await server.app.inject({
        method: 'POST',
        url: '/api/session',
        payload: { username: 'rosalind', password },
        remoteAddress: `10.3.0.${String(address)}`,
      })
      expect(response.statusCode).toBe(200)
      const cookie = response.cookies.find((each) => each.name === 'medcyber_session')
      return { medcyber_session: cookie?.value ?? '' }
    }
    const sessionWorks = async (cookies: Record<string, string>) =>
      (await server.app.inject({ method: 'GET', url: '/api/session', cookies })).statusCode === 200

    const first = 'set by the administrator'
    const set = await asAdmin('PATCH', `/api/users/${id}`, { password: first })
    expect(set.statusCode).toBe(200)
    expect(set.json()).toMatchObject({ hasPassword: true })
    const before = await signIn(first)
    expect(await sessionWorks(before)).toBe(true)

    const second = 'reset by the administrator'
    await asAdmin('PATCH', `/api/users/${id}`, { password: second })
    expect(await sessionWorks(before)).toBe(false)
    const event = await lastEvent('user.update')
    expect(JSON.stringify(event)).not.toContain(second)
    expect(JSON.stringify(event)).not.toContain('$argon2')

    const after = await signIn(second)
    await asAdmin('PATCH', `/api/users/${id}`, { disabled: true })
    await asAdmin('PATCH', `/api/users/${id}`, { disabled: false })
    // Re-enabling does not bring the ended session back.
    expect(await sessionWorks(after)).toBe(false)
  })

  test('an admin cannot disable themself', async () => {
    const response = await asAdmin('PATCH', `/api/users/${admin.id}`, { disabled: true })
    expect(response.statusCode).toBe(409)
    expect(response.json()).toMatchObject({ error: { code: 'self-lockout' } })
    const me = await server.app.inject({
      method: 'GET',
      url: '/api/session',
      headers: admin.headers,
    })
    expect(me.statusCode).toBe(200)
  })

  test('granting and revoking roles takes effect at once and is audited', async () => {
    const target = await server.userWith([])
    const before = await server.app.inject({
      method: 'GET',
      url: '/api/users',
      headers: target.headers,
    })
    expect(before.statusCode).toBe(403)

    const grant = await asAdmin('PUT', `/api/users/${target.id}/roles/admin?productId=*`)
    expect(grant.statusCode).toBe(200)
    expect(grant.json()).toEqual({ roles: [{ productId: '*', role: 'admin' }] })
    const during = await server.app.inject({
      method: 'GET',
      url: '/api/users',
      headers: target.headers,
    })
    expect(during.statusCode).toBe(200)
    const granted = await lastEvent('role.grant')
    expect(granted).toMatchObject({ actor: admin.username, subject: `user:${target.id}` })
    expect(JSON.parse(granted?.after ?? '{}')).toEqual({ productId: '*', role: 'admin' })

    const onProduct = await asAdmin('PUT', `/api/users/${target.id}/roles/approver?productId=pump`)
    expect(onProduct.json()).toEqual({
      roles: [
        { productId: '*', role: 'admin' },
        { productId: 'pump', role: 'approver' },
      ],
    })

    const revoke = await asAdmin('DELETE', `/api/users/${target.id}/roles/admin?productId=*`)
    expect(revoke.statusCode).toBe(200)
    expect(revoke.json()).toEqual({ roles: [{ productId: 'pump', role: 'approver' }] })
    const after = await server.app.inject({
      method: 'GET',
      url: '/api/users',
      headers: target.headers,
    })
    expect(after.statusCode).toBe(403)
    const revoked = await lastEvent('role.revoke')
    expect(JSON.parse(revoked?.before ?? '{}')).toEqual({ productId: '*', role: 'admin' })
    expect(revoked?.after).toBeNull()
  })

  test('a grant needs a known role and an existing product (or *)', async () => {
    const target = await server.userWith([])
    const role = await asAdmin('PUT', `/api/users/${target.id}/roles/overlord?productId=*`)
    expect(role.statusCode).toBe(400)
    expect(role.json()).toMatchObject({ error: { details: [{ path: 'params/role' }] } })
    const product = await asAdmin('PUT', `/api/users/${target.id}/roles/viewer?productId=no-such`)
    expect(product.statusCode).toBe(400)
    expect(product.json()).toMatchObject({
      error: { code: 'unknown-product', details: [{ path: 'querystring/productId' }] },
    })
    const noProduct = await asAdmin('PUT', `/api/users/${target.id}/roles/viewer`)
    expect(noProduct.statusCode).toBe(400)
    expect(noProduct.json()).toMatchObject({
      error: { details: [{ path: 'querystring/productId' }] },
    })
    const noUser = await asAdmin('PUT', '/api/users/no-such-user/roles/viewer?productId=*')
    expect(noUser.statusCode).toBe(404)
  })

  test('an admin cannot revoke their own admin role on every product, but may on one', async () => {
    const own = await asAdmin('DELETE', `/api/users/${admin.id}/roles/admin?productId=*`)
    expect(own.statusCode).toBe(409)
    expect(own.json()).toMatchObject({ error: { code: 'self-lockout' } })
    await asAdmin('PUT', `/api/users/${admin.id}/roles/admin?productId=pump`)
    const onOne = await asAdmin('DELETE', `/api/users/${admin.id}/roles/admin?productId=pump`)
    expect(onOne.statusCode).toBe(200)
    expect(onOne.json()).toEqual({ roles: [{ productId: '*', role: 'admin' }] })
  })

  test('every change above left the audit trail a valid chain', async () => {
    const check = await verifyAuditChain(server.store)
    expect(check).toMatchObject({ ok: true })
    expect(check.ok && check.count).toBeGreaterThan(10)
  })
})
