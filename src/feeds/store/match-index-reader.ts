import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import path from 'node:path'

import {
  compileAffected,
  type Advisory,
  type AffectedPackage,
  type PackageEntry,
} from '../../core/index.js'
import {
  findRow,
  HEADER_BYTES,
  ID_ENTRY_BYTES,
  MATCH_INDEX_FORMAT,
  MATCH_INDEX_MAGIC,
  readInterval,
  TABLE_ENTRY_BYTES,
  type MatchIndexHeader,
  type Span,
  type StoredEntry,
} from './match-index-format.js'
import { LAYOUT } from './store-layout.js'

/** What the combined index asks of one partition, from its index file or from its records. */
export interface IndexedPartition {
  /** Its records, withdrawn ones included. */
  readonly records: number
  /** Entries of one package key, in records order, withdrawn advisories left out. */
  readonly entries: (key: string) => PackageEntry[]
  readonly has: (id: string) => boolean
  readonly ids: () => Iterable<string>
  /** Advisories (not withdrawn) with CPE configurations, and with CSAF products. */
  readonly withCpe: () => Advisory[]
  readonly withProducts: () => Advisory[]
  readonly close: () => void
}

const readAt = (fd: number, [offset, length]: Span): Buffer => {
  const buffer = Buffer.alloc(length)
  let done = 0
  while (done < length) {
    const read = readSync(fd, buffer, done, length - done, offset + done)
    if (read === 0) throw new Error('match index shorter than its header says')
    done += read
  }
  return buffer
}

const isHeader = (value: unknown): value is MatchIndexHeader =>
  typeof value === 'object' &&
  value !== null &&
  (value as { magic?: unknown }).magic === MATCH_INDEX_MAGIC &&
  (value as { format?: unknown }).format === MATCH_INDEX_FORMAT

/**
 * Opens a partition's `match-index.bin`: reads its header only (its key and id tables are read
 * on first use). Undefined when the file is missing, of another format, or made for another
 * `records.ndjson` (a partition written before the index existed): the caller then reads the
 * records instead.
 */
export const openIndexedPartition = (folder: string): IndexedPartition | undefined => {
  let fd: number | undefined
  let recordsFd: number | undefined
  try {
    fd = openSync(path.join(folder, LAYOUT.matchIndex), 'r')
    recordsFd = openSync(path.join(folder, LAYOUT.records), 'r')
    const headerText = readAt(fd, [0, HEADER_BYTES]).toString('utf8')
    const header = JSON.parse(headerText.slice(0, headerText.indexOf('\n'))) as unknown
    // Sections are read lazily, so a file cut short after its header must be refused here.
    if (
      !isHeader(header) ||
      fstatSync(recordsFd).size !== header.recordsBytes ||
      fstatSync(fd).size !== header.csaf[0] + header.csaf[1]
    ) {
      throw new Error('stale')
    }
    return partitionOf(fd, recordsFd, header)
  } catch {
    if (fd !== undefined) closeSync(fd)
    if (recordsFd !== undefined) closeSync(recordsFd)
    return undefined
  }
}

interface HashTable {
  readonly slots: Buffer
  readonly table: Buffer
  readonly blob: Buffer
}

/** A hash table section (slots, table, blob: adjacent in the file), read whole when first asked. */
const lazyHashTable = (fd: number, slots: Span, table: Span, blob: Span): (() => HashTable) => {
  let read: HashTable | undefined
  return () => {
    if (read === undefined) {
      const all = readAt(fd, [slots[0], slots[1] + table[1] + blob[1]])
      read = {
        slots: all.subarray(0, slots[1]),
        table: all.subarray(slots[1], slots[1] + table[1]),
        blob: all.subarray(slots[1] + table[1]),
      }
    }
    return read
  }
}

const partitionOf = (fd: number, recordsFd: number, header: MatchIndexHeader): IndexedPartition => {
  // Key slots, key table and keys are adjacent: one read, on the first lookup rather than at
  // open. They are 1.5-2 MB per partition at 200k records, and filling fresh pages with them
  // took 5-8 ms per partition on the 2-core VM (measured), most of a warm open of four.
  const keysRead = lazyHashTable(fd, header.keySlots, header.keyTable, header.keyBlob)
  const idsRead = lazyHashTable(fd, header.idSlots, header.idTable, header.idBlob)
  const advisories = new Map<number, Advisory>()
  const advisoryAt = (offset: number, length: number): Advisory => {
    let advisory = advisories.get(offset)
    if (advisory === undefined) {
      advisory = JSON.parse(readAt(recordsFd, [offset, length]).toString('utf8')) as Advisory
      advisories.set(offset, advisory)
    }
    return advisory
  }
  const spansOf = (span: Span): Advisory[] =>
    (JSON.parse(readAt(fd, span).toString('utf8')) as Span[]).map(([offset, length]) =>
      advisoryAt(offset, length),
    )
  return {
    records: header.records,
    entries: (key) => {
      const { slots, table, blob } = keysRead()
      const row = findRow(slots, table, TABLE_ENTRY_BYTES, blob, key)
      if (row < 0) return []
      const at = row * TABLE_ENTRY_BYTES
      const body = readAt(fd, [
        header.bodies[0] + table.readUInt32LE(at + 8),
        table.readUInt32LE(at + 12),
      ])
      return (JSON.parse(body.toString('utf8')) as StoredEntry[]).map((stored) =>
        entryOf(stored, advisoryAt),
      )
    },
    has: (id) => {
      const { slots, table, blob } = idsRead()
      return findRow(slots, table, ID_ENTRY_BYTES, blob, id) >= 0
    },
    ids: function* () {
      const { table, blob } = idsRead()
      for (let at = 0; at < table.length; at += ID_ENTRY_BYTES) {
        const offset = table.readUInt32LE(at)
        yield blob.toString('utf8', offset, offset + table.readUInt32LE(at + 4))
      }
    },
    withCpe: () => spansOf(header.cpe),
    withProducts: () => spansOf(header.csaf),
    close: () => {
      closeSync(fd)
      closeSync(recordsFd)
    },
  }
}

const entryOf = (
  [advisoryId, offset, length, ecosystem, name, listed, intervals, affected]: StoredEntry,
  advisoryAt: (offset: number, length: number) => Advisory,
): PackageEntry => {
  const release = ecosystem.split(':')[1]
  const base = {
    advisoryId,
    ecosystem,
    name,
    ...(release === undefined || release === '' ? {} : { release }),
    advisory: () => advisoryAt(offset, length),
  }
  return intervals === null
    ? {
        ...base,
        listed: [],
        intervals: undefined,
        isAffected: compileAffected(affected ?? emptyAffected(ecosystem, name)).isAffected,
      }
    : { ...base, listed, intervals: intervals.map(readInterval) }
}

const emptyAffected = (ecosystem: string, name: string): AffectedPackage => ({
  ecosystem,
  name,
  ranges: [],
  versions: [],
})
