import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import {
  fakeClock,
  hashStore,
  nvdEmulator,
  nvdRecords,
  nvdConverter,
} from '../../../../test/support/feed-fixtures.js'
import {
  startLoopbackServer,
  type LoopbackServer,
} from '../../../../test/support/loopback-server.js'
import { tempDir } from '../../../../test/support/temp-dir.js'
import { testdataPath } from '../../../../test/support/testdata.js'
import type { Advisory } from '../../../core/index.js'
import { createHttpFetcher } from '../../http/http-fetcher.js'
import { nvdRateLimiter } from '../../http/token-bucket.js'
import { openAdvisoryStore } from '../../store/advisory-store.js'
import { syncFeeds } from '../../sync/sync-feeds.js'
import { nvdDate } from './date-windows.js'
import { nvdFolderUnit } from './nvd-folder-source.js'
import type { NvdConverter } from './nvd-page.js'
import { nvdApiUnit } from './nvd-source.js'

const DAY = 86_400_000
const API = '/rest/json/cves/2.0'
let server: LoopbackServer
let records = nvdRecords()
beforeAll(async () => {
  server = await startLoopbackServer()
  server.handle(
    API,
    nvdEmulator(() => records),
  )
})
afterAll(async () => {
  await server.close()
})
beforeEach(() => {
  records = nvdRecords()
  server.requests.length = 0
})

const syncer = (apiKey?: string) => {
  const time = fakeClock(Date.parse('2026-11-28T12:00:00Z'))
  const sync = (dataDir: string) =>
    syncFeeds({
      dataDir,
      now: () => new Date(time.clock.now()),
      units: [
        nvdApiUnit({
          url: `${server.url}/rest/json/cves/2.0`,
          fetcher: createHttpFetcher({ clock: time.clock, attempts: 2, backoffMs: 1 }),
          rateLimiter: nvdRateLimiter(apiKey !== undefined, time.clock),
          convert: nvdConverter,
          resultsPerPage: 100,
          ...(apiKey === undefined ? {} : { apiKey }),
        }),
      ],
    })
  return { ...time, sync }
}

const stored = async (dataDir: string): Promise<Map<string, Advisory>> => {
  const result = new Map<string, Advisory>()
  for await (const advisory of (await openAdvisoryStore(dataDir)).advisories('nvd')) {
    result.set(advisory.id, advisory)
  }
  return result
}

const nvdRequests = () => server.requestsTo(API)

describe('NVD CVE API 2.0 source', () => {
  it('pages through every CVE on the first sync, sending the API key and pacing requests', async () => {
    const dataDir = tempDir('nvd-full')
    const { sync, slept } = syncer('test-key')
    const result = await sync(dataDir)
    expect(result.ok && result.value.units[0]).toMatchObject({ outcome: 'updated', records: 453 })
    expect(nvdRequests().map((request) => request.query.get('startIndex'))).toEqual([
      '0',
      '100',
      '200',
      '300',
      '400',
    ])
    expect(nvdRequests().every((request) => request.headers['apikey'] === 'test-key')).toBe(true)
    expect(nvdRequests().every((request) => !request.query.has('lastModStartDate'))).toBe(true)
    // 50 requests per 30 s with a key: one every 600 ms.
    expect(slept).toEqual([600, 600, 600, 600])
    const cves = await stored(dataDir)
    expect(cves.get('CVE-2014-0160')?.modified).toBe('2025-10-21T20:16:09.947Z') // NVD's zone-less times are UTC
  })

  it('without an API key, waits 6 s between requests (5 per rolling 30 s)', async () => {
    const { sync, slept } = syncer()
    await sync(tempDir('nvd-nokey'))
    expect(slept).toEqual([6000, 6000, 6000, 6000])
    expect(nvdRequests().every((request) => request.headers['apikey'] === undefined)).toBe(true)
  })

  it('then asks only for CVEs modified since the last sync and merges them', async () => {
    const dataDir = tempDir('nvd-incremental')
    const { sync, advance, clock } = syncer('k')
    await sync(dataDir)
    advance(DAY)
    const at = clock.now()
    const changedAt = new Date(Date.parse('2026-11-28T12:00:00Z') + DAY / 2)
      .toISOString()
      .replace('Z', '')
    records = records.map((cve) =>
      cve.id === 'CVE-2014-0160' ? { ...cve, lastModified: changedAt } : cve,
    )
    server.requests.length = 0
    const result = await sync(dataDir)
    expect(result.ok && result.value.units[0]).toMatchObject({
      outcome: 'updated',
      summary: '453 records (1 updated)',
    })
    const [request] = nvdRequests()
    expect(nvdRequests()).toHaveLength(1)
    expect(request?.query.get('lastModStartDate')).toBe('2026-11-28T10:00:00.000+00:00')
    expect(request?.query.get('lastModEndDate')).toBe(nvdDate(at))
    expect((await stored(dataDir)).get('CVE-2014-0160')?.modified).toBe(`${changedAt}Z`)
  })

  it('splits a long gap into windows NVD accepts (at most 120 days each)', async () => {
    const dataDir = tempDir('nvd-windows')
    const { sync, advance, clock } = syncer('k')
    await sync(dataDir)
    advance(300 * DAY)
    const at = clock.now()
    server.requests.length = 0
    const result = await sync(dataDir)
    // Nothing was modified in those 300 days: no new generation, the cursor stays.
    expect(result.ok && result.value).toMatchObject({
      published: false,
      units: [{ outcome: 'unchanged' }],
    })
    const windows = nvdRequests().map(
      (request) =>
        [
          request.query.get('lastModStartDate') ?? '',
          request.query.get('lastModEndDate') ?? '',
        ] as const,
    )
    expect(windows).toHaveLength(3)
    for (const [start, end] of windows)
      expect(Date.parse(end) - Date.parse(start)).toBeLessThanOrEqual(120 * DAY)
    expect(windows[1]?.[0]).toBe(windows[0]?.[1])
    expect(windows[0]?.[0]).toBe('2026-11-28T10:00:00.000+00:00')
    expect(windows[2]?.[1]).toBe(nvdDate(at))
  })

  it('changes nothing when page 2 of an update fails after its retries', async () => {
    const dataDir = tempDir('nvd-fail')
    const { sync, advance } = syncer('k')
    await sync(dataDir)
    const before = hashStore(dataDir)
    advance(DAY)
    records = records.map((cve) => ({ ...cve, lastModified: '2026-11-29T00:00:00.000' }))
    const emulator = nvdEmulator(() => records)
    server.handle(API, (request) =>
      request.query.get('startIndex') === '100' ? { status: 503 } : emulator(request),
    )
    try {
      server.requests.length = 0
      const result = await sync(dataDir)
      expect(result.ok && result.value.units[0]?.error).toMatchObject({ code: 'fetch/http-status' })
      expect(nvdRequests().map((request) => request.query.get('startIndex'))).toEqual([
        '0',
        '100',
        '100',
      ])
      expect(hashStore(dataDir)).toBe(before)
    } finally {
      server.handle(
        API,
        nvdEmulator(() => records),
      )
    }
  })

  it('refuses an answer that is not a CVE API response, leaving an empty store empty', async () => {
    const dataDir = tempDir('nvd-not-json')
    server.fault(API, { status: 200, body: '<html>maintenance</html>' })
    const result = await syncer('k').sync(dataDir)
    expect(result.ok && result.value).toMatchObject({
      published: false,
      units: [{ error: { code: 'format/not-json' } }],
    })
    expect(hashStore(dataDir)).toBe(hashStore(tempDir('nvd-empty')))
  })
})

