import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { buildZip } from '../../test/support/zip-writer.js'
import { CORPUS_ECOSYSTEMS, type OsvCorpus } from './osv-corpus.js'

export interface CorpusFiles {
  /** OSV_OFFLINE_ROOT_DIR for osv-offline-db: one `<ecosystem lower case>.nedb` NDJSON each. */
  readonly peerRoot: string
  /** A `feeds sync --mirror` folder: `osv/<Ecosystem>/all.zip`, one JSON file per record. */
  readonly mirror: string
  readonly ndjsonBytes: number
  readonly zipBytes: number
}

/** Writes the same records in the layout each side reads. */
export const writeCorpusFiles = (
  corpus: OsvCorpus,
  folder: string,
  options: { readonly zip: boolean } = { zip: true },
): CorpusFiles => {
  const peerRoot = path.join(folder, 'peer')
  const mirror = path.join(folder, 'mirror')
  mkdirSync(peerRoot, { recursive: true })
  let ndjsonBytes = 0
  let zipBytes = 0
  for (const ecosystem of CORPUS_ECOSYSTEMS) {
    const records = corpus.records.get(ecosystem) ?? []
    const texts = records.map((record) => JSON.stringify(record))
    const ndjson = `${texts.join('\n')}\n`
    ndjsonBytes += Buffer.byteLength(ndjson)
    writeFileSync(path.join(peerRoot, `${ecosystem.toLowerCase()}.nedb`), ndjson)
    if (!options.zip) continue
    const zip = buildZip(
      records.map((record, i) => ({ name: `${record.id}.json`, data: texts[i] ?? '' })),
    )
    zipBytes += zip.length
    mkdirSync(path.join(mirror, 'osv', ecosystem), { recursive: true })
    writeFileSync(path.join(mirror, 'osv', ecosystem, 'all.zip'), zip)
  }
  return { peerRoot, mirror, ndjsonBytes, zipBytes }
}
