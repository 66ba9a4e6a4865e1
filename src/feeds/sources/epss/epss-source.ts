import path from 'node:path'

import { err, ok } from '../../../core/index.js'
import type { Fetcher } from '../../fetcher.js'
import { writeFileDurable } from '../../store/durable-files.js'
import type { SyncUnit } from '../../sync/sync-unit.js'
import { decodeUtf8, fetchWholeFile, gunzipLimited } from '../unit-helpers.js'
import { parseEpssCsv, toStoredEpss } from './epss-csv.js'

export const EPSS_FILE = 'epss.json'

export interface EpssSourceOptions {
  readonly url: string
  readonly fetcher: Fetcher
  /** Compressed size limit (the real file is a few MB). */
  readonly maxBytes?: number
  /** Uncompressed size limit. */
  readonly maxUnpackedBytes?: number
}

/** The EPSS file is the whole day's scores: a new file replaces the stored scores. */
export const epssUnit = (options: EpssSourceOptions): SyncUnit => ({
  source: 'epss',
  partition: 'scores',
  run: async (context) => {
    const { url, fetcher } = options
    const fetched = await fetchWholeFile(context, fetcher, url, options.maxBytes ?? 64 << 20)
    if (!fetched.ok) return fetched
    if (fetched.value.notModified) return ok({ kind: 'unchanged', warnings: [] })
    const unpacked = gunzipLimited(fetched.value.body, options.maxUnpackedBytes ?? 512 << 20, url)
    if (!unpacked.ok) return unpacked
    const text = decodeUtf8(unpacked.value, url)
    if (!text.ok) return text
    const parsed = parseEpssCsv(text.value)
    if (!parsed.ok) return err({ code: 'epss/invalid', message: `${url}: ${parsed.error}`, url })
    const { scores, badRows } = parsed.value
    await writeFileDurable(
      path.join(context.target, EPSS_FILE),
      JSON.stringify(toStoredEpss(scores)),
    )
    return ok({
      kind: 'written',
      state: {
        source: 'epss',
        partition: 'scores',
        syncedAt: context.now(),
        origin: url,
        records: scores.scores.size,
        validators: fetched.value.validators,
        facts: { modelVersion: scores.modelVersion, scoreDate: scores.scoreDate },
      },
      summary: `${String(scores.scores.size)} scores of ${scores.scoreDate} (model ${scores.modelVersion})`,
      warnings:
        badRows.length === 0
          ? []
          : [
              {
                code: 'epss/bad-rows',
                message: `${String(badRows.length)} rows do not read as cve,epss,percentile (first: line ${String(badRows[0])})`,
              },
            ],
    })
  },
})
