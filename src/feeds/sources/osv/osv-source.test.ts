import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { Advisory } from '../../../core/index.js'
import {
  fakeClock,
  hashStore,
  pypaAllZip,
  pypaRecords,
} from '../../../../test/support/feed-fixtures.js'
import {
  startLoopbackServer,
  type LoopbackServer,
} from '../../../../test/support/loopback-server.js'
import { tempDir } from '../../../../test/support/temp-dir.js'
import { createHttpFetcher } from '../../http/http-fetcher.js'
import { openAdvisoryStore } from '../../store/advisory-store.js'
import { syncFeeds } from '../../sync/sync-feeds.js'
import { osvUnit, type OsvLimits } from './osv-source.js'

let server: LoopbackServer
let zip: Buffer
beforeAll(async () => {
  server = await startLoopbackServer()
  zip = pypaAllZip()
}, 60_000)
afterAll(async () => {
  await server.close()
})
beforeEach(() => {
  server.put('/osv/PyPI/all.zip', zip)
  server.put('/osv/PyPI/modified_id.csv', '')
  server.requests.length = 0
})

const sync = (dataDir: string, limits: Partial<OsvLimits> = {}, incremental = true) => {
  const { clock } = fakeClock()
  return syncFeeds({
    dataDir,
    units: [
      osvUnit({
        baseUrl: `${server.url}/osv/`,
        ecosystem: 'PyPI',
        fetcher: createHttpFetcher({ clock, attempts: 2, backoffMs: 1 }),
        limits,
        incremental,
      }),
    ],
  })
}

const storedRecords = async (dataDir: string): Promise<Map<string, Advisory>> => {
  const store = await openAdvisoryStore(dataDir)
  const records = new Map<string, Advisory>()
  for await (const advisory of store.advisories('osv')) records.set(advisory.id, advisory)
  return records
}

const newest = (): string =>
  pypaRecords()
    .map(({ json }) => String(json['modified']))
    .reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b))

