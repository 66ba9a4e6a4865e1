import path from 'node:path'

import { err, ok } from '../../../core/index.js'
import type { Fetcher } from '../../fetcher.js'
import { writeFileDurable } from '../../store/durable-files.js'
import type { SyncUnit } from '../../sync/sync-unit.js'
import { decodeJson, fetchWholeFile } from '../unit-helpers.js'
import { parseKevCatalog } from './kev-catalog.js'

export const KEV_FILE = 'kev.json'

export interface KevSourceOptions {
  readonly url: string
  readonly fetcher: Fetcher
  readonly maxBytes?: number
}

/** The KEV catalog is published whole: a changed file replaces the stored catalog. */
export const kevUnit = (options: KevSourceOptions): SyncUnit => ({
  source: 'kev',
  partition: 'catalog',
  run: async (context) => {
    const { url, fetcher } = options
    const fetched = await fetchWholeFile(context, fetcher, url, options.maxBytes ?? 64 << 20)
    if (!fetched.ok) return fetched
    if (fetched.value.notModified) return ok({ kind: 'unchanged', warnings: [] })
    const json = decodeJson(fetched.value.body, url)
    if (!json.ok) return json
    const parsed = parseKevCatalog(json.value)
    if (!parsed.ok) return err({ code: 'kev/invalid', message: `${url}: ${parsed.error}`, url })
    const { catalog, rejected } = parsed.value
    await writeFileDurable(path.join(context.target, KEV_FILE), JSON.stringify(catalog))
    return ok({
      kind: 'written',
      state: {
        source: 'kev',
        partition: 'catalog',
        syncedAt: context.now(),
        origin: url,
        records: catalog.entries.length,
        validators: fetched.value.validators,
        facts: { catalogVersion: catalog.catalogVersion, dateReleased: catalog.dateReleased },
      },
      summary: `${String(catalog.entries.length)} entries, catalog version ${catalog.catalogVersion}`,
      warnings: rejected.map((where) => ({
        code: 'kev/bad-entry',
        message: `${where} breaks the KEV schema and was left out`,
        subject: where,
      })),
    })
  },
})
