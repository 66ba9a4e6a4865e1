import path from 'node:path'

import { entryFields, osvPackageKey, packageKeyString, type Advisory } from '../../core/index.js'
import { writePartsDurable } from './durable-files.js'
import {
  hashSlots,
  HEADER_BYTES,
  ID_ENTRY_BYTES,
  MATCH_INDEX_FORMAT,
  MATCH_INDEX_MAGIC,
  storeInterval,
  TABLE_ENTRY_BYTES,
  type MatchIndexHeader,
  type Span,
  type StoredEntry,
} from './match-index-format.js'
import { LAYOUT } from './store-layout.js'

/**
 * Collects, while a partition's records are written, what its matching index needs: each
 * record's byte span in `records.ndjson` and its compiled `affected` entries (ranges turned into
 * intervals of sortable keys once, at sync time, instead of at every scan).
 */
export class MatchIndexWriter {
  private readonly bodies = new Map<string, string[]>()
  private readonly ids: string[] = []
  private readonly cpe: Span[] = []
  private readonly csaf: Span[] = []
  private bytes = 0

  add(advisory: Advisory, offset: number, length: number): void {
    this.ids.push(advisory.id)
    this.bytes = offset + length + 1
    if (advisory.withdrawn !== undefined) return
    for (const affected of advisory.affected) {
      const key = packageKeyString(osvPackageKey(affected.ecosystem, affected.name))
      const fields = entryFields(advisory.id, affected)
      const entry: StoredEntry = [
        advisory.id,
        offset,
        length,
        affected.ecosystem,
        affected.name,
        fields.listed,
        fields.intervals?.map(storeInterval) ?? null,
        fields.intervals === undefined ? affected : null,
      ]
      const body = this.bodies.get(key)
      if (body === undefined) this.bodies.set(key, [JSON.stringify(entry)])
      else body.push(JSON.stringify(entry))
    }
    if (advisory.configurations.length > 0) this.cpe.push([offset, length])
    if (advisory.products.length > 0) this.csaf.push([offset, length])
  }

  /** Writes `match-index.bin` into the partition folder of `recordsFile`, flushed to disk. */
  async write(recordsFile: string): Promise<void> {
    await writePartsDurable(
      path.join(path.dirname(recordsFile), LAYOUT.matchIndex),
      this.serialize(),
    )
  }

  /** The file as the parts written one after the other (the bodies are not copied again). */
  private serialize(): Buffer[] {
    const keys = [...this.bodies.keys()]
      .map((key) => Buffer.from(key, 'utf8'))
      .sort((a, b) => Buffer.compare(a, b))
    const keyTable = Buffer.alloc(keys.length * TABLE_ENTRY_BYTES)
    const keyParts: Buffer[] = []
    const bodyParts: Buffer[] = []
    let keyOffset = 0
    let bodyOffset = 0
    keys.forEach((key, at) => {
      const body = Buffer.from(`[${(this.bodies.get(key.toString('utf8')) ?? []).join(',')}]`)
      keyTable.writeUInt32LE(keyOffset, at * TABLE_ENTRY_BYTES)
      keyTable.writeUInt32LE(key.length, at * TABLE_ENTRY_BYTES + 4)
      keyTable.writeUInt32LE(bodyOffset, at * TABLE_ENTRY_BYTES + 8)
      keyTable.writeUInt32LE(body.length, at * TABLE_ENTRY_BYTES + 12)
      keyParts.push(key)
      bodyParts.push(body)
      keyOffset += key.length
      bodyOffset += body.length
    })
    const ids = this.ids.map((id) => Buffer.from(id, 'utf8')).sort((a, b) => Buffer.compare(a, b))
    const idTable = Buffer.alloc(ids.length * ID_ENTRY_BYTES)
    let idOffset = 0
    ids.forEach((id, at) => {
      idTable.writeUInt32LE(idOffset, at * ID_ENTRY_BYTES)
      idTable.writeUInt32LE(id.length, at * ID_ENTRY_BYTES + 4)
      idOffset += id.length
    })
    const sections: readonly (readonly Buffer[])[] = [
      [hashSlots(keys.map((key) => key.toString('utf8')))],
      [keyTable],
      [Buffer.concat(keyParts)],
      bodyParts,
      [hashSlots(ids.map((id) => id.toString('utf8')))],
      [idTable],
      [Buffer.concat(ids)],
      [Buffer.from(JSON.stringify(this.cpe))],
      [Buffer.from(JSON.stringify(this.csaf))],
    ]
    const spans: Span[] = []
    let at = HEADER_BYTES
    for (const parts of sections) {
      const length = parts.reduce((sum, part) => sum + part.length, 0)
      spans.push([at, length])
      at += length
    }
    const span = (index: number): Span => spans[index] ?? [0, 0]
    const header: MatchIndexHeader = {
      magic: MATCH_INDEX_MAGIC,
      format: MATCH_INDEX_FORMAT,
      records: this.ids.length,
      recordsBytes: this.bytes,
      keys: keys.length,
      keySlots: span(0),
      keyTable: span(1),
      keyBlob: span(2),
      bodies: span(3),
      ids: ids.length,
      idSlots: span(4),
      idTable: span(5),
      idBlob: span(6),
      cpe: span(7),
      csaf: span(8),
    }
    const headerText = `${JSON.stringify(header)}\n`
    if (Buffer.byteLength(headerText) > HEADER_BYTES) throw new Error('match index header too long')
    return [Buffer.from(headerText.padEnd(HEADER_BYTES, ' ')), ...sections.flat()]
  }
}
