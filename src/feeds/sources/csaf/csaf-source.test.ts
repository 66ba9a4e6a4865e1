import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { generateKey } from 'openpgp'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import {
  cisaChangesCsv,
  fakeClock,
  hashStore,
  serveCisaProvider,
  csafConverter,
} from '../../../../test/support/feed-fixtures.js'
import {
  startLoopbackServer,
  type LoopbackServer,
} from '../../../../test/support/loopback-server.js'
import { tempDir } from '../../../../test/support/temp-dir.js'
import { testdataPath } from '../../../../test/support/testdata.js'
import { createHttpFetcher } from '../../http/http-fetcher.js'
import { openAdvisoryStore } from '../../store/advisory-store.js'
import { syncFeeds } from '../../sync/sync-feeds.js'
import type { CsafProviderConfig } from './csaf-options.js'
import { csafUnit } from './csaf-source.js'
import { parseChangesCsv, parseRolieFeed } from './document-listing.js'
import { parseProviderMetadata } from './provider-metadata.js'

let server: LoopbackServer
let provider: ReturnType<typeof serveCisaProvider>
beforeAll(async () => {
  server = await startLoopbackServer()
  provider = serveCisaProvider(server)
})
afterAll(async () => {
  await server.close()
})
beforeEach(() => {
  server.requests.length = 0
})

const sync = (dataDir: string, config: CsafProviderConfig) =>
  syncFeeds({
    dataDir,
    units: [
      csafUnit({
        provider: config,
        fetcher: createHttpFetcher({ clock: fakeClock().clock, attempts: 2, backoffMs: 1 }),
        convert: csafConverter,
      }),
    ],
  })

const trackingIds = (documents: readonly string[]): string[] =>
  documents
    .map((relative) => {
      const json = JSON.parse(readFileSync(testdataPath('cisa-csaf', relative), 'utf8')) as {
        document: { tracking: { id: string } }
      }
      return json.document.tracking.id
    })
    .sort()

const storedIds = async (dataDir: string): Promise<string[]> => {
  const ids: string[] = []
  for await (const advisory of (await openAdvisoryStore(dataDir)).advisories('csaf'))
    ids.push(advisory.id)
  return ids.sort()
}

const documentPath = (relative: string) => `/cisa/${relative}`

