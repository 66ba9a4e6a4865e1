import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { storeDialects } from '../../test/support/store-dialects.js'
import { openTestServer, type TestServer } from '../../test/support/test-server.js'

describe.each(storeDialects)('API basics on $name', (dialect) => {
  let server: TestServer
  beforeAll(async () => {
    server = await openTestServer(dialect)
  })
  afterAll(async () => {
    await server.dispose()
  })

  test('health answers without signing in and names the database', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/api/health' })
    expect(response.statusCode).toBe(200)
    expect(response.json()).toMatchObject({ status: 'ok', database: dialect.name })
  })

  test('the OpenAPI 3.1 description is served at /api/docs', async () => {
    const json = await server.app.inject({ method: 'GET', url: '/api/docs/json' })
    expect(json.statusCode).toBe(200)
    expect(json.json()).toMatchObject({ openapi: '3.1.0', info: { title: 'medcyber API' } })
    const page = await server.app.inject({ method: 'GET', url: '/api/docs/' })
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toContain('text/html')
  })

  test('an unknown route and a bad token get JSON errors, not stack traces', async () => {
    const missing = await server.app.inject({ method: 'GET', url: '/api/nothing-here' })
    expect(missing.statusCode).toBe(404)
    expect(missing.json()).toEqual({
      error: { code: 'not-found', message: 'no route GET /api/nothing-here' },
    })
    const bad = await server.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { authorization: 'Bearer mcy_forged' },
    })
    expect(bad.statusCode).toBe(401)
    expect(bad.body).not.toContain('    at ')
  })
})
