import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { createMessage, generateKey, sign, type PrivateKey } from 'openpgp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import {
  csafConverter,
  fakeClock,
  hashStore,
  serveCisaProvider,
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
import { MAX_SIGNATURE_BYTES } from './check-document.js'
import type { CsafProviderConfig } from './csaf-options.js'
import { csafUnit } from './csaf-source.js'
import { loadPublicKeys } from './openpgp-keys.js'
import type { SignatureVerifier } from './signature.js'

const METADATA = '/.well-known/csaf/provider-metadata.json'
const FEED = '/cisa/csaf_files/OT/white/cisa-csaf-ot-feed-tlp-white.json'
/** The issuer fingerprint in CISA's own `.asc` files. */
const CISA_KEY = '144AED0A57BE7D4AE835D9D8CAC5AC4F74164B17'

interface TestKey {
  readonly file: string
  readonly fingerprint: string
  readonly privateKey: PrivateKey
}

const makeKey = async (name: string, options: { date?: Date; expires?: number } = {}) => {
  const { publicKey, privateKey } = await generateKey({
    userIDs: [{ name }],
    format: 'object',
    ...(options.date === undefined ? {} : { date: options.date }),
    ...(options.expires === undefined ? {} : { keyExpirationTime: options.expires }),
  })
  const file = path.join(tempDir('csaf-pgp-key'), `${name}.asc`)
  writeFileSync(file, publicKey.armor())
  return { file, fingerprint: publicKey.getFingerprint().toUpperCase(), privateKey }
}

// openpgp's return type for a detached signature over bytes resolves to any; it is a string.
const signBytes = async (key: TestKey, bytes: Uint8Array, date = new Date()): Promise<string> =>
  (await sign({
    message: await createMessage({ binary: bytes }),
    signingKeys: key.privateKey,
    detached: true,
    format: 'armored',
    date,
  })) as string

let server: LoopbackServer
let provider: ReturnType<typeof serveCisaProvider>
let vendor: TestKey
let stranger: TestKey
/** Synced once with every signature good; the failing syncs below must leave it as it is. */
let synced: string
let syncedHash: string
let metadata: Record<string, unknown>
let feedText: string

const sync = (
  dataDir: string,
  config: Omit<CsafProviderConfig, 'url'>,
  verify?: SignatureVerifier,
) =>
  syncFeeds({
    dataDir,
    units: [
      csafUnit({
        provider: { url: provider.metadataUrl, ...config },
        fetcher: createHttpFetcher({ clock: fakeClock().clock, attempts: 2, backoffMs: 1 }),
        convert: csafConverter,
        ...(verify === undefined ? {} : { verifySignature: verify }),
      }),
    ],
  })

const unitOf = async (result: ReturnType<typeof sync>) => {
  const awaited = await result
  return awaited.ok ? awaited.value.units[0] : undefined
}

const documentUrl = (relative: string) => `${server.url}/cisa/${relative}`
const original = (relative: string) => readFileSync(testdataPath('cisa-csaf', relative))

let bumps = 0
/** The provider says this document changed, so the next sync fetches it again. */
const markUpdated = (relative: string) => {
  bumps += 1
  const feed = JSON.parse(feedText) as {
    feed: { entry: { content: { src: string }; updated: string }[] }
  }
  for (const entry of feed.feed.entry) {
    if (entry.content.src === documentUrl(relative)) {
      entry.updated = `2030-01-0${String(bumps)}T00:00:00.000000Z`
    }
  }
  feedText = JSON.stringify(feed)
  server.put(FEED, feedText)
}

const pick = (fragment: string): string => {
  const found = provider.documents.find((relative) => relative.includes(fragment))
  if (found === undefined) throw new Error(`fixture ${fragment} missing`)
  return found
}

beforeAll(async () => {
  server = await startLoopbackServer()
  provider = serveCisaProvider(server)
  vendor = await makeKey('vendor')
  stranger = await makeKey('stranger')
  for (const relative of provider.documents) {
    server.put(`/cisa/${relative}.asc`, await signBytes(vendor, original(relative)))
  }
  metadata = (await (await fetch(`${server.url}${METADATA}`)).json()) as Record<string, unknown>
  feedText = await (await fetch(`${server.url}${FEED}`)).text()
  synced = tempDir('csaf-signed')
  const first = await unitOf(sync(synced, { publicKeys: [vendor.file] }))
  expect(first).toMatchObject({ outcome: 'updated', records: 153 })
  syncedHash = hashStore(synced)
})
afterAll(async () => {
  await server.close()
})

