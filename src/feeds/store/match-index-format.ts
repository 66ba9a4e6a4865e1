import {
  fnv1a,
  type AffectedPackage,
  type SortableFamily,
  type SortableInterval,
} from '../../core/index.js'

/**
 * `match-index.bin`, beside a partition's `records.ndjson` and written with it, so it is part of
 * the generation that the atomic switch publishes. It holds what matching needs and nothing
 * else, laid out to be opened without parsing:
 *
 *     header      one JSON line (below), padded with spaces to HEADER_BYTES
 *     key slots   open-addressing hash table (linear probing, a power of two of at least twice
 *                 the keys): per slot 2 little-endian uint32, the key's `hashKey` and its row
 *                 in the key table plus one (0: empty)
 *     key table   per package key, sorted by the key's UTF-8 bytes: 4 uint32 (key offset, key
 *                 length, body offset, body length; relative to their blobs)
 *     keys        the package keys (`packageKeyString`), UTF-8
 *     bodies      per key, a JSON array of its entries (StoredEntry), in records order
 *     id slots    the same hash table over the advisory ids (withdrawn ones too)
 *     id table    per id, sorted: 2 uint32 (offset, length)
 *     ids         the ids, UTF-8
 *     cpe, csaf   JSON arrays of [offset, length] of the records (not withdrawn) with CPE
 *                 configurations and with CSAF products
 *
 * Opening reads the header only. The key slots, key table and keys are read in one go at the
 * first lookup (the id sections likewise at the first id question); a key's body is read and
 * parsed when a component asks for it, and an advisory's record (by byte offset into
 * `records.ndjson`) when it matches.
 * Sortable version keys are stored as they are made today: change any version order's key
 * encoding and MATCH_INDEX_FORMAT must change too, which makes older files be ignored (readers
 * then fall back to reading the records).
 */
export const MATCH_INDEX_FORMAT = 1
export const MATCH_INDEX_MAGIC = 'medcyber-match-index'
export const HEADER_BYTES = 4096
export const TABLE_ENTRY_BYTES = 16
export const ID_ENTRY_BYTES = 8
export const SLOT_BYTES = 8

/**
 * The slot hash of a key in a hash table section: FNV-1a over the UTF-16 code units, the same
 * function the in-memory index filters keys with. Stored files depend on it: changing it means
 * changing MATCH_INDEX_FORMAT.
 */
export const hashKey = fnv1a

/** A hash table over `keys` (their rows in a table are their positions here). */
export const hashSlots = (keys: readonly string[]): Buffer => {
  let count = 1
  while (count < keys.length * 2) count *= 2
  const slots = Buffer.alloc(count * SLOT_BYTES)
  const mask = count - 1
  keys.forEach((key, row) => {
    const hash = hashKey(key)
    let slot = hash & mask
    while (slots.readUInt32LE(slot * SLOT_BYTES + 4) !== 0) slot = (slot + 1) & mask
    slots.writeUInt32LE(hash, slot * SLOT_BYTES)
    slots.writeUInt32LE(row + 1, slot * SLOT_BYTES + 4)
  })
  return slots
}

/**
 * The row of `key` in a table whose rows start with (offset, length) into `blob`, through its
 * hash slots; -1 when absent. Compares text only on a full hash match.
 */
export const findRow = (
  slots: Buffer,
  table: Buffer,
  stride: number,
  blob: Buffer,
  key: string,
): number => {
  const mask = slots.length / SLOT_BYTES - 1
  const hash = hashKey(key)
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const row = slots.readUInt32LE(slot * SLOT_BYTES + 4)
    if (row === 0) return -1
    if (slots.readUInt32LE(slot * SLOT_BYTES) !== hash) continue
    const offset = table.readUInt32LE((row - 1) * stride)
    const length = table.readUInt32LE((row - 1) * stride + 4)
    if (blob.toString('utf8', offset, offset + length) === key) return row - 1
  }
}

/** [offset, length] of a section in the file, or of a record in `records.ndjson`. */
export type Span = readonly [number, number]

export interface MatchIndexHeader {
  readonly magic: typeof MATCH_INDEX_MAGIC
  readonly format: number
  /** Lines of `records.ndjson`, withdrawn ones included. */
  readonly records: number
  /** Size of `records.ndjson` the offsets refer to: another size means another file. */
  readonly recordsBytes: number
  readonly keys: number
  readonly keySlots: Span
  readonly keyTable: Span
  readonly keyBlob: Span
  readonly bodies: Span
  readonly ids: number
  readonly idSlots: Span
  readonly idTable: Span
  readonly idBlob: Span
  readonly cpe: Span
  readonly csaf: Span
}

/**
 * An interval, compact: family, lower key or null, lower included (1), upper key or null, upper
 * included (1).
 */
export type StoredInterval = readonly [SortableFamily, string | null, 0 | 1, string | null, 0 | 1]

/**
 * One `affected[]` entry: advisory id, record offset and length, ecosystem, name, explicit
 * versions, intervals, and (only where intervals cannot say it, as for Maven) the entry itself,
 * compiled again when read.
 */
export type StoredEntry = readonly [
  string,
  number,
  number,
  string,
  string,
  readonly string[],
  readonly StoredInterval[] | null,
  AffectedPackage | null,
]

export const storeInterval = (interval: SortableInterval): StoredInterval => [
  interval.family,
  interval.lo ?? null,
  interval.loIncluded ? 1 : 0,
  interval.hi ?? null,
  interval.hiIncluded ? 1 : 0,
]

export const readInterval = ([
  family,
  lo,
  loIncluded,
  hi,
  hiIncluded,
]: StoredInterval): SortableInterval => ({
  family,
  ...(lo === null ? {} : { lo }),
  loIncluded: loIncluded === 1,
  ...(hi === null ? {} : { hi }),
  hiIncluded: hiIncluded === 1,
})
