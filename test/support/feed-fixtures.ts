import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { gunzipSync, gzipSync } from 'node:zlib'

import { parse } from 'yaml'

import type { Clock, CsafConverter, NvdConverter } from '../../src/feeds/index.js'
import { csafDocumentToAdvisory, nvdRecordsToAdvisories } from '../../src/formats/index.js'
import type { LoopbackAnswer, LoopbackHandler, LoopbackServer } from './loopback-server.js'
import { testdataPath } from './testdata.js'
import { buildZip } from './zip-writer.js'

/** A clock whose sleeps return at once and move time on: rate limits and backoff without waiting. */
export const fakeClock = (start = Date.parse('2026-11-28T12:00:00Z')) => {
  let now = start
  const slept: number[] = []
  const clock: Clock = {
    now: () => now,
    sleep: (milliseconds) => {
      slept.push(milliseconds)
      now += milliseconds
      return Promise.resolve()
    },
  }
  return { clock, slept, advance: (ms: number) => (now += ms) }
}

/**
 * A digest of everything in a data directory except `status.json` (the log of attempts): equal
 * digests mean the store is exactly as it was, down to leftover folders.
 */
export const hashStore = (dataDir: string): string => {
  const hash = createHash('sha256')
  const walk = (folder: string, relative: string) => {
    for (const name of readdirSync(folder).sort()) {
      const entry = path.join(folder, name)
      const inside = relative === '' ? name : `${relative}/${name}`
      if (inside === 'status.json') continue
      if (statSync(entry).isDirectory()) {
        hash.update(`dir ${inside}\n`)
        walk(entry, inside)
      } else
        hash.update(
          `file ${inside} ${createHash('sha256').update(readFileSync(entry)).digest('hex')}\n`,
        )
    }
  }
  if (existsSync(dataDir)) walk(dataDir, '')
  return hash.digest('hex')
}

// --- OSV ---------------------------------------------------------------------------------------

let pypaCache: { readonly id: string; readonly json: Record<string, unknown> }[] | undefined

/** The 2,661 real PyPA records, converted from their YAML to the JSON the OSV bucket serves. */
export const pypaRecords = (): {
  readonly id: string
  readonly json: Record<string, unknown>
}[] => {
  if (pypaCache !== undefined) return pypaCache
  const root = testdataPath('pypa-advisory-database', 'vulns')
  pypaCache = readdirSync(root)
    .sort()
    .flatMap((pkg) =>
      readdirSync(path.join(root, pkg))
        .filter((name) => name.endsWith('.yaml'))
        .sort()
        .map((name) => path.join(root, pkg, name)),
    )
    .map((file) => {
      const json = parse(readFileSync(file, 'utf8'), { schema: 'core' }) as Record<string, unknown>
      return { id: String(json['id']), json }
    })
  return pypaCache
}

/** `PyPI/all.zip` as the OSV bucket lays it out: one `<ID>.json` entry per record. */
export const pypaAllZip = (records = pypaRecords()): Buffer =>
  buildZip(records.map(({ id, json }) => ({ name: `${id}.json`, data: JSON.stringify(json) })))

// --- EPSS --------------------------------------------------------------------------------------

/**
 * No real EPSS file is in the shared test data (INVENTORY.md 2.6), so this writes one in
 * FIRST's published layout: a `#model_version:...,score_date:...` comment, the header
 * `cve,epss,percentile`, and five-decimal rows, gzipped. The CVE ids are the real KEV ones.
 */
export const epssCsvGz = (options: {
  readonly scoreDate: string
  readonly rows?: number
}): Buffer => {
  const kev = JSON.parse(
    readFileSync(testdataPath('cisa-kev', 'known_exploited_vulnerabilities.json'), 'utf8'),
  ) as {
    vulnerabilities: { cveID: string }[]
  }
  const cves = kev.vulnerabilities.map((entry) => entry.cveID).slice(0, options.rows ?? 1000)
  const lines = cves.map((cve, index) => {
    const epss = ((index * 7919) % 100_000) / 100_000
    const percentile = ((index * 104_729) % 100_000) / 100_000
    return `${cve},${epss.toFixed(5)},${percentile.toFixed(5)}`
  })
  return gzipSync(
    `#model_version:v2025.03.14,score_date:${options.scoreDate}T00:00:00+0000\ncve,epss,percentile\n${lines.join('\n')}\n`,
  )
}

