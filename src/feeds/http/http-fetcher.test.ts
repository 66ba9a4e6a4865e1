import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { fakeClock } from '../../../test/support/feed-fixtures.js'
import { startLoopbackServer, type LoopbackServer } from '../../../test/support/loopback-server.js'
import { tempDir } from '../../../test/support/temp-dir.js'
import { testdataPath } from '../../../test/support/testdata.js'
import { createHttpFetcher } from './http-fetcher.js'
import { tokenBucket } from './token-bucket.js'

const KEV = testdataPath('cisa-kev', 'known_exploited_vulnerabilities.json')

let server: LoopbackServer
beforeEach(async () => {
  server = await startLoopbackServer()
  server.mount('/kev/', path.dirname(KEV))
})
afterEach(async () => {
  await server.close()
})

const kevUrl = () => `${server.url}/kev/known_exploited_vulnerabilities.json`
const KEV_PATH = '/kev/known_exploited_vulnerabilities.json'

describe('createHttpFetcher', () => {
  it('returns the body byte for byte with its validators, and 304 as not modified', async () => {
    const fetcher = createHttpFetcher()
    const first = await fetcher.bytes({ url: kevUrl(), maxBytes: 8 << 20 })
    expect(first.ok).toBe(true)
    if (!first.ok || first.value.notModified) return
    expect(Buffer.from(first.value.body).equals(readFileSync(KEV))).toBe(true)
    expect(first.value.validators.etag).toMatch(/^"/)
    const again = await fetcher.bytes({
      url: kevUrl(),
      maxBytes: 8 << 20,
      validators: first.value.validators,
    })
    expect(again).toEqual({ ok: true, value: { notModified: true, url: kevUrl() } })
    expect(server.requestsTo(KEV_PATH)[1]?.headers['if-none-match']).toBe(
      first.value.validators.etag,
    )
  })

  it('waits as a 429 Retry-After asks, then succeeds', async () => {
    const { clock, slept } = fakeClock()
    server.fault(KEV_PATH, { status: 429, headers: { 'retry-after': '7' } })
    const result = await createHttpFetcher({ clock }).bytes({ url: kevUrl(), maxBytes: 8 << 20 })
    expect(result.ok).toBe(true)
    expect(slept).toEqual([7000])
    expect(server.requestsTo(KEV_PATH)).toHaveLength(2)
  })

  it('reads Retry-After given as an HTTP date', async () => {
    const { clock, slept } = fakeClock(Date.parse('2026-11-28T12:00:00Z'))
    server.fault(KEV_PATH, {
      status: 429,
      headers: { 'retry-after': 'Sat, 28 Nov 2026 12:00:30 GMT' },
    })
    expect(
      (await createHttpFetcher({ clock }).bytes({ url: kevUrl(), maxBytes: 8 << 20 })).ok,
    ).toBe(true)
    expect(slept).toEqual([30_000])
  })

  it('gives up at once, naming the wait, when Retry-After exceeds its bound', async () => {
    const { clock, slept } = fakeClock()
    server.fault(KEV_PATH, { status: 429, headers: { 'retry-after': '3600' } })
    const result = await createHttpFetcher({ clock, maxRetryAfterMs: 60_000 }).bytes({
      url: kevUrl(),
      maxBytes: 8 << 20,
    })
    expect(result.ok ? undefined : result.error).toMatchObject({
      kind: 'rate-limited',
      status: 429,
      attempts: 1,
      url: kevUrl(),
    })
    expect(result.ok ? '' : result.error.message).toContain('3600 s')
    expect(slept).toEqual([])
  })

  it('retries 5xx with doubling backoff and fails after the last attempt', async () => {
    const { clock, slept } = fakeClock()
    server.fault(KEV_PATH, { status: 503 }, { status: 502 }, { status: 500 }, { status: 503 })
    const result = await createHttpFetcher({ clock, attempts: 4, backoffMs: 1000 }).bytes({
      url: kevUrl(),
      maxBytes: 8 << 20,
    })
    expect(result.ok ? undefined : result.error).toMatchObject({
      kind: 'http-status',
      status: 503,
      attempts: 4,
    })
    expect(slept).toEqual([1000, 2000, 4000])
    expect(server.requestsTo(KEV_PATH)).toHaveLength(4)
  })

  it('recovers when a retry succeeds', async () => {
    const { clock } = fakeClock()
    server.fault(KEV_PATH, { status: 500 }, { status: 503 })
    expect(
      (await createHttpFetcher({ clock }).bytes({ url: kevUrl(), maxBytes: 8 << 20 })).ok,
    ).toBe(true)
  })

  it('does not retry a 404 or a 400', async () => {
    const { clock } = fakeClock()
    const fetcher = createHttpFetcher({ clock })
    const missing = await fetcher.bytes({ url: `${server.url}/kev/none.json`, maxBytes: 100 })
    expect(missing.ok ? undefined : missing.error).toMatchObject({
      kind: 'not-found',
      status: 404,
      attempts: 1,
    })
    server.fault(KEV_PATH, { status: 400 })
    const bad = await fetcher.bytes({ url: kevUrl(), maxBytes: 100 })
    expect(bad.ok ? undefined : bad.error).toMatchObject({
      kind: 'http-status',
      status: 400,
      attempts: 1,
    })
  })

  it('retries a status the caller names (NVD answers 403 when rate limited)', async () => {
    const { clock } = fakeClock()
    server.fault(KEV_PATH, { status: 403 })
    const result = await createHttpFetcher({ clock }).bytes({
      url: kevUrl(),
      maxBytes: 8 << 20,
      retryStatuses: [403],
    })
    expect(result.ok).toBe(true)
  })

  it('times out a server that does not answer, and says so', async () => {
    const { clock } = fakeClock()
    server.fault(KEV_PATH, { delayMs: 5000 }, { delayMs: 5000 })
    const started = Date.now()
    const result = await createHttpFetcher({ clock, attempts: 2, timeoutMs: 150 }).bytes({
      url: kevUrl(),
      maxBytes: 8 << 20,
    })
    expect(result.ok ? undefined : result.error).toMatchObject({ kind: 'timeout', attempts: 2 })
    expect(Date.now() - started).toBeLessThan(3000)
  })

  it('refuses a body over the limit, whether declared or streamed', async () => {
    const fetcher = createHttpFetcher()
    const declared = await fetcher.bytes({ url: kevUrl(), maxBytes: 1000 })
    expect(declared.ok ? undefined : declared.error).toMatchObject({
      kind: 'too-large',
      attempts: 1,
    })
    // No Content-Length: the limit must hold while the body streams.
    server.handle('/chunked', () => ({ status: 200, chunked: true, body: 'x'.repeat(5000) }))
    const streamed = await fetcher.bytes({ url: `${server.url}/chunked`, maxBytes: 1000 })
    expect(streamed.ok ? undefined : streamed.error.kind).toBe('too-large')
  })

  it('treats a connection cut mid-body as a network error and retries it', async () => {
    const { clock } = fakeClock()
    const body = readFileSync(KEV)
    server.fault(KEV_PATH, { status: 200, body, cutAfterBytes: 1000 })
    const result = await createHttpFetcher({ clock }).bytes({ url: kevUrl(), maxBytes: 8 << 20 })
    expect(result.ok).toBe(true)
    expect(server.requestsTo(KEV_PATH)).toHaveLength(2)
    server.fault(KEV_PATH, { status: 200, body, cutAfterBytes: 10 })
    const cut = await createHttpFetcher({ clock, attempts: 1 }).bytes({
      url: kevUrl(),
      maxBytes: 8 << 20,
    })
    expect(cut.ok ? undefined : cut.error.kind).toBe('network')
  })

  it('names a refused connection as a network error with its cause', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const address = closed.address()
    await new Promise<void>((resolve) =>
      closed.close(() => {
        resolve()
      }),
    )
    const port = typeof address === 'object' && address !== null ? address.port : 0
    const { clock } = fakeClock()
    const result = await createHttpFetcher({ clock, attempts: 2 }).bytes({
      url: `http://127.0.0.1:${String(port)}/x`,
      maxBytes: 10,
    })
    expect(result.ok ? undefined : result.error).toMatchObject({ kind: 'network', attempts: 2 })
    expect(result.ok ? '' : result.error.message).toContain('ECONNREFUSED')
  })

  it('refuses URLs that are not http(s)', async () => {
    const result = await createHttpFetcher().bytes({ url: 'file:///etc/passwd', maxBytes: 10 })
    expect(result.ok ? undefined : result.error.kind).toBe('bad-url')
  })

  it('streams a download into a file, and leaves none behind when it fails', async () => {
    const folder = tempDir('http-file')
    const target = path.join(folder, 'kev.json')
    const fetcher = createHttpFetcher({ clock: fakeClock().clock, attempts: 1 })
    const result = await fetcher.file({ url: kevUrl(), maxBytes: 8 << 20 }, target)
    expect(result.ok && !result.value.notModified && result.value.body).toBe(target)
    expect(readFileSync(target).equals(readFileSync(KEV))).toBe(true)
    server.fault(KEV_PATH, { status: 200, body: readFileSync(KEV), cutAfterBytes: 5000 })
    const other = path.join(folder, 'cut.json')
    expect((await fetcher.file({ url: kevUrl(), maxBytes: 8 << 20 }, other)).ok).toBe(false)
    expect(() => readFileSync(other)).toThrow()
  })

  it('asks the rate limiter before every request, retries included', async () => {
    const { clock, slept } = fakeClock()
    const limiter = tokenBucket({ capacity: 1, perMilliseconds: 6000, clock })
    server.fault(KEV_PATH, { status: 503 })
    const fetcher = createHttpFetcher({ clock, backoffMs: 1 })
    expect(
      (await fetcher.bytes({ url: kevUrl(), maxBytes: 8 << 20, rateLimiter: limiter })).ok,
    ).toBe(true)
    // Second request waited for a token: 1 ms backoff already spent, the rest of 6 s slept.
    expect(slept).toEqual([1, 5999])
  })
})
