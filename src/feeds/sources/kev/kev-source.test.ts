import { readFileSync } from 'node:fs'

import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { fakeClock, hashStore } from '../../../../test/support/feed-fixtures.js'
import {
  startLoopbackServer,
  type LoopbackServer,
} from '../../../../test/support/loopback-server.js'
import { tempDir } from '../../../../test/support/temp-dir.js'
import { testdataPath } from '../../../../test/support/testdata.js'
import { createHttpFetcher } from '../../http/http-fetcher.js'
import { openAdvisoryStore } from '../../store/advisory-store.js'
import { syncFeeds } from '../../sync/sync-feeds.js'
import { parseKevCatalog } from './kev-catalog.js'
import { kevUnit } from './kev-source.js'

const CATALOG = testdataPath('cisa-kev', 'known_exploited_vulnerabilities.json')
const readCatalog = () =>
  JSON.parse(readFileSync(CATALOG, 'utf8')) as { vulnerabilities: Record<string, unknown>[] }

let server: LoopbackServer
beforeAll(async () => {
  server = await startLoopbackServer()
  server.mount('/feeds/', testdataPath('cisa-kev'))
})
afterAll(async () => {
  await server.close()
})

const sync = (dataDir: string, timeoutMs = 5000) =>
  syncFeeds({
    dataDir,
    units: [
      kevUnit({
        url: `${server.url}/feeds/known_exploited_vulnerabilities.json`,
        fetcher: createHttpFetcher({
          clock: fakeClock().clock,
          attempts: 2,
          backoffMs: 1,
          timeoutMs,
        }),
      }),
    ],
  })

describe('KEV source', () => {
  it('stores the real catalog and looks entries up by CVE', async () => {
    const dataDir = tempDir('kev')
    const result = await sync(dataDir)
    expect(result.ok && result.value.units[0]).toMatchObject({
      outcome: 'updated',
      records: 1404,
      warnings: [],
    })
    const kev = await (await openAdvisoryStore(dataDir)).kev()
    expect(kev?.catalogVersion).toBe('2025.08.25')
    expect(kev?.entries.size).toBe(1404)
    expect(kev?.entries.get('CVE-2025-48384')).toMatchObject({
      dateAdded: '2025-08-25',
      dueDate: '2025-09-15',
      knownRansomwareCampaignUse: 'Unknown',
      cwes: ['CWE-59', 'CWE-436'],
    })
  })

  it('keeps every entry the official KEV schema accepts and leaves out one it rejects', () => {
    const ajv = new Ajv({ strict: false })
    addFormats.default(ajv)
    const validate = ajv.compile(
      JSON.parse(
        readFileSync(
          testdataPath('cisa-kev', 'known_exploited_vulnerabilities_schema.json'),
          'utf8',
        ),
      ) as object,
    )
    const catalog = readCatalog()
    expect(validate(catalog)).toBe(true)
    const broken = {
      ...catalog,
      vulnerabilities: [
        ...catalog.vulnerabilities,
        { ...catalog.vulnerabilities[0], cveID: 'CVE-25-1' },
      ],
    }
    expect(validate(broken)).toBe(false)
    const parsed = parseKevCatalog(broken)
    expect(parsed.ok && parsed.value.catalog.entries).toHaveLength(1404)
    expect(parsed.ok && parsed.value.rejected).toEqual(['vulnerabilities[1404]'])
  })

  it('asks conditionally and changes nothing when the catalog is unchanged', async () => {
    const dataDir = tempDir('kev-304')
    await sync(dataDir)
    const before = hashStore(dataDir)
    const again = await sync(dataDir)
    expect(again.ok && again.value.units[0]?.outcome).toBe('unchanged')
    expect(hashStore(dataDir)).toBe(before)
  })

  it('fails on a timeout and on a body that is not a catalog, the store untouched', async () => {
    const dataDir = tempDir('kev-fail')
    await sync(dataDir)
    const before = hashStore(dataDir)
    server.fault(
      '/feeds/known_exploited_vulnerabilities.json',
      { delayMs: 3000 },
      { delayMs: 3000 },
    )
    const slow = await sync(dataDir, 100)
    expect(slow.ok && slow.value.units[0]?.error?.code).toBe('fetch/timeout')
    server.fault('/feeds/known_exploited_vulnerabilities.json', {
      status: 200,
      body: '{"title":"not a catalog"}',
    })
    const wrong = await sync(dataDir)
    expect(wrong.ok && wrong.value.units[0]?.error?.code).toBe('kev/invalid')
    expect(hashStore(dataDir)).toBe(before)
  })
})