describe('NVD from a mirror folder', () => {
  it('reads saved API responses (gzipped or not) and single records, then only what changed', async () => {
    const mirror = tempDir('nvd-mirror')
    const responses = testdataPath('nvd-api-samples', 'nvd-api', 'testdata', 'responses')
    mkdirSync(mirror, { recursive: true })
    copyFileSync(path.join(responses, 'cves-1999.json.gz'), path.join(mirror, 'cves-1999.json.gz'))
    copyFileSync(path.join(responses, 'cves-2023.json.gz'), path.join(mirror, 'cves-2023.json.gz'))
    copyFileSync(
      testdataPath('nvd-selected', 'CVE-2014-0160.json'),
      path.join(mirror, 'CVE-2014-0160.json'),
    )
    const dataDir = tempDir('nvd-mirror-store')
    const sync = () =>
      syncFeeds({ dataDir, units: [nvdFolderUnit({ folder: mirror, convert: nvdConverter })] })
    const first = await sync()
    expect(first.ok && first.value.units[0]).toMatchObject({ outcome: 'updated', records: 401 })
    const again = await sync()
    expect(again.ok && again.value.units[0]?.outcome).toBe('unchanged')
    writeFileSync(
      path.join(mirror, 'later.json'),
      JSON.stringify({
        vulnerabilities: [
          { cve: { id: 'CVE-2099-0001', lastModified: '2099-01-01T00:00:00.000' } },
        ],
        totalResults: 1,
      }),
    )
    const third = await sync()
    expect(third.ok && third.value.units[0]?.summary).toBe('402 records (1 added)')
  })

  it('keeps the records that convert and names those that do not; refuses a page where none do', async () => {
    const mirror = tempDir('nvd-mirror-bad')
    const responses = testdataPath('nvd-api-samples', 'nvd-api', 'testdata', 'responses')
    copyFileSync(path.join(responses, 'cves-2023.json.gz'), path.join(mirror, 'cves-2023.json.gz'))
    const pickyConverter: NvdConverter = (json) => {
      const converted = nvdConverter(json)
      return {
        advisories: converted.advisories.filter((advisory) => advisory.id !== 'CVE-2022-44006'),
        issues: converted.advisories
          .filter((advisory) => advisory.id === 'CVE-2022-44006')
          .map(() => ({
            severity: 'error',
            code: 'nvd/bad',
            message: 'unreadable',
            path: ['vulnerabilities', 0, 'cve'],
          })),
      }
    }
    const dataDir = tempDir('nvd-mirror-bad-store')
    const result = await syncFeeds({
      dataDir,
      units: [nvdFolderUnit({ folder: mirror, convert: pickyConverter })],
    })
    expect(result.ok && result.value.units[0]).toMatchObject({
      records: 199,
      warnings: [
        {
          code: 'nvd/invalid-record',
          message: `${path.join(mirror, 'cves-2023.json.gz')}: unreadable at $.vulnerabilities[0].cve`,
        },
      ],
    })
    const nothing: NvdConverter = () => ({
      advisories: [],
      issues: [{ severity: 'error', code: 'nvd/x', message: 'no', path: [] }],
    })
    const refused = await syncFeeds({
      dataDir: tempDir('nvd-none'),
      units: [nvdFolderUnit({ folder: mirror, convert: nothing })],
    })
    expect(refused.ok && refused.value.units[0]?.error?.code).toBe('nvd/invalid-page')
  })

  it('fails plainly on an empty or missing folder', async () => {
    const dataDir = tempDir('nvd-mirror-none')
    const result = await syncFeeds({
      dataDir,
      units: [nvdFolderUnit({ folder: path.join(dataDir, 'nope'), convert: nvdConverter })],
    })
    expect(result.ok && result.value.units[0]?.error?.code).toBe('nvd/no-mirror-folder')
  })
})
