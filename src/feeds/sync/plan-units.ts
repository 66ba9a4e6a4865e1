import { readdir } from 'node:fs/promises'
import path from 'node:path'

import { err } from '../../core/index.js'
import type { Fetcher } from '../fetcher.js'
import type { Clock } from '../http/clock.js'
import { nvdRateLimiter } from '../http/token-bucket.js'
import { createMirrorFetcher } from '../mirror/mirror-fetcher.js'
import type { CsafConverter, CsafProviderConfig } from '../sources/csaf/csaf-options.js'
import { csafPartitionOf, csafUnit } from '../sources/csaf/csaf-source.js'
import type { SignatureVerifier } from '../sources/csaf/signature.js'
import { epssUnit } from '../sources/epss/epss-source.js'
import { kevUnit } from '../sources/kev/kev-source.js'
import { nvdFolderUnit } from '../sources/nvd/nvd-folder-source.js'
import type { NvdConverter } from '../sources/nvd/nvd-page.js'
import { NVD_DEFAULT_URL, nvdApiUnit } from '../sources/nvd/nvd-source.js'
import { OSV_DEFAULT_BASE_URL, osvUnit } from '../sources/osv/osv-source.js'
import { openAdvisoryStore } from '../store/advisory-store.js'
import { FEED_SOURCES, type FeedSource, type SyncUnit } from './sync-unit.js'

/** The public upstream addresses (EPSS: FIRST's data, published by Empirical Security). */
export const DEFAULT_FEED_URLS = {
  osv: OSV_DEFAULT_BASE_URL,
  nvd: NVD_DEFAULT_URL,
  kev: 'https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json',
  epss: 'https://epss.empiricalsecurity.com/epss_scores-current.csv.gz',
} as const

/**
 * OSV ecosystems synced when none are named and none were synced before: the package worlds
 * of device software (embedded Linux distributions and the kernel, application libraries).
 */
export const DEFAULT_OSV_ECOSYSTEMS = [
  'Alpine',
  'crates.io',
  'Debian',
  'Go',
  'Linux',
  'Maven',
  'npm',
  'NuGet',
  'PyPI',
  'Ubuntu',
] as const

export interface AdvisoryConverters {
  readonly nvd: NvdConverter
  readonly csaf: CsafConverter
}

export interface FeedsPlan {
  /** Empty: OSV, NVD, KEV and EPSS, and CSAF when providers are known. */
  readonly sources: readonly FeedSource[]
  readonly urls?: Partial<Record<'osv' | 'nvd' | 'kev' | 'epss', string>>
  /** Empty: the ecosystems synced before, else those in the mirror, else the defaults. */
  readonly ecosystems: readonly string[]
  readonly csafProviders: readonly CsafProviderConfig[]
  /** Read every source from this folder instead of the network. */
  readonly mirror?: string
  readonly nvdApiKey?: string
}

export interface FeedsDependencies {
  readonly http: Fetcher
  /** NVD's rate limiter runs on it. */
  readonly clock: Clock
  /** NVD and CSAF conversions come from `formats`; a missing one fails its source plainly. */
  readonly converters: Partial<AdvisoryConverters>
  readonly verifySignature?: SignatureVerifier
}

/** The sync units a plan asks for, with the mirror's fetchers when it names a mirror. */
export const planUnits = async (
  plan: FeedsPlan,
  dependencies: FeedsDependencies,
  dataDir: string,
): Promise<SyncUnit[]> => {
  const urls = { ...DEFAULT_FEED_URLS, ...plan.urls }
  const providers = await csafProviders(plan)
  const sources =
    plan.sources.length > 0
      ? FEED_SOURCES.filter((source) => plan.sources.includes(source))
      : FEED_SOURCES.filter((source) => source !== 'csaf' || providers.length > 0)
  const units: SyncUnit[] = []
  for (const source of sources) {
    if (source === 'osv') units.push(...(await osvUnits(plan, dependencies, urls.osv, dataDir)))
    if (source === 'nvd') units.push(nvdUnit(plan, dependencies, urls.nvd))
    if (source === 'kev')
      units.push(
        kevUnit({ url: urls.kev, fetcher: fileFetcher(plan, dependencies, urls.kev, 'kev') }),
      )
    if (source === 'epss')
      units.push(
        epssUnit({ url: urls.epss, fetcher: fileFetcher(plan, dependencies, urls.epss, 'epss') }),
      )
    if (source === 'csaf') units.push(...csafUnits(plan, dependencies, providers))
  }
  return units
}

