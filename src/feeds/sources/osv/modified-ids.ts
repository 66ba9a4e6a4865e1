import { instantOf } from '../../store/instant.js'

export interface ModifiedId {
  readonly modified: string
  readonly id: string
}

/**
 * `<Ecosystem>/modified_id.csv` of the OSV bucket: `<modified>,<id>` per record, newest first.
 * Returns the rows modified after `since`; lines that do not read (a header) are skipped.
 */
export const modifiedSince = (text: string, since: number): ModifiedId[] => {
  const rows: ModifiedId[] = []
  for (const line of text.split(/\r?\n/)) {
    const comma = line.indexOf(',')
    if (comma < 0) continue
    const modified = line.slice(0, comma).trim()
    const id = line.slice(comma + 1).trim()
    const at = instantOf(modified)
    if (id === '' || Number.isNaN(at)) continue
    if (at > since) rows.push({ modified, id })
  }
  return rows
}
