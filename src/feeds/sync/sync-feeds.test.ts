import { spawn } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import path from 'node:path'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import { epssCsvGz, fakeClock, hashStore } from '../../../test/support/feed-fixtures.js'
import { startLoopbackServer, type LoopbackServer } from '../../../test/support/loopback-server.js'
import { tempDir } from '../../../test/support/temp-dir.js'
import { PROJECT_ROOT, testdataPath } from '../../../test/support/testdata.js'
import { createHttpFetcher } from '../http/http-fetcher.js'
import { epssUnit } from '../sources/epss/epss-source.js'
import { kevUnit } from '../sources/kev/kev-source.js'
import { openAdvisoryStore } from '../store/advisory-store.js'
import { syncFeeds } from './sync-feeds.js'

const KEV_PATH = '/feeds/known_exploited_vulnerabilities.json'
let server: LoopbackServer
beforeAll(async () => {
  server = await startLoopbackServer()
  server.mount('/feeds/', testdataPath('cisa-kev'))
})
afterAll(async () => {
  await server.close()
})
beforeEach(() => {
  server.put('/epss/epss_scores-current.csv.gz', epssCsvGz({ scoreDate: '2026-11-27', rows: 50 }))
  server.requests.length = 0
})

const units = (options: { readonly timeoutMs?: number } = {}) => {
  const fetcher = createHttpFetcher({ clock: fakeClock().clock, attempts: 1, ...options })
  return [
    kevUnit({ url: `${server.url}${KEV_PATH}`, fetcher }),
    epssUnit({ url: `${server.url}/epss/epss_scores-current.csv.gz`, fetcher }),
  ]
}

const generations = (dataDir: string): string[] =>
  readdirSync(path.join(dataDir, 'generations')).sort()

