import path from 'node:path'

import { err, formatPath, ok, type Result } from '../../../core/index.js'
import type { Fetcher } from '../../fetcher.js'
import type { RateLimiter } from '../../http/token-bucket.js'
import { instantOf } from '../../store/instant.js'
import {
  describeCounts,
  loadNewest,
  readRecords,
  replaceRecords,
  upsertRecords,
  type MergeCounts,
} from '../../store/merge-records.js'
import { createNdjsonWriter, type NdjsonWriter } from '../../store/ndjson.js'
import { LAYOUT } from '../../store/store-layout.js'
import type {
  PartitionState,
  SyncUnit,
  UnitContext,
  UnitFailure,
  UnitResult,
  UnitWarning,
} from '../../sync/sync-unit.js'
import { decodeJson, describeIssues, fetchFailure, WarningList } from '../unit-helpers.js'
import { dateWindows, type DateWindow } from './date-windows.js'
import { pagingOf, type NvdConverter } from './nvd-page.js'

export const NVD_DEFAULT_URL = 'https://services.nvd.nist.gov/rest/json/cves/2.0'

export interface NvdApiOptions {
  readonly url: string
  /** Sent as the `apiKey` header; raises NVD's limit from 5 to 50 requests per 30 s. */
  readonly apiKey?: string
  readonly fetcher: Fetcher
  readonly rateLimiter: RateLimiter
  readonly convert: NvdConverter
  /** NVD's maximum for the CVE API is 2,000. */
  readonly resultsPerPage?: number
  readonly maxPageBytes?: number
}

/** A sync re-reads this much before its last window end, against clock differences. */
const OVERLAP_MS = 2 * 3_600_000
const PAGE_TIMEOUT_MS = 180_000

type Outcome = Result<UnitResult, UnitFailure>

/**
 * NVD's CVE API 2.0. The first sync pages through every CVE; later ones ask for CVEs modified
 * since the last sync (`lastModStartDate`/`lastModEndDate`, split into NVD's 120-day windows)
 * and merge them in. Pages land in a scratch file first, so a failure on page 90 of 150
 * changes nothing.
 */
export const nvdApiUnit = (options: NvdApiOptions): SyncUnit => ({
  source: 'nvd',
  partition: 'cves',
  run: async (context) => {
    const cursor = context.previous?.state.cursor
    const end = context.now()
    const windows: (DateWindow | undefined)[] =
      cursor === undefined
        ? [undefined]
        : dateWindows(instantOf(cursor) - OVERLAP_MS, instantOf(end))
    const incoming = path.join(context.scratch, 'nvd-incoming.ndjson')
    const writer = await createNdjsonWriter(incoming)
    const warnings = new WarningList()
    let fetched: Result<number, UnitFailure>
    try {
      fetched = await fetchWindows(options, windows, { writer, warnings }, context)
    } finally {
      await writer.close()
    }
    if (!fetched.ok) return fetched
    return mergeIncoming(context, incoming, {
      warnings: warnings.list(),
      replace: cursor === undefined,
      origin: options.url,
      cursor: end,
    })
  },
})

interface PageSink {
  readonly writer: NdjsonWriter
  readonly warnings: WarningList
}

const fetchWindows = async (
  options: NvdApiOptions,
  windows: readonly (DateWindow | undefined)[],
  sink: PageSink,
  context: UnitContext,
): Promise<Result<number, UnitFailure>> => {
  let records = 0
  for (const window of windows) {
    if (window !== undefined) context.progress(`CVEs modified ${window.start} .. ${window.end}`)
    const result = await fetchPages(options, window, sink, context)
    if (!result.ok) return result
    records += result.value
  }
  return ok(records)
}

const fetchPages = async (
  options: NvdApiOptions,
  window: DateWindow | undefined,
  sink: PageSink,
  context: UnitContext,
): Promise<Result<number, UnitFailure>> => {
  const perPage = options.resultsPerPage ?? 2000
  let records = 0
  for (let startIndex = 0, total = 1; startIndex < total;) {
    const url = pageUrl(options.url, startIndex, perPage, window)
    const page = await fetchPage(options, url, sink.warnings)
    if (!page.ok) return page
    total = page.value.totalResults
    context.progress(
      `page ${String(Math.floor(startIndex / perPage) + 1)} of ${String(Math.max(1, Math.ceil(total / perPage)))}`,
    )
    for (const advisory of page.value.advisories) await sink.writer.write(advisory)
    records += page.value.advisories.length
    if (page.value.count === 0) break
    startIndex += page.value.count
  }
  return ok(records)
}

