import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { storeDialects } from '../support/store-dialects.js'
import { openTestServer, type TestServer, type TestUser } from '../support/test-server.js'

const ADDRESSES = 12
const REPORTS_PER_ADDRESS = 14
const OVERSIZE_PER_ADDRESS = 3
/** The server's default bound of unacknowledged reports per hour (DEFAULT_DISCLOSURE_SETTINGS). */
const HOURLY_BOUND = 60

interface Answer {
  readonly status: number
  readonly body: Record<string, unknown>
  readonly retryAfter: string | null
  readonly title: string
}

/**
 * The public report form under a flood, over real HTTP on loopback: the app behind a (pretended)
 * proxy, so X-Forwarded-For tells the clients apart. Every report answered 201 must be stored and
 * listed, no oversize body may be stored, the excess is refused with 429 or 503, and the server
 * keeps answering.
 */
describe.each(storeDialects)('the vulnerability report form under a flood on $name', (dialect) => {
  let server: TestServer
  let base: string
  let engineer: TestUser

  beforeAll(async () => {
    server = await openTestServer(dialect, { publicUrl: 'https://cvd.example' })
    await server.app.listen({ host: '127.0.0.1', port: 0 })
    base = `http://127.0.0.1:${String((server.app.server.address() as AddressInfo).port)}`
    engineer = await server.userWith([{ productId: '*', role: 'security-engineer' }])
  }, 60_000)

  afterAll(async () => {
    await server.dispose()
  })

  const post = async (client: string, title: string, body: string): Promise<Answer> => {
    const response = await fetch(`${base}/api/disclosures`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': client },
      body,
    })
    const text = await response.text()
    return {
      status: response.status,
      body: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : {},
      retryAfter: response.headers.get('retry-after'),
      title,
    }
  }

  it('stores every accepted report, no oversize one, refuses the excess and keeps answering', async () => {
    const started = Date.now()
    const clients = Array.from(
      { length: ADDRESSES },
      (_, index) => `198.51.100.${String(index + 1)}`,
    )
    const tokens = await Promise.all(
      clients.map(async (client) => {
        const response = await fetch(`${base}/api/disclosures/form`, {
          headers: { 'x-forwarded-for': client },
        })
        return ((await response.json()) as { token: string }).token
      }),
    )
    await new Promise((resolve) => setTimeout(resolve, 2_200))

    const sends: Promise<Answer>[] = []
    clients.forEach((client, c) => {
      const formToken = tokens[c] ?? ''
      for (let r = 0; r < REPORTS_PER_ADDRESS; r += 1) {
        const title = `flood ${String(c)}-${String(r)}`
        const body = JSON.stringify({
          formToken,
          title,
          description: `Report ${String(r)} from client ${String(c)}: ${'details '.repeat(50)}`,
          product: 'Aquila LVP',
        })
        sends.push(post(client, title, body))
        // Every third client also repeats its first report word for word: folded, not stored twice.
        if (c % 3 === 0 && r === 0) sends.push(post(client, `${title} (again)`, body))
      }
      for (let o = 0; o < OVERSIZE_PER_ADDRESS; o += 1) {
        const title = `oversize ${String(c)}-${String(o)}`
        sends.push(
          post(
            client,
            title,
            JSON.stringify({
              formToken,
              title,
              description: 'x'.repeat(64 * 1024),
              product: 'Aquila',
            }),
          ),
        )
      }
    })
    const health = fetch(`${base}/api/health`).then((response) => response.status)
    const answers = await Promise.all(sends)
    expect(await health).toBe(200)

    const byStatus = new Map<number, Answer[]>()
    for (const answer of answers)
      byStatus.set(answer.status, [...(byStatus.get(answer.status) ?? []), answer])
    const accepted = byStatus.get(201) ?? []
    const unexpected = [...byStatus.keys()].filter(
      (status) => ![200, 201, 413, 429, 503].includes(status),
    )
    expect(unexpected).toEqual([])
    expect(accepted.length).toBeGreaterThan(0)
    expect(accepted.length).toBeLessThanOrEqual(HOURLY_BOUND)
    expect(byStatus.get(429)?.length ?? 0).toBeGreaterThan(0)
    expect(byStatus.get(503)?.length ?? 0).toBeGreaterThan(0)
    for (const busy of byStatus.get(503) ?? []) expect(Number(busy.retryAfter)).toBeGreaterThan(0)
    for (const answer of answers.filter((item) => item.title.startsWith('oversize'))) {
      expect([413, 429]).toContain(answer.status)
    }

    const listing = await fetch(`${base}/api/disclosures?limit=500`, { headers: engineer.headers })
    expect(listing.status).toBe(200)
    const stored = (await listing.json()) as {
      items: { id: string; title: string }[]
      total: number
    }
    const ids = new Set(stored.items.map((item) => item.id))
    for (const answer of accepted) expect(ids.has(String(answer.body['trackingId']))).toBe(true)
    expect(stored.total).toBe(accepted.length)
    expect(stored.items.some((item) => item.title.startsWith('oversize'))).toBe(false)
    for (const repeat of byStatus.get(200) ?? []) {
      expect(ids.has(String(repeat.body['trackingId']))).toBe(true)
    }

    const after = await fetch(`${base}/api/health`)
    expect(after.status).toBe(200)
    expect(Date.now() - started).toBeLessThan(60_000)
  }, 90_000)
})