describe('OSV source', () => {
  it('stores every record of all.zip, withdrawn ones included, with the newest modified as cursor', async () => {
    const dataDir = tempDir('osv-full')
    const result = await sync(dataDir)
    expect(result.ok && result.value.units[0]).toMatchObject({
      key: 'osv/PyPI',
      outcome: 'updated',
      records: 2661,
    })
    const records = await storedRecords(dataDir)
    expect(records.size).toBe(2661)
    expect([...records.values()].filter((record) => record.withdrawn !== undefined)).toHaveLength(
      10,
    )
    const store = await openAdvisoryStore(dataDir)
    expect(store.partitions[0]?.state).toMatchObject({
      records: 2661,
      withdrawn: 10,
      cursor: newest(),
    })
    expect(store.partitions[0]?.state.validators?.etag).toMatch(/^"/)
  })

  it('asks conditionally next time and changes nothing when all.zip is unchanged', async () => {
    const dataDir = tempDir('osv-304')
    server.put('/osv/PyPI/modified_id.csv', '') // served, but lists nothing new
    await sync(dataDir, {}, false)
    const before = hashStore(dataDir)
    const again = await sync(dataDir, {}, false)
    expect(again.ok && again.value).toMatchObject({
      published: false,
      units: [{ outcome: 'unchanged' }],
    })
    const zipRequests = server.requestsTo('/osv/PyPI/all.zip')
    expect(zipRequests[1]?.headers['if-none-match']).toMatch(/^"/)
    expect(hashStore(dataDir)).toBe(before)
  })

  it('fetches only the records modified_id.csv lists as newer than the stored copies', async () => {
    const dataDir = tempDir('osv-incremental')
    await sync(dataDir)
    const [changed, unchanged] = pypaRecords()
    if (changed === undefined || unchanged === undefined) throw new Error('no records')
    const modified = '2099-01-01T00:00:00Z'
    server.put(
      '/osv/PyPI/modified_id.csv',
      `${modified},${changed.id}\n${String(unchanged.json['modified'])},${unchanged.id}\n`,
    )
    server.put(
      `/osv/PyPI/${changed.id}.json`,
      JSON.stringify({ ...changed.json, modified, summary: 'changed upstream' }),
    )
    server.requests.length = 0
    const result = await sync(dataDir)
    expect(result.ok && result.value.units[0]).toMatchObject({
      outcome: 'updated',
      records: 2661,
      summary: '2661 records (1 updated)',
    })
    expect(server.requestsTo('/osv/PyPI/all.zip')).toHaveLength(0)
    expect(server.requests.map((request) => request.path)).toEqual([
      '/osv/PyPI/modified_id.csv',
      `/osv/PyPI/${changed.id}.json`,
    ])
    const records = await storedRecords(dataDir)
    expect(records.get(changed.id)).toMatchObject({ modified, summary: 'changed upstream' })
    const store = await openAdvisoryStore(dataDir)
    expect(store.partitions[0]?.state.cursor).toBe(modified)
  })

  it('downloads all.zip instead when too many records changed', async () => {
    const dataDir = tempDir('osv-many')
    await sync(dataDir)
    server.put(
      '/osv/PyPI/modified_id.csv',
      pypaRecords()
        .slice(0, 3)
        .map(({ id }) => `2099-01-01T00:00:00Z,${id}`)
        .join('\n'),
    )
    server.requests.length = 0
    await sync(dataDir, { maxChangedRecords: 2 })
    expect(server.requests.map((request) => request.path)).toEqual([
      '/osv/PyPI/modified_id.csv',
      '/osv/PyPI/all.zip',
    ])
  })

  it('keeps a stored record newer than the copy in a later all.zip, and drops records the dump no longer has', async () => {
    const dataDir = tempDir('osv-keep-newer')
    const [first, second] = pypaRecords()
    if (first === undefined || second === undefined) throw new Error('no records')
    const modified = '2099-01-01T00:00:00Z'
    await sync(dataDir)
    server.put('/osv/PyPI/modified_id.csv', `${modified},${first.id}\n`)
    server.put(`/osv/PyPI/${first.id}.json`, JSON.stringify({ ...first.json, modified }))
    await sync(dataDir)
    server.put(
      '/osv/PyPI/all.zip',
      pypaAllZip(pypaRecords().filter((record) => record.id !== second.id)),
    )
    const result = await sync(dataDir, {}, false)
    expect(result.ok && result.value.units[0]?.summary).toBe('2660 records (1 removed)')
    const records = await storedRecords(dataDir)
    expect(records.get(first.id)?.modified).toBe(modified)
    expect(records.has(second.id)).toBe(false)
  })

  it('fails on a truncated all.zip and leaves the store exactly as it was', async () => {
    const dataDir = tempDir('osv-truncated')
    await sync(dataDir)
    const before = hashStore(dataDir)
    server.put('/osv/PyPI/all.zip', zip.subarray(0, zip.length >> 1))
    const result = await sync(dataDir, {}, false)
    expect(result.ok && result.value).toMatchObject({
      published: false,
      units: [
        {
          outcome: 'failed',
          error: { code: 'osv/corrupt-archive', url: `${server.url}/osv/PyPI/all.zip` },
        },
      ],
    })
    expect(hashStore(dataDir)).toBe(before)
    const status = JSON.parse(readFileSync(path.join(dataDir, 'status.json'), 'utf8')) as {
      units: Record<string, { error?: { code: string } }>
    }
    expect(status.units['osv/PyPI']?.error?.code).toBe('osv/corrupt-archive')
  })

  it('writes the same partitions in a worker thread as in its own, for all.zip and for changes', async () => {
    const partitionFiles = async (dataDir: string) => {
      const folder = (await openAdvisoryStore(dataDir)).partitions[0]?.folder ?? ''
      return Object.fromEntries(
        readdirSync(folder)
          .filter((file) => file !== 'state.json')
          .map((file) => [
            file,
            createHash('sha256')
              .update(readFileSync(path.join(folder, file)))
              .digest('hex'),
          ]),
      )
    }
    const here = tempDir('osv-here')
    const threaded = tempDir('osv-thread')
    const inline = await sync(here, { threadFromBytes: Number.POSITIVE_INFINITY })
    const inThread = await sync(threaded, { threadFromBytes: 0 })
    expect(inThread.ok && inThread.value.units[0]).toMatchObject({
      outcome: 'updated',
      records: 2661,
    })
    expect(inThread.ok && inThread.value.units[0]?.warnings).toEqual(
      inline.ok && inline.value.units[0]?.warnings,
    )
    const files = await partitionFiles(threaded)
    expect(Object.keys(files).sort()).toEqual(['match-index.bin', 'records.ndjson'])
    expect(files).toEqual(await partitionFiles(here))

    const [changed] = pypaRecords()
    if (changed === undefined) throw new Error('no records')
    const modified = '2099-01-01T00:00:00Z'
    server.put('/osv/PyPI/modified_id.csv', `${modified},${changed.id}\n`)
    server.put(
      `/osv/PyPI/${changed.id}.json`,
      JSON.stringify({ ...changed.json, modified, summary: 'changed upstream' }),
    )
    await sync(here, { threadFromBytes: Number.POSITIVE_INFINITY })
    const changedInThread = await sync(threaded, { threadFromBytes: 0 })
    expect(changedInThread.ok && changedInThread.value.units[0]).toMatchObject({
      summary: '2661 records (1 updated)',
    })
    expect(server.requestsTo('/osv/PyPI/all.zip')).toHaveLength(2)
    const changedFiles = await partitionFiles(threaded)
    expect(changedFiles['records.ndjson']).not.toBe(files['records.ndjson'])
    expect(changedFiles).toEqual(await partitionFiles(here))
  })

  it('refuses a truncated all.zip read in a worker thread as it does in its own', async () => {
    const dataDir = tempDir('osv-thread-truncated')
    await sync(dataDir)
    const before = hashStore(dataDir)
    server.put('/osv/PyPI/all.zip', zip.subarray(0, zip.length >> 1))
    const result = await sync(dataDir, { threadFromBytes: 0 }, false)
    expect(result.ok && result.value.units[0]).toMatchObject({
      outcome: 'failed',
      error: { code: 'osv/corrupt-archive', url: `${server.url}/osv/PyPI/all.zip` },
    })
    expect(hashStore(dataDir)).toBe(before)
  })

  it('fails after retrying 5xx answers, the store untouched', async () => {
    const dataDir = tempDir('osv-5xx')
    await sync(dataDir)
    const before = hashStore(dataDir)
    server.put('/osv/PyPI/all.zip', pypaAllZip(pypaRecords().slice(1)))
    server.fault('/osv/PyPI/all.zip', { status: 503 }, { status: 503 })
    const result = await sync(dataDir, {}, false)
    expect(result.ok && result.value.units[0]?.error).toMatchObject({ code: 'fetch/http-status' })
    expect(result.ok && result.value.units[0]?.error?.message).toContain('after 2 attempts')
    expect(hashStore(dataDir)).toBe(before)
  })

  it('fails when a record listed as changed cannot be fetched, keeping the old partition', async () => {
    const dataDir = tempDir('osv-record-5xx')
    await sync(dataDir)
    const before = hashStore(dataDir)
    const [changed] = pypaRecords()
    if (changed === undefined) throw new Error('no records')
    server.put('/osv/PyPI/modified_id.csv', `2099-01-01T00:00:00Z,${changed.id}\n`)
    server.fault(`/osv/PyPI/${changed.id}.json`, { status: 500 }, { status: 500 })
    const result = await sync(dataDir)
    expect(result.ok && result.value.units[0]?.outcome).toBe('failed')
    expect(hashStore(dataDir)).toBe(before)
  })
})