// --- NVD ---------------------------------------------------------------------------------------

type NvdCve = {
  readonly id: string
  readonly lastModified: string
  readonly published?: string
  readonly vulnStatus?: string
}

/** 453 real NVD records: the two 200-record API pages and the 53 selected single records. */
export const nvdRecords = (): NvdCve[] => {
  const page = (name: string) =>
    (
      JSON.parse(
        gunzipSync(
          readFileSync(testdataPath('nvd-api-samples', 'nvd-api', 'testdata', 'responses', name)),
        ).toString('utf8'),
      ) as {
        vulnerabilities: { cve: NvdCve }[]
      }
    ).vulnerabilities.map((entry) => entry.cve)
  const selected = readdirSync(testdataPath('nvd-selected'))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(testdataPath('nvd-selected', name), 'utf8')) as NvdCve)
  const byId = new Map<string, NvdCve>()
  for (const cve of [...page('cves-1999.json.gz'), ...page('cves-2023.json.gz'), ...selected])
    byId.set(cve.id, cve)
  return [...byId.values()]
}

const MAX_WINDOW_MS = 120 * 86_400_000

/**
 * NVD's CVE API 2.0 paging over real records: `startIndex`, `resultsPerPage` (at most 2,000),
 * `lastModStartDate`/`lastModEndDate` (both or neither, at most 120 days apart, else 404 as NVD
 * answers). `records` is read on every request, so a test can change it between syncs.
 */
export const nvdEmulator =
  (records: () => readonly NvdCve[]): LoopbackHandler =>
  (request): LoopbackAnswer => {
    const start = request.query.get('lastModStartDate')
    const end = request.query.get('lastModEndDate')
    if ((start === null) !== (end === null))
      return { status: 404, headers: { message: 'both dates are required' } }
    let selected = records()
    if (start !== null && end !== null) {
      const [from, to] = [Date.parse(start), Date.parse(end)]
      if (Number.isNaN(from) || Number.isNaN(to) || to - from > MAX_WINDOW_MS) {
        return { status: 404, headers: { message: 'invalid date range' } }
      }
      selected = selected.filter((cve) => {
        const at = Date.parse(`${cve.lastModified}Z`)
        return at >= from && at <= to
      })
    }
    const startIndex = Number(request.query.get('startIndex') ?? '0')
    const perPage = Math.min(2000, Number(request.query.get('resultsPerPage') ?? '2000'))
    const slice = selected.slice(startIndex, startIndex + perPage)
    return {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        resultsPerPage: slice.length,
        startIndex,
        totalResults: selected.length,
        format: 'NVD_CVE',
        version: '2.0',
        timestamp: '2026-11-28T12:00:00.000',
        vulnerabilities: slice.map((cve) => ({ cve })),
      }),
    }
  }

/** The real NVD converter, as `medcyber feeds sync` wires it. */
export const nvdConverter: NvdConverter = (json) => nvdRecordsToAdvisories(json)

// --- CSAF --------------------------------------------------------------------------------------

/** The real CSAF converter, as `medcyber feeds sync` wires it. */
export const csafConverter: CsafConverter = (json) => csafDocumentToAdvisory(json)

export const CISA_ROOT = 'https://raw.githubusercontent.com/cisagov/CSAF/develop/'
const WHITE = 'csaf_files/OT/white/'

/** The CISA documents of the shared test data, as paths relative to the repository root. */
export const cisaDocumentPaths = (): string[] => {
  const white = testdataPath('cisa-csaf', 'csaf_files', 'OT', 'white')
  return readdirSync(white)
    .filter((year) => /^\d{4}$/.test(year))
    .flatMap((year) =>
      readdirSync(path.join(white, year))
        .filter((name) => name.endsWith('.json'))
        .map((name) => `${WHITE}${year}/${name}`),
    )
    .sort()
}

