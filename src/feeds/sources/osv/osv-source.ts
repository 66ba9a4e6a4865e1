import { stat } from 'node:fs/promises'
import path from 'node:path'

import { err, ok, type Advisory, type Result } from '../../../core/index.js'
import { osvRecordToAdvisory } from '../../../formats/advisories/osv-record.js'
import type { Fetcher } from '../../fetcher.js'
import { runInThread } from '../../work-thread.js'
import { instantOf, isLater } from '../../store/instant.js'
import { describeCounts, type MergeCounts } from '../../store/merge-records.js'
import { readLines } from '../../store/ndjson.js'
import { LAYOUT } from '../../store/store-layout.js'
import type {
  PartitionState,
  SyncUnit,
  UnitContext,
  UnitFailure,
  UnitResult,
} from '../../sync/sync-unit.js'
import {
  decodeJson,
  decodeUtf8,
  describeIssues,
  fetchFailure,
  WarningList,
} from '../unit-helpers.js'
import { forEachLimited } from '../work-pool.js'
import { modifiedSince, type ModifiedId } from './modified-ids.js'
import type { ZipLimits } from './osv-zip.js'
import { writePartition, type PartitionJob } from './partition-job.js'
import type { ZipPartitionOutcome } from './zip-partition.js'

/** The public OSV export: `<Ecosystem>/all.zip`, `<Ecosystem>/<ID>.json`, `modified_id.csv`. */
export const OSV_DEFAULT_BASE_URL = 'https://osv-vulnerabilities.storage.googleapis.com/'

export interface OsvLimits {
  readonly maxZipBytes: number
  readonly zip: ZipLimits
  readonly maxRecordBytes: number
  readonly maxModifiedIdsBytes: number
  /** Beyond this many changed records, one `all.zip` is cheaper than single requests. */
  readonly maxChangedRecords: number
  readonly downloadTimeoutMs: number
  /** A partition is written in a worker thread from this size of input (all.zip or stored records). */
  readonly threadFromBytes: number
}

export const DEFAULT_OSV_LIMITS: OsvLimits = {
  maxZipBytes: 2 * 1024 ** 3,
  zip: { maxEntries: 2_000_000, maxEntryBytes: 32 << 20, maxTotalBytes: 16 * 1024 ** 3 },
  maxRecordBytes: 32 << 20,
  maxModifiedIdsBytes: 256 << 20,
  maxChangedRecords: 500,
  downloadTimeoutMs: 30 * 60_000,
  threadFromBytes: 16 << 20,
}

export interface OsvSourceOptions {
  readonly baseUrl: string
  readonly ecosystem: string
  readonly fetcher: Fetcher
  readonly limits?: Partial<OsvLimits>
  /** Use `modified_id.csv` and single records after the first sync (default true). */
  readonly incremental?: boolean
}

/**
 * Export times are not strictly ordered by `modified` (records are imported from upstream
 * databases with delays), so an incremental sync looks this far behind its cursor and skips
 * what it already holds.
 */
const LOOKBACK_MS = 2 * 24 * 3_600_000
const RECORD_REQUESTS_AT_ONCE = 8

type Settings = Required<Omit<OsvSourceOptions, 'limits'>> & { readonly limits: OsvLimits }

/**
 * One OSV ecosystem. The first sync (and any sync that finds too many changes) downloads
 * `all.zip` conditionally and replaces the partition with it; later syncs read
 * `modified_id.csv` and fetch only records whose `modified` is newer than the stored copy.
 */
export const osvUnit = (options: OsvSourceOptions): SyncUnit => {
  const settings: Settings = {
    incremental: true,
    ...options,
    limits: { ...DEFAULT_OSV_LIMITS, ...options.limits },
  }
  return {
    source: 'osv',
    partition: options.ecosystem,
    run: async (context) => {
      const previous = context.previous
      if (settings.incremental && previous?.state.cursor !== undefined) {
        const result = await incrementalSync(settings, context, previous)
        if (result !== 'full') return result
      }
      return fullSync(settings, context)
    },
  }
}

