import { gunzipSync, gzipSync } from 'node:zlib'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { epssCsvGz, fakeClock, hashStore } from '../../../../test/support/feed-fixtures.js'
import {
  startLoopbackServer,
  type LoopbackServer,
} from '../../../../test/support/loopback-server.js'
import { tempDir } from '../../../../test/support/temp-dir.js'
import { createHttpFetcher } from '../../http/http-fetcher.js'
import { openAdvisoryStore } from '../../store/advisory-store.js'
import { syncFeeds } from '../../sync/sync-feeds.js'
import { parseEpssCsv } from './epss-csv.js'
import { epssUnit } from './epss-source.js'

let server: LoopbackServer
beforeAll(async () => {
  server = await startLoopbackServer()
})
afterAll(async () => {
  await server.close()
})

const sync = (dataDir: string) =>
  syncFeeds({
    dataDir,
    units: [
      epssUnit({
        url: `${server.url}/epss_scores-current.csv.gz`,
        fetcher: createHttpFetcher({ clock: fakeClock().clock, attempts: 1 }),
      }),
    ],
  })

describe('EPSS source', () => {
  it('stores the day’s scores with model version and date, looked up by CVE', async () => {
    const dataDir = tempDir('epss')
    const file = epssCsvGz({ scoreDate: '2026-11-27', rows: 1000 })
    server.put('/epss_scores-current.csv.gz', file, { 'content-type': 'application/gzip' })
    const result = await sync(dataDir)
    expect(result.ok && result.value.units[0]).toMatchObject({ outcome: 'updated', records: 1000 })
    const epss = await (await openAdvisoryStore(dataDir)).epss()
    expect(epss).toMatchObject({
      modelVersion: 'v2025.03.14',
      scoreDate: '2026-11-27T00:00:00+0000',
    })
    // Every stored score equals its row in the file.
    const rows = gunzipSync(file).toString('utf8').trim().split('\n').slice(2)
    for (const row of rows) {
      const [cve, score, percentile] = row.split(',')
      expect(epss?.scores.get(cve ?? '')).toEqual({
        epss: Number(score),
        percentile: Number(percentile),
      })
    }
  })

  it('replaces the scores with the next day’s file, and keeps them when it is unchanged', async () => {
    const dataDir = tempDir('epss-next')
    server.put('/epss_scores-current.csv.gz', epssCsvGz({ scoreDate: '2026-11-27', rows: 10 }))
    await sync(dataDir)
    const before = hashStore(dataDir)
    expect((await sync(dataDir)).ok && hashStore(dataDir)).toBe(before)
    server.put('/epss_scores-current.csv.gz', epssCsvGz({ scoreDate: '2026-11-28', rows: 20 }))
    await sync(dataDir)
    const epss = await (await openAdvisoryStore(dataDir)).epss()
    expect([epss?.scoreDate, epss?.scores.size]).toEqual(['2026-11-28T00:00:00+0000', 20])
  })

  it('fails on a damaged gzip or a file in another layout, the store untouched', async () => {
    const dataDir = tempDir('epss-bad')
    server.put('/epss_scores-current.csv.gz', epssCsvGz({ scoreDate: '2026-11-27', rows: 10 }))
    await sync(dataDir)
    const before = hashStore(dataDir)
    const good = epssCsvGz({ scoreDate: '2026-11-28', rows: 10 })
    server.put('/epss_scores-current.csv.gz', good.subarray(0, good.length - 8))
    const truncated = await sync(dataDir)
    expect(truncated.ok && truncated.value.units[0]?.error?.code).toBe('format/bad-gzip')
    server.put('/epss_scores-current.csv.gz', gzipSync('cve,score\nCVE-2024-1,0.5\n'))
    const layout = await sync(dataDir)
    expect(layout.ok && layout.value.units[0]?.error?.code).toBe('epss/invalid')
    expect(hashStore(dataDir)).toBe(before)
  })
})

describe('parseEpssCsv', () => {
  it('counts rows that do not read instead of failing the file', () => {
    const parsed = parseEpssCsv(
      '#model_version:v2025.03.14,score_date:2025-03-14T00:00:00+0000\ncve,epss,percentile\nCVE-2024-1234,0.97231,0.99821\nCVE-2024-1,1.5,0.1\nnot,a,row\n',
    )
    expect(parsed.ok && [...parsed.value.scores.scores]).toEqual([
      ['CVE-2024-1234', { epss: 0.97231, percentile: 0.99821 }],
    ])
    expect(parsed.ok && parsed.value.badRows).toEqual([4, 5])
  })
})
