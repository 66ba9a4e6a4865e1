import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import {
  epssCsvGz,
  fakeClock,
  nvdEmulator,
  nvdRecords,
  pypaAllZip,
  pypaRecords,
  serveCisaProvider,
  csafConverter,
  nvdConverter,
} from '../../../test/support/feed-fixtures.js'
import { startLoopbackServer, type LoopbackServer } from '../../../test/support/loopback-server.js'
import { tempDir } from '../../../test/support/temp-dir.js'
import { PROJECT_ROOT, testdataPath } from '../../../test/support/testdata.js'
import type { CliIo } from '../cli-io.js'
import { nodeIo } from '../node-io.js'
import { feedsStatusCommand, feedsSyncCommand, type FeedsSyncOptions } from './feeds.js'

let server: LoopbackServer
let provider: ReturnType<typeof serveCisaProvider>
beforeAll(async () => {
  server = await startLoopbackServer()
  server.mount('/kev/', testdataPath('cisa-kev'))
  server.put('/osv/PyPI/all.zip', pypaAllZip(pypaRecords().slice(0, 100)))
  server.handle(
    '/nvd',
    nvdEmulator(() => nvdRecords()),
  )
  provider = serveCisaProvider(server)
}, 60_000)
afterAll(async () => {
  await server.close()
})
beforeEach(() => {
  server.put('/epss/epss_scores-current.csv.gz', epssCsvGz({ scoreDate: '2026-11-27', rows: 30 }))
})

const capture = () => {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    ...nodeIo(),
    stdout: (text) => {
      stdout += text
    },
    stderr: (text) => {
      stderr += text
    },
    today: () => '2026-11-28',
  }
  return { io, out: () => stdout, err: () => stderr }
}

const urls = () => ({
  osv: `${server.url}/osv/`,
  nvd: `${server.url}/nvd`,
  kev: `${server.url}/kev/known_exploited_vulnerabilities.json`,
  epss: `${server.url}/epss/epss_scores-current.csv.gz`,
})

const syncOptions = (
  dataDir: string,
  overrides: Partial<FeedsSyncOptions> = {},
): FeedsSyncOptions => ({
  sources: [],
  ecosystems: ['PyPI'],
  csafProviders: [provider.metadataUrl],
  urls: urls(),
  environment: {
    env: { MEDCYBER_DATA_DIR: dataDir, NVD_API_KEY: 'key' },
    clock: fakeClock().clock,
    converters: { nvd: nvdConverter, csaf: csafConverter },
  },
  ...overrides,
})

