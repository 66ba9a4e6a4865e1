import { homedir } from 'node:os'
import path from 'node:path'

import { parse } from 'yaml'

import {
  FEED_SOURCES,
  openAdvisoryStore,
  resolveDataDir,
  type CsafProviderConfig,
  type FeedSource,
  type FeedsPlan,
  type UnitReport,
} from '../../feeds/index.js'
import { decodeText } from '../../formats/index.js'
import {
  defaultFeedSyncEnvironment,
  runFeedSync,
  type FeedSyncEnvironment,
} from '../../services/feed-sync.js'
import type { CliIo } from '../cli-io.js'
import { EXIT_CODES, type ExitCode } from '../exit-codes.js'

/**
 * Where `feeds` gets what lies outside the command line; tests replace parts. The NVD and CSAF
 * converters live in `formats/advisories` and are passed in here (see `WIRED_CONVERTERS`).
 */
export interface FeedsEnvironment extends FeedSyncEnvironment {
  readonly env: Readonly<Record<string, string | undefined>>
  readonly homeDir: string
}

const defaultEnvironment = (): FeedsEnvironment => ({
  ...defaultFeedSyncEnvironment(),
  env: process.env,
  homeDir: homedir(),
})

export interface FeedsSyncOptions {
  /** Empty: every source (CSAF only when providers are configured). */
  readonly sources: readonly string[]
  readonly ecosystems: readonly string[]
  /** CSAF provider-metadata.json URLs or provider domains. */
  readonly csafProviders: readonly string[]
  readonly mirror?: string
  readonly dataDir?: string
  /** A JSON or YAML file with URLs, ecosystems and CSAF providers (see docs/feeds.md). */
  readonly config?: string
  readonly urls?: Partial<Record<'osv' | 'nvd' | 'kev' | 'epss', string>>
  readonly json?: boolean
  readonly environment?: Partial<FeedsEnvironment>
}

const MAX_CONFIG_BYTES = 1 << 20

/**
 * `medcyber feeds sync`: brings the advisory store up to date from the upstream feeds or a
 * mirror folder. Progress goes to stderr, one line per partition to stdout. Exit 0 when every
 * source synced (or was unchanged), 2 when any failed or another sync holds the store.
 */
export const feedsSyncCommand = async (io: CliIo, options: FeedsSyncOptions): Promise<ExitCode> => {
  const environment = { ...defaultEnvironment(), ...options.environment }
  const unknown = options.sources.filter(
    (source) => !(FEED_SOURCES as readonly string[]).includes(source),
  )
  if (unknown.length > 0) {
    io.stderr(`unknown source ${unknown.join(', ')}; the sources are ${FEED_SOURCES.join(', ')}\n`)
    return EXIT_CODES.invalidInput
  }
  const config =
    options.config === undefined ? emptyConfig : await readFeedsConfig(io, options.config)
  if (config === undefined) return EXIT_CODES.invalidInput
  const dataDir = resolveDataDir(options.dataDir, environment.env, environment.homeDir)
  const apiKey = environment.env['NVD_API_KEY']
  const plan: FeedsPlan = {
    sources: options.sources as readonly FeedSource[],
    ecosystems: options.ecosystems.length > 0 ? options.ecosystems : config.ecosystems,
    csafProviders: [...config.csafProviders, ...options.csafProviders.map((url) => ({ url }))],
    urls: { ...config.urls, ...options.urls },
    ...(options.mirror === undefined ? {} : { mirror: options.mirror }),
    ...(apiKey === undefined || apiKey === '' ? {} : { nvdApiKey: apiKey }),
  }
  const progress = (line: string) => {
    io.stderr(`${line}\n`)
  }
  const result = await runFeedSync({ dataDir, plan, environment, progress })
  if (!result.ok) {
    io.stderr(`medcyber feeds sync: ${result.error.message}\n`)
    return EXIT_CODES.invalidInput
  }
  io.stdout(
    options.json === true
      ? `${JSON.stringify(result.value, null, 2)}\n`
      : result.value.units.map(reportLine).join(''),
  )
  return result.value.units.some((unit) => unit.outcome === 'failed')
    ? EXIT_CODES.invalidInput
    : EXIT_CODES.ok
}