/**
 * Serves the CISA provider on the loopback server as CISA publishes it: the repository tree at
 * `/cisa/`, its real ROLIE feed with links moved from GitHub to the server and cut down to the
 * documents in the test data, and a provider-metadata.json shaped like OASIS's example 01.
 * `directory` adds a second provider (metadata at `/directory/provider-metadata.json`) that
 * offers the same documents as a CSAF directory: CISA's own `changes.csv` and `index.txt`, with
 * their repository-root paths made relative to the directory as CSAF §7.1.15-16 require.
 */
export const serveCisaProvider = (
  server: LoopbackServer,
): {
  readonly metadataUrl: string
  readonly directoryMetadataUrl: string
  readonly documents: string[]
} => {
  const root = testdataPath('cisa-csaf')
  server.mount('/cisa/', root)
  const base = `${server.url}/cisa/`
  const documents = cisaDocumentPaths()
  const present = new Set(documents)
  const feedPath = `${WHITE}cisa-csaf-ot-feed-tlp-white.json`
  const feed = JSON.parse(readFileSync(path.join(root, feedPath), 'utf8')) as {
    feed: { entry: { content: { src: string } }[] }
  }
  feed.feed.entry = feed.feed.entry.filter((entry) =>
    present.has(entry.content.src.replace(CISA_ROOT, '')),
  )
  server.put(`/cisa/${feedPath}`, JSON.stringify(feed).replaceAll(CISA_ROOT, base))
  const example = JSON.parse(
    readFileSync(
      testdataPath(
        'oasis-csaf',
        'csaf_2.0',
        'examples',
        'provider-metadata',
        'example-01-provider-metadata.json',
      ),
      'utf8',
    ),
  ) as Record<string, unknown>
  const metadata = (distributions: unknown, canonical: string) =>
    JSON.stringify({
      ...example,
      canonical_url: canonical,
      distributions,
      publisher: { category: 'coordinator', name: 'CISA', namespace: 'https://www.cisa.gov' },
      public_openpgp_keys: [],
    })
  const metadataUrl = `${server.url}/.well-known/csaf/provider-metadata.json`
  server.put(
    '/.well-known/csaf/provider-metadata.json',
    metadata(
      [
        {
          rolie: { feeds: [{ summary: 'CISA OT', tlp_label: 'WHITE', url: `${base}${feedPath}` }] },
        },
      ],
      metadataUrl,
    ),
  )
  const directoryMetadataUrl = `${server.url}/directory/provider-metadata.json`
  server.put(
    '/directory/provider-metadata.json',
    metadata([{ directory_url: `${base}${WHITE}` }], directoryMetadataUrl),
  )
  server.put(`/cisa/${WHITE}changes.csv`, cisaChangesCsv(present))
  server.put(`/cisa/${WHITE}index.txt`, cisaListing('index.txt', present))
  return { metadataUrl, directoryMetadataUrl, documents }
}

const cisaListing = (file: string, present: ReadonlySet<string>): string =>
  readFileSync(testdataPath('cisa-csaf', 'csaf_files', 'OT', 'white', file), 'utf8')
    .split('\n')
    .filter((line) => present.has(line.split(',')[0] ?? ''))
    .map((line) => line.replace(WHITE, ''))
    .join('\n')

/** CISA's changes.csv for the documents at hand, optionally with some times replaced. */
export const cisaChangesCsv = (
  present: ReadonlySet<string>,
  newer: ReadonlyMap<string, string> = new Map(),
): string =>
  cisaListing('changes.csv', present)
    .split('\n')
    .map((line) => {
      const [file] = line.split(',')
      const time = newer.get(`${WHITE}${file ?? ''}`)
      return time === undefined ? line : `${file ?? ''},${time}`
    })
    .join('\n')