describe('medcyber feeds sync', () => {
  it('syncs every source into $MEDCYBER_DATA_DIR, progress on stderr and one line per feed on stdout', async () => {
    const dataDir = tempDir('cli-feeds')
    const { io, out, err } = capture()
    const code = await feedsSyncCommand(io, syncOptions(dataDir))
    expect(code).toBe(0)
    const host = new URL(server.url).host
    expect(
      out()
        .split('\n')
        .filter((line) => !line.startsWith('  '))
        .map((line) => line.split('\t').slice(0, 2).join(' ')),
    ).toEqual([
      'osv/PyPI updated',
      'nvd/cves updated',
      'kev/catalog updated',
      'epss/scores updated',
      `csaf/${host} updated`,
      '',
    ])
    expect(err()).toContain(`syncing 5 feeds into ${dataDir}`)
    expect(err()).toContain(`osv/PyPI: downloading ${server.url}/osv/PyPI/all.zip`)
    expect(err()).toContain('nvd/cves: page 1 of 1')
  })

  it('exits 2 when a feed fails, and feeds status names the error beside the others’ counts', async () => {
    const dataDir = tempDir('cli-feeds-fail')
    await feedsSyncCommand(capture().io, syncOptions(dataDir))
    server.fault(
      '/kev/known_exploited_vulnerabilities.json',
      { status: 503 },
      { status: 503 },
      { status: 503 },
      { status: 503 },
    )
    const failing = capture()
    expect(await feedsSyncCommand(failing.io, syncOptions(dataDir, { sources: ['kev'] }))).toBe(2)
    expect(failing.out()).toContain('kev/catalog\tfailed\tfetch/http-status:')
    expect(failing.err()).toContain('retry in')
    const status = capture()
    expect(
      await feedsStatusCommand(status.io, {
        json: false,
        environment: { env: { MEDCYBER_DATA_DIR: dataDir } },
      }),
    ).toBe(0)
    const text = status.out()
    expect(text).toMatch(/^osv\/PyPI\s+100\s+\d{4}-/m)
    expect(text).toMatch(/^kev\/catalog\s+1404\s+.*failed$/m)
    expect(text).toMatch(/^nvd\/cves\s+453\s/m)
    expect(text).toContain('errors of the last attempt:\nkev/catalog: fetch/http-status:')
    const json = capture()
    await feedsStatusCommand(json.io, { json: true, dataDir })
    const report = JSON.parse(json.out()) as {
      dataDir: string
      feeds: { key: string; records?: number; error?: { code: string } }[]
    }
    expect(report.dataDir).toBe(dataDir)
    expect(report.feeds.map((feed) => [feed.key, feed.records, feed.error?.code])).toEqual([
      [`csaf/${new URL(server.url).host}`, 153, undefined],
      ['epss/scores', 30, undefined],
      ['kev/catalog', 1404, 'fetch/http-status'],
      ['nvd/cves', 453, undefined],
      ['osv/PyPI', 100, undefined],
    ])
  })

  it('reads URLs, ecosystems and CSAF providers from a configuration file', async () => {
    const dataDir = tempDir('cli-feeds-config')
    const config = path.join(dataDir, '..', `${path.basename(dataDir)}-feeds.yaml`)
    writeFileSync(
      config,
      `osv:\n  url: ${server.url}/osv/\n  ecosystems: [PyPI]\nkev:\n  url: ${urls().kev}\ncsaf:\n  providers:\n    - url: ${provider.directoryMetadataUrl}\n      tlpLabels: [WHITE]\n`,
    )
    const { io, out } = capture()
    const code = await feedsSyncCommand(io, {
      ...syncOptions(dataDir),
      sources: ['osv', 'kev', 'csaf'],
      urls: {},
      ecosystems: [],
      csafProviders: [],
      config,
    })
    expect(code).toBe(0)
    expect(out()).toContain(
      `csaf/${new URL(server.url).host}/directory/provider-metadata.json\tupdated`,
    )
  })

  it('refuses an unknown source or a broken configuration with exit 2', async () => {
    const unknown = capture()
    expect(
      await feedsSyncCommand(unknown.io, syncOptions(tempDir('cli-x'), { sources: ['ghsa'] })),
    ).toBe(2)
    expect(unknown.err()).toContain('unknown source ghsa')
    const file = path.join(tempDir('cli-config'), 'feeds.yaml')
    writeFileSync(file, 'csaf:\n  providers:\n    - publicKeys: [a.asc]\n')
    const broken = capture()
    expect(await feedsSyncCommand(broken.io, syncOptions(tempDir('cli-y'), { config: file }))).toBe(
      2,
    )
    expect(broken.err()).toContain('csaf.providers[0] needs a url')
  })

  it("reads a provider's key files relative to the configuration file, not the working folder", async () => {
    const folder = tempDir('cli-keys')
    const file = path.join(folder, 'feeds.yaml')
    writeFileSync(
      file,
      `csaf:\n  providers:\n    - url: ${provider.metadataUrl}\n      publicKeys: [keys/vendor.asc]\n`,
    )
    const dataDir = tempDir('cli-keys-store')
    const { io, out } = capture()
    const code = await feedsSyncCommand(
      io,
      syncOptions(dataDir, { sources: ['csaf'], csafProviders: [], config: file }),
    )
    // The key file does not exist: the failure must name it where the configuration put it.
    expect(code).not.toBe(0)
    const status = capture()
    await feedsStatusCommand(status.io, {
      json: false,
      environment: { env: { MEDCYBER_DATA_DIR: dataDir }, homeDir: folder },
    })
    expect(`${out()}${status.out()}`).toContain(path.join(folder, 'keys', 'vendor.asc'))
  })

  it('says when the store has never been synced', async () => {
    const { io, out } = capture()
    await feedsStatusCommand(io, {
      json: false,
      environment: { env: {}, homeDir: tempDir('cli-home') },
    })
    expect(out()).toContain('(never synced)\nno feeds synced yet')
    expect(out()).toContain(`${path.sep}.medcyber (never synced)`)
  })
})

describe('medcyber feeds sync as a process', () => {
  it('exits by itself when done: no socket or timer keeps it alive', async () => {
    const dataDir = tempDir('cli-process')
    const script = `
      const { feedsSyncCommand } = await import(${JSON.stringify(path.join(PROJECT_ROOT, 'dist', 'cli', 'commands', 'feeds.js'))})
      const { nodeIo } = await import(${JSON.stringify(path.join(PROJECT_ROOT, 'dist', 'cli', 'node-io.js'))})
      const code = await feedsSyncCommand(nodeIo(), {
        sources: ['kev', 'epss'], ecosystems: [], csafProviders: [], dataDir: ${JSON.stringify(dataDir)},
        urls: ${JSON.stringify(urls())},
      })
      process.exitCode = code
    `
    const started = Date.now()
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL')
        resolve(null)
      }, 15_000)
      child.once('exit', (exitCode) => {
        clearTimeout(timer)
        resolve(exitCode)
      })
    })
    expect(code).toBe(0)
    expect(stdout).toContain('kev/catalog\tupdated')
    expect(Date.now() - started).toBeLessThan(15_000)
  })
})