describe('CSAF provider through its ROLIE feed', () => {
  it('stores every listed document after checking its published SHA-512', async () => {
    const dataDir = tempDir('csaf-rolie')
    const result = await sync(dataDir, { url: provider.metadataUrl })
    expect(result.ok && result.value.units[0]).toMatchObject({
      key: `csaf/${new URL(server.url).host}`,
      outcome: 'updated',
      records: 153,
      warnings: [],
    })
    expect(await storedIds(dataDir)).toEqual(trackingIds(provider.documents))
    const hashRequests = server.requests.filter((request) => request.path.endsWith('.json.sha512'))
    expect(hashRequests).toHaveLength(153)
    const state = (await openAdvisoryStore(dataDir)).partitions[0]?.state
    expect(state?.facts).toEqual({ distribution: 'ROLIE', signatures: 'not checked' })
    // The newest `updated` of the feed entries whose documents are in the test data.
    expect(state?.cursor).toBe('2024-09-24T06:00:00.000000Z')
  })

  it('fetches nothing on the next sync when no entry was updated', async () => {
    const dataDir = tempDir('csaf-rolie-again')
    await sync(dataDir, { url: provider.metadataUrl })
    const before = hashStore(dataDir)
    server.requests.length = 0
    const again = await sync(dataDir, { url: provider.metadataUrl })
    expect(again.ok && again.value.units[0]?.outcome).toBe('unchanged')
    expect(server.requests.map((request) => request.path)).toEqual([
      '/.well-known/csaf/provider-metadata.json',
      '/cisa/csaf_files/OT/white/cisa-csaf-ot-feed-tlp-white.json',
    ])
    expect(hashStore(dataDir)).toBe(before)
  })

  it('refuses a document whose SHA-512 does not match, names it, and tries it again next time', async () => {
    const dataDir = tempDir('csaf-bad-hash')
    const victim = provider.documents.find((relative) => relative.includes('icsma-24-023-01'))
    if (victim === undefined) throw new Error('fixture missing')
    const victimUrl = `${server.url}${documentPath(victim)}`
    server.put(`${documentPath(victim)}.sha512`, `${'0'.repeat(128)}  icsma-24-023-01.json\n`)
    const result = await sync(dataDir, { url: provider.metadataUrl })
    const unit = result.ok ? result.value.units[0] : undefined
    expect(unit).toMatchObject({ outcome: 'updated', records: 152 })
    expect(unit?.warnings).toEqual([
      {
        code: 'csaf/bad-hash',
        message: `${victimUrl}: its SHA512 does not match ${victimUrl}.sha512; document refused`,
        subject: victimUrl,
      },
    ])
    expect((await storedIds(dataDir)).includes('ICSMA-24-023-01')).toBe(false)
    expect((await openAdvisoryStore(dataDir)).partitions[0]?.state.retry).toEqual([victimUrl])
    // The provider fixes its hash file: the next sync fetches that one document again.
    server.put(
      `${documentPath(victim)}.sha512`,
      readFileSync(testdataPath('cisa-csaf', `${victim}.sha512`)),
    )
    server.requests.length = 0
    const next = await sync(dataDir, { url: provider.metadataUrl })
    expect(next.ok && next.value.units[0]).toMatchObject({ records: 153, warnings: [] })
    expect(server.requestsTo(documentPath(victim))).toHaveLength(1)
    expect((await openAdvisoryStore(dataDir)).partitions[0]?.state.retry).toBeUndefined()
  })

  it('with a key configured, fails on the real CISA signatures (made by a key not configured) and on the documents without one', async () => {
    // CISA signs its ICSMA advisories; the nine ICSA copies in the test data came without .asc.
    const icsa = provider.documents.filter((relative) => relative.includes('/icsa-'))
    expect(icsa).toHaveLength(9)
    const { publicKey } = await generateKey({ userIDs: [{ name: 'not CISA' }], format: 'armored' })
    const keyFile = path.join(tempDir('csaf-key'), 'other.asc')
    writeFileSync(keyFile, publicKey)
    const dataDir = tempDir('csaf-keys')
    const fresh = await sync(dataDir, {
      url: provider.metadataUrl,
      publicKeys: [keyFile],
    })
    const error = fresh.ok ? fresh.value.units[0]?.error : undefined
    // The first failing document in listing order decides: either kind names it.
    expect(error?.url?.startsWith(`${server.url}/cisa/`)).toBe(true)
    if (error?.url?.includes('/icsa-') === true) {
      expect(error).toMatchObject({
        code: 'csaf/no-signature',
        message: `${error.url}: missing signature: ${error.url}.asc does not exist`,
      })
    } else {
      expect(error?.code).toBe('csaf/unknown-key')
      // CISA's signing key, as named in the issuer fingerprint of its .asc files.
      expect(error?.message).toBe(
        `${error?.url ?? ''}: its signature ${error?.url ?? ''}.asc was made by key 144AED0A57BE7D4AE835D9D8CAC5AC4F74164B17, which is not configured`,
      )
    }
    expect((await openAdvisoryStore(dataDir)).partitions).toEqual([])
  })

  it('fails without touching the store when the metadata is gone or a document keeps failing', async () => {
    const dataDir = tempDir('csaf-fail')
    await sync(dataDir, { url: provider.metadataUrl })
    const before = hashStore(dataDir)
    server.fault('/.well-known/csaf/provider-metadata.json', { status: 404 })
    const gone = await sync(dataDir, { url: provider.metadataUrl })
    expect(gone.ok && gone.value.units[0]?.error?.code).toBe('fetch/not-found')
    const feedPath = '/cisa/csaf_files/OT/white/cisa-csaf-ot-feed-tlp-white.json'
    server.fault(feedPath, { status: 500 }, { status: 500 })
    const broken = await sync(dataDir, { url: provider.metadataUrl })
    expect(broken.ok && broken.value.units[0]?.error?.code).toBe('fetch/http-status')
    expect(hashStore(dataDir)).toBe(before)
  })
})