export const osvEcosystemUrl = (baseUrl: string, ecosystem: string, file: string): string =>
  `${baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`}${encodeURIComponent(ecosystem)}/${file}`

type Outcome = Result<UnitResult, UnitFailure>

const fullSync = async (settings: Settings, context: UnitContext): Promise<Outcome> => {
  const { ecosystem, fetcher, limits } = settings
  const url = osvEcosystemUrl(settings.baseUrl, ecosystem, 'all.zip')
  context.progress(`downloading ${url}`)
  const validators = context.previous?.state.validators
  const fetched = await fetcher.file(
    {
      url,
      maxBytes: limits.maxZipBytes,
      timeoutMs: limits.downloadTimeoutMs,
      ...(validators === undefined ? {} : { validators }),
    },
    path.join(context.scratch, `osv-${encodeURIComponent(ecosystem)}-all.zip`),
  )
  if (!fetched.ok) return err(fetchFailure(fetched.error))
  if (fetched.value.notModified) {
    context.progress('all.zip unchanged')
    return ok({ kind: 'unchanged', warnings: [] })
  }
  const outcome = await writeLarge(settings, fetched.value.body, {
    kind: 'zip',
    zipFile: fetched.value.body,
    url,
    limits: limits.zip,
    ...partitionFiles(context),
  })
  if (outcome.kind === 'refused') return err({ code: outcome.code, message: outcome.message, url })
  return ok({
    kind: 'written',
    state: stateOf(settings, context, url, outcome.counts, fetched.value.validators),
    summary: describeCounts(outcome.counts),
    warnings: outcome.warnings,
  })
}

/**
 * Converting and indexing a large archive takes seconds of CPU: in a thread of its own it keeps
 * the server answering and lets two ecosystems build at once (bench/README.md, B4a: 200k
 * records in four archives of 53-80 MB, 33.7 s → 23.7 s). A thread starts with its own cold
 * JIT, so small archives are built here: four of 5-8 MB each took 0.5-1.2 s longer in threads.
 */
const PARTITION_THREAD = new URL(
  `./partition-thread.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`,
  import.meta.url,
)

/** Writes the partition in a worker thread when `input` (the archive or stored records) is large. */
function writeLarge(
  settings: Settings,
  input: string | undefined,
  job: PartitionJob & { kind: 'zip' },
): Promise<ZipPartitionOutcome>
function writeLarge(
  settings: Settings,
  input: string | undefined,
  job: PartitionJob & { kind: 'upsert' },
): Promise<MergeCounts>
async function writeLarge(
  settings: Settings,
  input: string | undefined,
  job: PartitionJob,
): Promise<ZipPartitionOutcome | MergeCounts> {
  const size = input === undefined ? 0 : (await stat(input)).size
  return size >= settings.limits.threadFromBytes
    ? runInThread<ZipPartitionOutcome | MergeCounts>(PARTITION_THREAD, job)
    : writePartition(job)
}

const partitionFiles = (context: UnitContext) => {
  const previous = previousRecords(context)
  return {
    ...(previous === undefined ? {} : { previousRecords: previous }),
    targetRecords: path.join(context.target, LAYOUT.records),
  }
}

const previousRecords = (context: UnitContext): string | undefined =>
  context.previous === undefined ? undefined : path.join(context.previous.folder, LAYOUT.records)

const stateOf = (
  settings: Settings,
  context: UnitContext,
  origin: string,
  counts: MergeCounts,
  validators: PartitionState['validators'],
): PartitionState => {
  const previousCursor = context.previous?.state.cursor
  const cursor =
    previousCursor !== undefined &&
    (counts.newest === undefined || isLater(previousCursor, counts.newest))
      ? previousCursor
      : counts.newest
  return {
    source: 'osv',
    partition: settings.ecosystem,
    syncedAt: context.now(),
    origin,
    records: counts.records,
    withdrawn: counts.withdrawn,
    ...(cursor === undefined ? {} : { cursor }),
    ...(validators === undefined ? {} : { validators }),
  }
}

const incrementalSync = async (
  settings: Settings,
  context: UnitContext,
  previous: NonNullable<UnitContext['previous']>,
): Promise<Outcome | 'full'> => {
  const { ecosystem, fetcher, limits } = settings
  const url = osvEcosystemUrl(settings.baseUrl, ecosystem, 'modified_id.csv')
  context.progress(`reading ${url}`)
  const listed = await fetcher.bytes({ url, maxBytes: limits.maxModifiedIdsBytes })
  if (!listed.ok) {
    return listed.error.kind === 'not-found' ? 'full' : err(fetchFailure(listed.error))
  }
  if (listed.value.notModified) return 'full'
  const text = decodeUtf8(listed.value.body, url)
  if (!text.ok) return text
  const since = instantOf(previous.state.cursor ?? '') - LOOKBACK_MS
  const changed = await newerThanStored(modifiedSince(text.value, since), previousRecords(context))
  if (changed.length === 0) {
    context.progress('no changed records')
    return ok({ kind: 'unchanged', warnings: [] })
  }
  if (changed.length > limits.maxChangedRecords) {
    context.progress(`${String(changed.length)} changed records: downloading all.zip instead`)
    return 'full'
  }
  context.progress(`fetching ${String(changed.length)} changed records`)
  const warnings = new WarningList()
  const fetched = await fetchRecords(settings, changed, warnings)
  if (!fetched.ok) return fetched
  const files = partitionFiles(context)
  const counts = await writeLarge(settings, files.previousRecords, {
    kind: 'upsert',
    incoming: fetched.value,
    ...files,
  })
  return ok({
    kind: 'written',
    state: stateOf(settings, context, url, counts, previous.state.validators),
    summary: describeCounts(counts),
    warnings: warnings.list(),
  })
}

/** The listed records that the partition lacks or holds in an older version, newest first. */
const newerThanStored = async (
  listed: readonly ModifiedId[],
  recordsFile: string | undefined,
): Promise<ModifiedId[]> => {
  const wanted = new Map<string, ModifiedId>()
  for (const row of listed) if (!wanted.has(row.id)) wanted.set(row.id, row)
  if (recordsFile !== undefined && wanted.size > 0) {
    for await (const line of readLines(recordsFile)) {
      const stored = JSON.parse(line) as { id: string; modified: string }
      const row = wanted.get(stored.id)
      if (row !== undefined && !isLater(row.modified, stored.modified)) wanted.delete(stored.id)
    }
  }
  return [...wanted.values()]
}

const fetchRecords = async (
  settings: Settings,
  rows: readonly ModifiedId[],
  warnings: WarningList,
): Promise<Result<Map<string, Advisory>, UnitFailure>> => {
  const records = new Map<string, Advisory>()
  let failure: UnitFailure | undefined
  await forEachLimited(rows, RECORD_REQUESTS_AT_ONCE, async (row) => {
    const url = osvEcosystemUrl(
      settings.baseUrl,
      settings.ecosystem,
      `${encodeURIComponent(row.id)}.json`,
    )
    const fetched = await settings.fetcher.bytes({ url, maxBytes: settings.limits.maxRecordBytes })
    if (!fetched.ok) {
      if (fetched.error.kind !== 'not-found') failure = fetchFailure(fetched.error)
      else
        warnings.add({ code: 'osv/record-gone', message: `${url} no longer exists`, subject: url })
      return failure === undefined
    }
    if (fetched.value.notModified) return true
    const json = decodeJson(fetched.value.body, url)
    if (!json.ok) {
      warnings.add({ code: 'osv/invalid-record', message: json.error.message, subject: url })
      return true
    }
    const converted = osvRecordToAdvisory(json.value, url)
    if (converted.ok) records.set(converted.value.id, converted.value)
    else {
      const message = `${url}: ${describeIssues(converted.error)}`
      warnings.add({ code: 'osv/invalid-record', message, subject: url })
    }
    return true
  })
  return failure === undefined ? ok(records) : err(failure)
}