const waitFor = async (condition: () => boolean, timeoutMs = 10_000): Promise<void> => {
  const until = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('syncFeeds', () => {
  it('refuses a second sync while one holds the lock, and lets the first finish', async () => {
    const dataDir = tempDir('sync-lock')
    server.fault(KEV_PATH, { delayMs: 400 })
    const first = syncFeeds({ dataDir, units: units() })
    await waitFor(() => server.requestsTo(KEV_PATH).length > 0)
    const second = await syncFeeds({ dataDir, units: units() })
    expect(second.ok ? undefined : second.error.code).toBe('locked')
    expect(second.ok ? '' : second.error.message).toContain(`process ${String(process.pid)}`)
    const done = await first
    expect(done.ok && done.value.units.map((unit) => unit.outcome)).toEqual(['updated', 'updated'])
    expect(readdirSync(dataDir).sort()).toEqual(['current', 'generations', 'status.json'])
  })

  it('runs units at once but reports them in the order given', async () => {
    const dataDir = tempDir('sync-overlap')
    server.fault(KEV_PATH, { delayMs: 400 })
    const result = await syncFeeds({ dataDir, units: units() })
    const reports = result.ok ? result.value.units : []
    expect(reports.map((unit) => unit.source)).toEqual(['kev', 'epss'])
    const [kev, epss] = reports
    // EPSS, second in line, did not wait for the slow KEV download.
    expect(Date.parse(epss?.finishedAt ?? '')).toBeLessThan(Date.parse(kev?.finishedAt ?? ''))
    const status = JSON.parse(readFileSync(path.join(dataDir, 'status.json'), 'utf8')) as {
      units: Record<string, { outcome: string }>
    }
    expect(Object.values(status.units).map((unit) => unit.outcome)).toEqual(['updated', 'updated'])
  })

  it('takes over the lock and clears the leftovers of a sync that was killed', async () => {
    const dataDir = tempDir('sync-stale')
    mkdirSync(path.join(dataDir, 'work', 'half-written'), { recursive: true })
    writeFileSync(
      path.join(dataDir, 'sync.lock'),
      JSON.stringify({ pid: 2 ** 22 + 7, host: hostname(), startedAt: '2026-01-01T00:00:00Z' }),
    )
    const result = await syncFeeds({ dataDir, units: units() })
    expect(result.ok).toBe(true)
    expect(readdirSync(dataDir).sort()).toEqual(['current', 'generations', 'status.json'])
  })

  it('respects a lock held from another machine (a shared folder)', async () => {
    const dataDir = tempDir('sync-remote-lock')
    writeFileSync(
      path.join(dataDir, 'sync.lock'),
      JSON.stringify({ pid: 1, host: 'another-host', startedAt: '2026-01-01T00:00:00Z' }),
    )
    const result = await syncFeeds({ dataDir, units: units() })
    expect(result.ok ? undefined : result.error.message).toContain('another-host')
  })

  it('updates the sources that succeed, keeps the one that fails as it was, and records the error', async () => {
    const dataDir = tempDir('sync-partial')
    await syncFeeds({ dataDir, units: units() })
    const store = await openAdvisoryStore(dataDir)
    const epssBefore = store.partitions.find((partition) => partition.state.source === 'epss')
    server.put('/epss/epss_scores-current.csv.gz', Buffer.from('not gzip, not csv'))
    server.fault(KEV_PATH, {
      status: 200,
      body: readFileSync(
        testdataPath('cisa-kev', 'known_exploited_vulnerabilities.json'),
        'utf8',
      ).replace('"2025.08.25"', '"2025.08.26"'),
    })
    const result = await syncFeeds({ dataDir, units: units() })
    expect(
      result.ok && result.value.units.map((unit) => [unit.key, unit.outcome, unit.error?.code]),
    ).toEqual([
      ['kev/catalog', 'updated', undefined],
      ['epss/scores', 'failed', 'epss/invalid'],
    ])
    const after = await openAdvisoryStore(dataDir)
    expect((await after.kev())?.catalogVersion).toBe('2025.08.26')
    const epssAfter = after.partitions.find((partition) => partition.state.source === 'epss')
    expect(epssAfter?.state).toEqual(epssBefore?.state)
    // Carried over as a hard link, not a copy.
    const inode = (folder: string | undefined) => statSync(path.join(folder ?? '', 'epss.json')).ino
    expect(inode(epssAfter?.folder)).toBe(inode(epssBefore?.folder))
    const status = await after.status()
    expect(status.units['epss/scores']).toMatchObject({
      outcome: 'failed',
      error: { code: 'epss/invalid' },
    })
    expect(status.units['epss/scores']?.lastSuccess).toBeDefined()
  })

  it('keeps the previous generation, so a reader opened before a sync can still read it', async () => {
    const dataDir = tempDir('sync-generations')
    await syncFeeds({ dataDir, units: units() })
    const reader = await openAdvisoryStore(dataDir)
    server.put('/epss/epss_scores-current.csv.gz', epssCsvGz({ scoreDate: '2026-11-28', rows: 50 }))
    await syncFeeds({ dataDir, units: units() })
    expect((await reader.epss())?.scoreDate).toBe('2026-11-27T00:00:00+0000')
    expect((await (await openAdvisoryStore(dataDir)).epss())?.scoreDate).toBe(
      '2026-11-28T00:00:00+0000',
    )
    server.put('/epss/epss_scores-current.csv.gz', epssCsvGz({ scoreDate: '2026-11-29', rows: 50 }))
    await syncFeeds({ dataDir, units: units() })
    expect(generations(dataDir)).toHaveLength(2)
    expect(generations(dataDir)).not.toContain(reader.generation)
  })

  it('leaves the store exactly as it was when a sync is killed in the middle', async () => {
    const dataDir = tempDir('sync-killed')
    await syncFeeds({ dataDir, units: units() })
    const before = hashStore(dataDir)
    server.put('/epss/epss_scores-current.csv.gz', epssCsvGz({ scoreDate: '2026-11-30', rows: 50 }))
    server.fault('/epss/epss_scores-current.csv.gz', { delayMs: 60_000 })
    server.requests.length = 0
    // The built CLI code (the global test setup compiles it), in a process of its own.
    const script = `
      const feeds = await import(${JSON.stringify(path.join(PROJECT_ROOT, 'dist', 'feeds', 'index.js'))})
      const units = await feeds.planUnits(
        { sources: ['kev', 'epss'], ecosystems: [], csafProviders: [], urls: { kev: ${JSON.stringify(`${server.url}${KEV_PATH}`)}, epss: ${JSON.stringify(`${server.url}/epss/epss_scores-current.csv.gz`)} } },
        { http: feeds.createHttpFetcher(), clock: feeds.systemClock, converters: {} },
        ${JSON.stringify(dataDir)},
      )
      await feeds.syncFeeds({ dataDir: ${JSON.stringify(dataDir)}, units })
    `
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: 'ignore',
    })
    try {
      await waitFor(() => server.requestsTo('/epss/epss_scores-current.csv.gz').length > 0)
      // By now it holds the lock and has begun its new generation in work/.
      expect(readdirSync(path.join(dataDir, 'work')).length).toBeGreaterThan(0)
    } finally {
      child.kill('SIGKILL')
    }
    await new Promise((resolve) => child.once('exit', resolve))
    const readers = await openAdvisoryStore(dataDir)
    expect((await readers.epss())?.scoreDate).toBe('2026-11-27T00:00:00+0000')
    // The next sync takes the dead process's lock, clears its work and finds nothing new.
    server.put('/epss/epss_scores-current.csv.gz', epssCsvGz({ scoreDate: '2026-11-27', rows: 50 }))
    const next = await syncFeeds({ dataDir, units: units() })
    expect(next.ok && next.value.published).toBe(false)
    expect(hashStore(dataDir)).toBe(before)
  })

  it('makes no generation and touches nothing but status.json when every source fails', async () => {
    const dataDir = tempDir('sync-all-fail')
    await syncFeeds({ dataDir, units: units() })
    const before = hashStore(dataDir)
    server.fault(KEV_PATH, { delayMs: 2000 })
    server.fault('/epss/epss_scores-current.csv.gz', { status: 500 })
    const result = await syncFeeds({ dataDir, units: units({ timeoutMs: 100 }) })
    expect(result.ok && result.value.units.map((unit) => unit.error?.code)).toEqual([
      'fetch/timeout',
      'fetch/http-status',
    ])
    expect(hashStore(dataDir)).toBe(before)
  })
})