const reportLine = (unit: UnitReport): string => {
  const detail =
    unit.error === undefined ? (unit.summary ?? '') : `${unit.error.code}: ${unit.error.message}`
  const warnings = unit.warnings.map((warning) => `  warning ${warning.code}: ${warning.message}\n`)
  return `${unit.key}\t${unit.outcome}\t${detail}\n${warnings.join('')}`
}

export interface FeedsConfig {
  readonly urls: Partial<Record<'osv' | 'nvd' | 'kev' | 'epss', string>>
  readonly ecosystems: readonly string[]
  readonly csafProviders: readonly CsafProviderConfig[]
}

const emptyConfig: FeedsConfig = { urls: {}, ecosystems: [], csafProviders: [] }

/** A feeds configuration file (see docs/feeds.md); undefined, said on stderr, when unusable. */
export const readFeedsConfig = async (
  io: CliIo,
  file: string,
): Promise<FeedsConfig | undefined> => {
  const bytes = await io.reader.read(file, MAX_CONFIG_BYTES)
  if (!bytes.ok) {
    io.stderr(`${file}: ${bytes.error.message}\n`)
    return undefined
  }
  const text = decodeText(bytes.value)
  let content: unknown
  try {
    content = text.ok ? parse(text.value, { schema: 'core' }) : undefined
  } catch (error) {
    io.stderr(
      `${file}: not YAML or JSON: ${error instanceof Error ? error.message : String(error)}\n`,
    )
    return undefined
  }
  const config = feedsConfig(content)
  if (typeof config === 'string') {
    io.stderr(`${file}: ${config}\n`)
    return undefined
  }
  // Key files are named relative to the configuration that names them, as includes are.
  const folder = path.dirname(file)
  return {
    ...config,
    csafProviders: config.csafProviders.map((provider) =>
      provider.publicKeys === undefined
        ? provider
        : { ...provider, publicKeys: provider.publicKeys.map((key) => path.resolve(folder, key)) },
    ),
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string')

/** `{ osv: { url, ecosystems }, nvd: { url }, kev: { url }, epss: { url }, csaf: { providers } }` */
const feedsConfig = (content: unknown): FeedsConfig | string => {
  if (!isRecord(content)) return 'the feeds configuration is a mapping of sources'
  const urls = configUrls(content)
  if (typeof urls === 'string') return urls
  const osv = content['osv']
  const ecosystems = isRecord(osv) ? (osv['ecosystems'] ?? []) : []
  if (!isStringList(ecosystems)) return 'osv.ecosystems must be a list of ecosystem names'
  const csaf = content['csaf']
  const providers = isRecord(csaf) ? (csaf['providers'] ?? []) : []
  if (!Array.isArray(providers)) return 'csaf.providers must be a list'
  const csafProviders: CsafProviderConfig[] = []
  for (const [index, provider] of providers.entries()) {
    const parsed = providerConfig(provider)
    if (parsed === undefined) {
      return `csaf.providers[${String(index)}] needs a url (and optional publicKeys, tlpLabels lists)`
    }
    csafProviders.push(parsed)
  }
  return { urls, ecosystems, csafProviders }
}

const configUrls = (content: Record<string, unknown>): FeedsConfig['urls'] | string => {
  const urls: Partial<Record<'osv' | 'nvd' | 'kev' | 'epss', string>> = {}
  for (const source of ['osv', 'nvd', 'kev', 'epss'] as const) {
    const section = content[source]
    if (section === undefined) continue
    if (!isRecord(section)) return `${source} must be a mapping`
    const url = section['url']
    if (url !== undefined && typeof url !== 'string') return `${source}.url must be a URL`
    if (typeof url === 'string') urls[source] = url
  }
  return urls
}

const providerConfig = (value: unknown): CsafProviderConfig | undefined => {
  if (typeof value === 'string') return { url: value }
  if (!isRecord(value) || typeof value['url'] !== 'string') return undefined
  const { publicKeys, tlpLabels } = value
  if (publicKeys !== undefined && !isStringList(publicKeys)) return undefined
  if (tlpLabels !== undefined && !isStringList(tlpLabels)) return undefined
  return {
    url: value['url'],
    ...(publicKeys === undefined ? {} : { publicKeys }),
    ...(tlpLabels === undefined ? {} : { tlpLabels }),
  }
}

export interface FeedsStatusOptions {
  readonly dataDir?: string
  readonly json: boolean
  readonly environment?: Partial<Pick<FeedsEnvironment, 'env' | 'homeDir'>>
}

interface StatusRow {
  readonly key: string
  readonly source: string
  readonly partition: string
  readonly records?: number
  readonly withdrawn?: number
  /** When this partition's data last changed. */
  readonly syncedAt?: string
  readonly lastAttempt?: string
  readonly lastSuccess?: string
  readonly outcome?: string
  readonly error?: { readonly code: string; readonly message: string }
  readonly warnings: number
  readonly facts?: Readonly<Record<string, string>>
}

/**
 * `medcyber feeds status`: per partition, when it last synced, how many records it holds, and
 * the error of the last attempt if it failed.
 */
export const feedsStatusCommand = async (
  io: CliIo,
  options: FeedsStatusOptions,
): Promise<ExitCode> => {
  const environment = { ...defaultEnvironment(), ...options.environment }
  const dataDir = resolveDataDir(options.dataDir, environment.env, environment.homeDir)
  const store = await openAdvisoryStore(dataDir)
  const status = await store.status()
  const rows = new Map<string, StatusRow>()
  for (const { state } of store.partitions) {
    const key = `${state.source}/${state.partition}`
    rows.set(key, {
      key,
      source: state.source,
      partition: state.partition,
      records: state.records,
      ...(state.withdrawn === undefined ? {} : { withdrawn: state.withdrawn }),
      syncedAt: state.syncedAt,
      warnings: 0,
      ...(state.facts === undefined ? {} : { facts: state.facts }),
    })
  }
  for (const [key, unit] of Object.entries(status.units)) {
    const row = rows.get(key) ?? {
      key,
      source: unit.source,
      partition: unit.partition,
      warnings: 0,
    }
    rows.set(key, {
      ...row,
      lastAttempt: unit.lastAttempt,
      ...(unit.lastSuccess === undefined ? {} : { lastSuccess: unit.lastSuccess }),
      outcome: unit.outcome,
      ...(unit.error === undefined
        ? {}
        : { error: { code: unit.error.code, message: unit.error.message } }),
      warnings: unit.warnings.length,
    })
  }
  const sorted = [...rows.values()].sort((a, b) => a.key.localeCompare(b.key))
  if (options.json) {
    io.stdout(
      `${JSON.stringify({ dataDir, ...(store.generation === undefined ? {} : { generation: store.generation }), feeds: sorted }, null, 2)}\n`,
    )
    return EXIT_CODES.ok
  }
  io.stdout(statusText(dataDir, store.generation, sorted))
  return EXIT_CODES.ok
}

const statusText = (
  dataDir: string,
  generation: string | undefined,
  rows: readonly StatusRow[],
): string => {
  const head = `advisory store ${dataDir}${generation === undefined ? ' (never synced)' : ` (generation ${generation})`}\n`
  if (rows.length === 0) return `${head}no feeds synced yet: run medcyber feeds sync\n`
  const table = [
    ['feed', 'records', 'last sync', 'data changed', 'last attempt'],
    ...rows.map((row) => [
      row.key,
      row.records === undefined ? '-' : String(row.records),
      row.lastSuccess ?? '-',
      row.syncedAt ?? '-',
      row.outcome === undefined
        ? '-'
        : `${row.outcome}${row.warnings > 0 ? ` (${String(row.warnings)} warnings)` : ''}`,
    ]),
  ]
  const widths =
    table[0]?.map((_, column) => Math.max(...table.map((line) => (line[column] ?? '').length))) ??
    []
  const lines = table.map((line) =>
    line
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd(),
  )
  // What a source vouches for (CSAF signatures, model versions) under the table, feed by feed.
  const facts = rows.flatMap((row) =>
    Object.entries(row.facts ?? {})
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([name, value]) => `${row.key}: ${name}: ${value}`),
  )
  const errors = rows.flatMap((row) =>
    row.error === undefined ? [] : [`${row.key}: ${row.error.code}: ${row.error.message}`],
  )
  return `${head}${lines.join('\n')}\n${facts.length === 0 ? '' : `\n${facts.join('\n')}\n`}${errors.length === 0 ? '' : `\nerrors of the last attempt:\n${errors.join('\n')}\n`}`
}