describe('CSAF documents signed with a configured OpenPGP key', () => {
  it('are stored, and status names the key that verified them', async () => {
    const state = (await openAdvisoryStore(synced)).partitions[0]?.state
    expect(state?.facts).toEqual({
      distribution: 'ROLIE',
      signatures: `verified with key ${vendor.fingerprint}`,
    })
    // The fixture provider lists no keys: the sync says it could not compare.
    const dataDir = tempDir('csaf-signed-warn')
    server.requests.length = 0
    const unit = await unitOf(sync(dataDir, { publicKeys: [vendor.file] }))
    expect(unit?.warnings.map((warning) => warning.code)).toEqual(['csaf/no-listed-keys'])
    expect(server.requests.filter((request) => request.path.endsWith('.json.asc'))).toHaveLength(
      153,
    )
  })

  it('must be among the keys the provider metadata lists, when it lists any', async () => {
    const listing = (fingerprint: string) =>
      JSON.stringify({
        ...metadata,
        public_openpgp_keys: [{ fingerprint, url: `${server.url}/keys/${fingerprint}.asc` }],
      })
    try {
      server.put(METADATA, listing(vendor.fingerprint.toLowerCase()))
      const listed = await unitOf(sync(tempDir('csaf-listed'), { publicKeys: [vendor.file] }))
      expect(listed).toMatchObject({ outcome: 'updated', records: 153, warnings: [] })
      server.put(METADATA, listing(CISA_KEY))
      const other = await unitOf(sync(synced, { publicKeys: [vendor.file] }))
      expect(other?.error).toEqual({
        code: 'csaf/unlisted-key',
        message: `the configured key ${vendor.fingerprint} is not among the keys ${provider.metadataUrl} lists (${CISA_KEY})`,
        url: provider.metadataUrl,
      })
      expect(hashStore(synced)).toBe(syncedHash)
    } finally {
      server.put(METADATA, JSON.stringify(metadata))
    }
  })

  it('fail the provider, store untouched, when a document was altered together with its hash', async () => {
    const victim = pick('icsma-24-023-01')
    const bytes = Buffer.from(original(victim))
    // One byte of the title, so the JSON stays valid and only the signature can tell.
    const at = bytes.indexOf('"title"') + 10
    bytes[at] = (bytes[at] ?? 0) ^ 0x20
    const sha512 = createHash('sha512').update(bytes).digest('hex')
    server.put(`/cisa/${victim}`, bytes)
    server.put(`/cisa/${victim}.sha512`, `${sha512}  ${path.basename(victim)}\n`)
    markUpdated(victim)
    try {
      const unit = await unitOf(sync(synced, { publicKeys: [vendor.file] }))
      expect(unit?.outcome).toBe('failed')
      expect(unit?.error?.code).toBe('csaf/bad-signature')
      expect(unit?.error?.message).toContain(
        `${documentUrl(victim)}: its signature ${documentUrl(victim)}.asc does not verify with key ${vendor.fingerprint}`,
      )
      expect(hashStore(synced)).toBe(syncedHash)
    } finally {
      server.put(`/cisa/${victim}`, original(victim))
      server.put(`/cisa/${victim}.sha512`, original(`${victim}.sha512`))
    }
  })

  it('fail the provider when a signature is missing', async () => {
    const victim = pick('icsma-23-')
    markUpdated(victim)
    server.fault(`/cisa/${victim}.asc`, { status: 404 })
    const unit = await unitOf(sync(synced, { publicKeys: [vendor.file] }))
    expect(unit?.error).toEqual({
      code: 'csaf/no-signature',
      message: `${documentUrl(victim)}: missing signature: ${documentUrl(victim)}.asc does not exist`,
      url: documentUrl(victim),
    })
    expect(hashStore(synced)).toBe(syncedHash)
  })

  it('fail the provider naming the fingerprint of a key that is not configured', async () => {
    const victim = pick('icsma-22-')
    markUpdated(victim)
    try {
      server.put(`/cisa/${victim}.asc`, await signBytes(stranger, original(victim)))
      const byStranger = await unitOf(sync(synced, { publicKeys: [vendor.file] }))
      expect(byStranger?.error).toMatchObject({
        code: 'csaf/unknown-key',
        message: `${documentUrl(victim)}: its signature ${documentUrl(victim)}.asc was made by key ${stranger.fingerprint}, which is not configured`,
      })
      // CISA's real signature over the same bytes: made by CISA's key, not ours.
      server.put(`/cisa/${victim}.asc`, original(`${victim}.asc`))
      const byCisa = await unitOf(sync(synced, { publicKeys: [vendor.file] }))
      expect(byCisa?.error?.code).toBe('csaf/unknown-key')
      expect(byCisa?.error?.message).toContain(`made by key ${CISA_KEY}`)
      expect(hashStore(synced)).toBe(syncedHash)
      // Configured too, the stranger's key verifies its signature.
      server.put(`/cisa/${victim}.asc`, await signBytes(stranger, original(victim)))
      const twoKeys = tempDir('csaf-two-keys')
      const both = await unitOf(sync(twoKeys, { publicKeys: [vendor.file, stranger.file] }))
      expect(both?.outcome).toBe('updated')
      const state = (await openAdvisoryStore(twoKeys)).partitions[0]?.state
      expect(state?.facts?.['signatures']).toBe(
        `verified with keys ${[vendor.fingerprint, stranger.fingerprint].sort().join(', ')}`,
      )
    } finally {
      server.put(`/cisa/${victim}.asc`, await signBytes(vendor, original(victim)))
    }
  })

  it('fail the provider when the signing key has expired, even for a signature made before', async () => {
    const victim = pick('icsma-21-')
    const made = new Date('2020-01-01T00:00:00Z')
    const retired = await makeKey('retired', { date: made, expires: 24 * 3600 })
    markUpdated(victim)
    try {
      server.put(
        `/cisa/${victim}.asc`,
        await signBytes(retired, original(victim), new Date('2020-01-01T01:00:00Z')),
      )
      const unit = await unitOf(sync(synced, { publicKeys: [vendor.file, retired.file] }))
      expect(unit?.error).toMatchObject({
        code: 'csaf/expired-key',
        message: `${documentUrl(victim)}: its signature ${documentUrl(victim)}.asc was made by key ${retired.fingerprint}, which expired on 2020-01-02T00:00:00.000Z`,
      })
      expect(hashStore(synced)).toBe(syncedHash)
    } finally {
      server.put(`/cisa/${victim}.asc`, await signBytes(vendor, original(victim)))
    }
  })

  it('refuse an oversized signature file unread, and a signature file that is no signature', async () => {
    const victim = pick('icsma-20-')
    markUpdated(victim)
    try {
      server.put(`/cisa/${victim}.asc`, 'x'.repeat(MAX_SIGNATURE_BYTES + 1))
      const large = await unitOf(sync(synced, { publicKeys: [vendor.file] }))
      expect(large?.error?.code).toBe('csaf/signature-too-large')
      expect(large?.error?.message).toBe(
        `${documentUrl(victim)}: its signature ${documentUrl(victim)}.asc is larger than 64 KiB; refused unread`,
      )
      server.put(`/cisa/${victim}.asc`, original(`${victim}.sha512`))
      const garbage = await unitOf(sync(synced, { publicKeys: [vendor.file] }))
      expect(garbage?.error?.code).toBe('csaf/unreadable-signature')
      expect(hashStore(synced)).toBe(syncedHash)
    } finally {
      server.put(`/cisa/${victim}.asc`, await signBytes(vendor, original(victim)))
    }
  })

  it('with a verifier passed in that cannot tell, are stored and reported not verified', async () => {
    const dataDir = tempDir('csaf-not-verified')
    const unit = await unitOf(
      sync(dataDir, { publicKeys: ['vendor.asc'] }, () =>
        Promise.resolve({ kind: 'not-verified' }),
      ),
    )
    expect(unit).toMatchObject({ outcome: 'updated', records: 153, warnings: [] })
    const state = (await openAdvisoryStore(dataDir)).partitions[0]?.state
    expect(state?.facts?.['signatures']).toBe('not verified')
  })
})

