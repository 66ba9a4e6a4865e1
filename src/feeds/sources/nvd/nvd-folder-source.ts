import { createHash } from 'node:crypto'
import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'

import { err, ok, type Result } from '../../../core/index.js'
import { createNdjsonWriter } from '../../store/ndjson.js'
import type { SyncUnit, UnitFailure } from '../../sync/sync-unit.js'
import { gunzipLimited, WarningList } from '../unit-helpers.js'
import { asResponse, type NvdConverter } from './nvd-page.js'
import { convertPage, mergeIncoming } from './nvd-source.js'

export interface NvdFolderOptions {
  /** A folder of saved CVE API 2.0 responses: `*.json` or `*.json.gz`, any names. */
  readonly folder: string
  readonly convert: NvdConverter
  readonly maxFileBytes?: number
  readonly maxUnpackedBytes?: number
}

const PAGE_FILE = /\.json(\.gz)?$/

/**
 * NVD from a mirror folder: every saved response is read (in name order) and merged into the
 * stored records, a later `lastModified` winning. Nothing is read when the folder's files
 * (names, sizes, times) are as they were at the last sync.
 */
export const nvdFolderUnit = (options: NvdFolderOptions): SyncUnit => ({
  source: 'nvd',
  partition: 'cves',
  run: async (context) => {
    const listed = await listPages(options.folder)
    if (!listed.ok) return listed
    const { files, etag } = listed.value
    if (context.previous?.state.validators?.etag === etag) {
      return ok({ kind: 'unchanged', warnings: [] })
    }
    const incoming = path.join(context.scratch, 'nvd-incoming.ndjson')
    const writer = await createNdjsonWriter(incoming)
    const warnings = new WarningList()
    try {
      for (const file of files) {
        context.progress(`reading ${file}`)
        const page = await readPage(options, file, warnings)
        if (!page.ok) return page
        for (const advisory of page.value) await writer.write(advisory)
      }
    } finally {
      await writer.close()
    }
    return mergeIncoming(context, incoming, {
      warnings: warnings.list(),
      replace: false,
      origin: options.folder,
      validators: { etag },
    })
  },
})

const listPages = async (
  folder: string,
): Promise<Result<{ readonly files: string[]; readonly etag: string }, UnitFailure>> => {
  let names: string[]
  try {
    names = (await readdir(folder)).filter((name) => PAGE_FILE.test(name)).sort()
  } catch {
    return err({ code: 'nvd/no-mirror-folder', message: `${folder} cannot be read`, url: folder })
  }
  if (names.length === 0) {
    return err({
      code: 'nvd/empty-mirror',
      message: `${folder} holds no *.json or *.json.gz page`,
      url: folder,
    })
  }
  const hash = createHash('sha256')
  const files = names.map((name) => path.join(folder, name))
  for (const file of files) {
    const info = await stat(file)
    hash.update(`${path.basename(file)}\0${String(info.size)}\0${String(info.mtimeMs)}\n`)
  }
  return ok({ files, etag: `"folder-${hash.digest('hex')}"` })
}

const readPage = async (options: NvdFolderOptions, file: string, warnings: WarningList) => {
  const info = await stat(file)
  const maxFileBytes = options.maxFileBytes ?? 512 << 20
  if (info.size > maxFileBytes) {
    return err({
      code: 'fetch/too-large',
      message: `${file} is larger than ${String(maxFileBytes)} bytes`,
      url: file,
    })
  }
  const bytes = gunzipLimited(
    new Uint8Array(await readFile(file)),
    options.maxUnpackedBytes ?? 2 * 1024 ** 3,
    file,
  )
  if (!bytes.ok) return bytes
  const page = convertPage(options.convert, bytes.value, file, warnings, asResponse)
  return page.ok ? ok(page.value.advisories) : page
}
