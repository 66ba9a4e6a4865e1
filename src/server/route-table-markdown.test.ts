import { readFileSync, writeFileSync } from 'node:fs'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { storeDialects } from '../../test/support/store-dialects.js'
import { openTestServer, type TestServer } from '../../test/support/test-server.js'
import { roleTableMarkdown, routeTableMarkdown } from './route-table-markdown.js'

const DOC = new URL('../../docs/server.md', import.meta.url)

/** The text between `<!-- name:start -->` and `<!-- name:end -->`, and where it sits. */
const section = (text: string, name: string): { start: number; end: number; body: string } => {
  const open = `<!-- ${name}:start -->\n`
  const start = text.indexOf(open)
  const end = text.indexOf(`<!-- ${name}:end -->`)
  if (start < 0 || end < start) throw new Error(`docs/server.md has no ${name} markers`)
  return { start: start + open.length, end, body: text.slice(start + open.length, end) }
}

const withSection = (text: string, name: string, body: string): string => {
  const { start, end } = section(text, name)
  return `${text.slice(0, start)}${body}\n${text.slice(end)}`
}

describe('docs/server.md', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await openTestServer(storeDialects[0]!)
  })
  afterAll(async () => {
    await server.dispose()
  })

  it('shows the roles and every route with who may call it, as the server has them (MEDCYBER_WRITE_DOCS=1 rewrites it)', () => {
    const text = readFileSync(DOC, 'utf8')
    const expected = withSection(
      withSection(text, 'roles', roleTableMarkdown()),
      'routes',
      routeTableMarkdown(server.app.declaredRoutes),
    )
    if (process.env['MEDCYBER_WRITE_DOCS'] === '1') writeFileSync(DOC, expected)
    expect(text).toBe(expected)
  })
})
