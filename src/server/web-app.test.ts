import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { storeDialects } from '../../test/support/store-dialects.js'
import type { TestDialect } from '../../test/support/store-dialects.js'
import { tempDir } from '../../test/support/temp-dir.js'
import { openTestServer, type TestServer } from '../../test/support/test-server.js'

const [SQLITE_DIALECT] = storeDialects as [TestDialect]
const PAGE = '<!doctype html><title>medcyber</title><div id="root"></div>'
const HTML = { accept: 'text/html,application/xhtml+xml' }

const builtApp = (): string => {
  const root = tempDir('medcyber-web')
  mkdirSync(path.join(root, 'assets'))
  writeFileSync(path.join(root, 'index.html'), PAGE)
  writeFileSync(path.join(root, 'assets', 'index-3f2a.js'), 'console.log(1)')
  return root
}

let server: TestServer | undefined
afterEach(async () => {
  await server?.dispose()
  server = undefined
})

describe('the web app served beside the API', () => {
  it('answers every address a person opens with the page, and the assets with long caching', async () => {
    const root = builtApp()
    server = await openTestServer(SQLITE_DIALECT, { webRoot: root })
    for (const url of ['/', '/products/aria-insulin-pump-system/threats', '/advisories?new=1']) {
      const page = await server.app.inject({ url, headers: HTML })
      expect(page.statusCode, url).toBe(200)
      expect(page.body).toBe(PAGE)
      expect(page.headers['cache-control']).toBe('no-cache')
      expect(page.headers['content-security-policy']).toContain("script-src 'self'")
      expect(page.headers['content-security-policy']).not.toContain('upgrade-insecure-requests')
    }
    const asset = await server.app.inject({ url: '/assets/index-3f2a.js' })
    expect(asset.statusCode).toBe(200)
    expect(asset.headers['content-type']).toContain('javascript')
    expect(asset.headers['cache-control']).toContain('immutable')
    // `npm run build` while the server runs: the new assets are served at once.
    writeFileSync(path.join(root, 'assets', 'index-9c1d.js'), 'console.log(2)')
    const rebuilt = await server.app.inject({ url: '/assets/index-9c1d.js' })
    expect(rebuilt.statusCode).toBe(200)
    expect(rebuilt.body).toBe('console.log(2)')
  })

  it('keeps JSON 404s for the API and for programs, and never serves files outside the build', async () => {
    server = await openTestServer(SQLITE_DIALECT, { webRoot: builtApp() })
    const api = await server.app.inject({ url: '/api/nothing-here', headers: HTML })
    expect(api.statusCode).toBe(404)
    expect(api.json()).toMatchObject({ error: { code: 'not-found' } })
    const program = await server.app.inject({ url: '/products/x' })
    expect(program.statusCode).toBe(404)
    const escape = await server.app.inject({ url: '/assets/../../package.json' })
    expect(escape.body).not.toContain('"name"')
  })

  it('says how to build the app when dist/web is missing', async () => {
    server = await openTestServer(SQLITE_DIALECT, {
      webRoot: path.join(tempDir('medcyber-web'), 'none'),
    })
    const page = await server.app.inject({ url: '/', headers: HTML })
    expect(page.statusCode).toBe(503)
    expect(page.body).toContain('npm run build')
  })
})