describe('OpenPGP key files', () => {
  it('refuses a file that is too large, holds no key, or holds a private key', async () => {
    const folder = tempDir('csaf-key-files')
    const large = path.join(folder, 'large.asc')
    writeFileSync(large, readFileSync(vendor.file, 'utf8').padEnd(2048, '\n'))
    const tooLarge = await loadPublicKeys([large], 1024)
    expect(tooLarge.ok ? undefined : tooLarge.error).toEqual({
      code: 'csaf/bad-key',
      message: `the OpenPGP key file ${large} is larger than 1024 bytes (2048)`,
    })
    const notKey = path.join(folder, 'not-key.asc')
    writeFileSync(notKey, readFileSync(testdataPath('cisa-csaf', `${pick('icsma-19-')}.asc`)))
    expect(await loadPublicKeys([notKey])).toMatchObject({
      ok: false,
      error: { code: 'csaf/bad-key' },
    })
    const secret = path.join(folder, 'secret.asc')
    writeFileSync(secret, vendor.privateKey.armor())
    expect(await loadPublicKeys([secret])).toMatchObject({
      ok: false,
      error: {
        message: `the OpenPGP key file ${secret} holds a private key; configure the public key only`,
      },
    })
    const missing = await unitOf(
      sync(tempDir('csaf-no-key'), { publicKeys: [path.join(folder, 'gone.asc')] }),
    )
    expect(missing?.error?.code).toBe('csaf/bad-key')
  })
})