export const pageUrl = (
  base: string,
  startIndex: number,
  resultsPerPage: number,
  window: DateWindow | undefined,
): string => {
  const query = new URLSearchParams({
    startIndex: String(startIndex),
    resultsPerPage: String(resultsPerPage),
    ...(window === undefined ? {} : { lastModStartDate: window.start, lastModEndDate: window.end }),
  })
  return `${base}?${query.toString()}`
}

const fetchPage = async (options: NvdApiOptions, url: string, warnings: WarningList) => {
  const fetched = await options.fetcher.bytes({
    url,
    maxBytes: options.maxPageBytes ?? 256 << 20,
    timeoutMs: PAGE_TIMEOUT_MS,
    ...(options.apiKey === undefined ? {} : { headers: { apiKey: options.apiKey } }),
    // NVD answers 403 (not 429) when a client goes over its rate limit.
    retryStatuses: [403],
    rateLimiter: options.rateLimiter,
  })
  if (!fetched.ok) return err(fetchFailure(fetched.error))
  if (fetched.value.notModified) {
    return err({ code: 'nvd/unexpected-304', message: `${url}: answered 304 unasked`, url })
  }
  return convertPage(options.convert, fetched.value.body, url, warnings)
}

export const convertPage = (
  convert: NvdConverter,
  body: Uint8Array,
  url: string,
  warnings: WarningList,
  prepare: (json: unknown) => unknown = (json) => json,
) => {
  const json = decodeJson(body, url)
  if (!json.ok) return json
  const response = prepare(json.value)
  const paging = pagingOf(response)
  if (paging === undefined) {
    return err({ code: 'nvd/not-a-page', message: `${url} is not a CVE API 2.0 response`, url })
  }
  const converted = convert(response)
  // A page none of whose records read is a converter or format failure, not bad records:
  // going on would empty the partition.
  if (paging.count > 0 && converted.advisories.length === 0) {
    return err({
      code: 'nvd/invalid-page',
      message: `${url}: no record reads: ${describeIssues(converted.issues)}`,
      url,
    })
  }
  for (const issue of converted.issues) {
    warnings.add({
      code: 'nvd/invalid-record',
      message: `${url}: ${issue.message} at ${formatPath(issue.path)}`,
      subject: url,
    })
  }
  return ok({ ...paging, advisories: converted.advisories })
}

/**
 * Builds the new partition from the scratch file: a full download replaces the records, an
 * incremental one updates them (a stored copy with a later `lastModified` wins either way).
 */
export const mergeIncoming = async (
  context: UnitContext,
  incoming: string,
  how: {
    readonly warnings: readonly UnitWarning[]
    readonly replace: boolean
    readonly origin: string
    readonly cursor?: string
    readonly validators?: PartitionState['validators']
  },
): Promise<Outcome> => {
  const previous =
    context.previous === undefined ? undefined : path.join(context.previous.folder, LAYOUT.records)
  const target = path.join(context.target, LAYOUT.records)
  let counts: MergeCounts
  if (how.replace || previous === undefined) {
    counts = await replaceRecords(previous, readRecords(incoming), target)
  } else {
    const changes = await loadNewest(incoming)
    // Nothing modified: keep the partition (and its cursor), so no new generation is made.
    if (changes.size === 0) return ok({ kind: 'unchanged', warnings: how.warnings })
    counts = await upsertRecords(previous, changes, target)
  }
  return ok({
    kind: 'written',
    state: {
      source: 'nvd',
      partition: 'cves',
      syncedAt: context.now(),
      origin: how.origin,
      records: counts.records,
      withdrawn: counts.withdrawn,
      ...(how.cursor === undefined ? {} : { cursor: how.cursor }),
      ...(how.validators === undefined ? {} : { validators: how.validators }),
    },
    summary: describeCounts(counts),
    warnings: how.warnings,
  })
}