describe('CSAF provider through its directory (changes.csv, index.txt)', () => {
  it('lists documents from changes.csv and later fetches only those changed since', async () => {
    const dataDir = tempDir('csaf-directory')
    const first = await sync(dataDir, { url: provider.directoryMetadataUrl })
    expect(first.ok && first.value.units[0]).toMatchObject({ outcome: 'updated', records: 153 })
    expect((await openAdvisoryStore(dataDir)).partitions[0]?.state.facts?.['distribution']).toBe(
      'directory',
    )
    const changed = provider.documents[5] ?? ''
    server.put(
      '/cisa/csaf_files/OT/white/changes.csv',
      cisaChangesCsv(
        new Set(provider.documents),
        new Map([[changed, '2025-01-01T00:00:00.000000Z']]),
      ),
    )
    server.requests.length = 0
    const next = await sync(dataDir, { url: provider.directoryMetadataUrl })
    expect(next.ok && next.value.units[0]?.outcome).toBe('updated')
    expect(server.requests.map((request) => request.path)).toEqual([
      '/directory/provider-metadata.json',
      '/cisa/csaf_files/OT/white/changes.csv',
      documentPath(changed),
      `${documentPath(changed)}.sha512`,
    ])
    server.put('/cisa/csaf_files/OT/white/changes.csv', cisaChangesCsv(new Set(provider.documents)))
  })

  it('falls back to index.txt when there is no changes.csv', async () => {
    server.fault('/cisa/csaf_files/OT/white/changes.csv', { status: 404 })
    const result = await sync(tempDir('csaf-index'), { url: provider.directoryMetadataUrl })
    expect(result.ok && result.value.units[0]?.records).toBe(153)
    expect(server.requestsTo('/cisa/csaf_files/OT/white/index.txt')).toHaveLength(1)
  })
})

describe('CSAF listings', () => {
  it('reads the OASIS example provider metadata and ROLIE feed', () => {
    const read = (name: string) =>
      JSON.parse(
        readFileSync(
          testdataPath('oasis-csaf', 'csaf_2.0', 'examples', ...name.split('/')),
          'utf8',
        ),
      ) as unknown
    const metadata = parseProviderMetadata(
      read('provider-metadata/example-01-provider-metadata.json'),
      'https://www.example.com/.well-known/csaf/provider-metadata.json',
    )
    expect(metadata).toEqual({
      ok: true,
      value: {
        rolieFeeds: [
          {
            url: 'https://www.example.com/.well-known/csaf/feed-tlp-white.json',
            tlpLabel: 'WHITE',
          },
        ],
        directories: [],
        openpgpKeys: [
          {
            fingerprint: '8F5F267907B2C4559DB360DB2294BA7D2B2298B1',
            url: 'https://keys.example.net/vks/v1/by-fingerprint/8F5F267907B2C4559DB360DB2294BA7D2B2298B1',
          },
        ],
        publisher: 'Example Company ProductCERT',
        role: 'csaf_trusted_provider',
      },
    })
    const feed = parseRolieFeed(
      read('ROLIE/example-01-feed-tlp-white.json'),
      'https://psirt.domain.tld/advisories/csaf/feed-tlp-white.json',
    )
    expect(feed).toEqual({
      ok: true,
      value: [
        {
          url: 'https://psirt.domain.tld/advisories/csaf/2020/2020-ESA-001.json',
          updated: '2021-01-01T12:00:00.000Z',
          hashUrls: ['https://psirt.domain.tld/advisories/csaf/2020/2020-ESA-001.json.sha512'],
          signatureUrl: 'https://psirt.domain.tld/advisories/csaf/2020/2020-ESA-001.json.asc',
        },
      ],
    })
  })

  it('drops changes.csv lines that would lead out of the directory', () => {
    const directory = 'https://csaf.example/white/'
    expect(
      parseChangesCsv(
        '"2024/a.json","2024-01-02T00:00:00Z"\n../b.json,2024-01-01T00:00:00Z\nhttps://evil.example/c.json,2024-01-01T00:00:00Z\n2024/../../d.json,2024-01-01T00:00:00Z\n',
        directory,
      ),
    ).toEqual([
      {
        url: 'https://csaf.example/white/2024/a.json',
        updated: '2024-01-02T00:00:00Z',
        hashUrls: [],
      },
    ])
  })
})