const osvUnits = async (
  plan: FeedsPlan,
  dependencies: FeedsDependencies,
  baseUrl: string,
  dataDir: string,
): Promise<SyncUnit[]> => {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`
  const fetcher =
    plan.mirror === undefined
      ? dependencies.http
      : createMirrorFetcher([{ urlPrefix: base, folder: path.join(plan.mirror, 'osv') }])
  const ecosystems = await osvEcosystems(plan, dataDir)
  return ecosystems.map((ecosystem) => osvUnit({ baseUrl: base, ecosystem, fetcher }))
}

const osvEcosystems = async (plan: FeedsPlan, dataDir: string): Promise<readonly string[]> => {
  if (plan.ecosystems.length > 0) return [...new Set(plan.ecosystems)]
  const store = await openAdvisoryStore(dataDir)
  const synced = store.partitions
    .filter((partition) => partition.state.source === 'osv')
    .map((partition) => partition.state.partition)
  if (synced.length > 0) return synced
  if (plan.mirror !== undefined) return foldersHolding(path.join(plan.mirror, 'osv'), 'all.zip')
  return DEFAULT_OSV_ECOSYSTEMS
}

/** Sub-folders of `folder` holding `file` (decoded back from their folder names). */
const foldersHolding = async (folder: string, file: string): Promise<string[]> => {
  const found: string[] = []
  for (const entry of await readdirSafe(folder)) {
    if ((await readdirSafe(path.join(folder, entry))).includes(file)) found.push(entry)
  }
  return found.sort()
}

const readdirSafe = async (folder: string): Promise<string[]> => {
  try {
    return await readdir(folder)
  } catch {
    return []
  }
}

const nvdUnit = (plan: FeedsPlan, dependencies: FeedsDependencies, url: string): SyncUnit => {
  const convert = dependencies.converters.nvd
  if (convert === undefined) return notWired('nvd', 'cves', 'NVD')
  if (plan.mirror !== undefined)
    return nvdFolderUnit({ folder: path.join(plan.mirror, 'nvd'), convert })
  return nvdApiUnit({
    url,
    fetcher: dependencies.http,
    rateLimiter: nvdRateLimiter(plan.nvdApiKey !== undefined, dependencies.clock),
    convert,
    ...(plan.nvdApiKey === undefined ? {} : { apiKey: plan.nvdApiKey }),
  })
}

/** KEV and EPSS are single files: a mirror keeps them under `kev/` and `epss/` by file name. */
const fileFetcher = (
  plan: FeedsPlan,
  dependencies: FeedsDependencies,
  url: string,
  folder: string,
): Fetcher =>
  plan.mirror === undefined
    ? dependencies.http
    : createMirrorFetcher([
        {
          urlPrefix: url.slice(0, url.lastIndexOf('/') + 1),
          folder: path.join(plan.mirror, folder),
        },
      ])

/** A CSAF mirror keeps each site as `csaf/<host>/<path>`, the way `wget --mirror` saves it. */
const csafMirror = (mirror: string): Fetcher =>
  createMirrorFetcher([
    { urlPrefix: 'https://', folder: path.join(mirror, 'csaf') },
    { urlPrefix: 'http://', folder: path.join(mirror, 'csaf') },
  ])

const csafProviders = async (plan: FeedsPlan): Promise<readonly CsafProviderConfig[]> => {
  if (plan.csafProviders.length > 0 || plan.mirror === undefined) return plan.csafProviders
  const root = path.join(plan.mirror, 'csaf')
  const hosts: CsafProviderConfig[] = []
  for (const host of await readdirSafe(root)) {
    const wellKnown = await readdirSafe(path.join(root, host, '.well-known', 'csaf'))
    if (wellKnown.includes('provider-metadata.json')) hosts.push({ url: host })
  }
  return hosts.sort((a, b) => a.url.localeCompare(b.url))
}

const csafUnits = (
  plan: FeedsPlan,
  dependencies: FeedsDependencies,
  providers: readonly CsafProviderConfig[],
): SyncUnit[] => {
  const convert = dependencies.converters.csaf
  const fetcher = plan.mirror === undefined ? dependencies.http : csafMirror(plan.mirror)
  const seen = new Set<string>()
  return providers.flatMap((provider) => {
    const partition = csafPartitionOf(provider.url)
    if (seen.has(partition)) return []
    seen.add(partition)
    if (convert === undefined) return [notWired('csaf', partition, 'CSAF')]
    return [
      csafUnit({
        provider,
        fetcher,
        convert,
        ...(dependencies.verifySignature === undefined
          ? {}
          : { verifySignature: dependencies.verifySignature }),
      }),
    ]
  })
}

const notWired = (source: FeedSource, partition: string, label: string): SyncUnit => ({
  source,
  partition,
  run: () =>
    Promise.resolve(
      err({
        code: 'feeds/no-converter',
        message: `${label} records cannot be read yet: no ${label} converter is wired into this command`,
      }),
    ),
})
