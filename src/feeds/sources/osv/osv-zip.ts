import { open, type FileHandle } from 'node:fs/promises'
import { crc32, inflateRawSync } from 'node:zlib'

import { ArchiveError } from './archive-error.js'
import { FileWindow } from './file-window.js'
import { loadRange, readZipDirectory, type ZipEntryInfo } from './zip-directory.js'

export { ArchiveError } from './archive-error.js'

export interface ZipLimits {
  readonly maxEntries: number
  /** Larger entries are skipped and named. */
  readonly maxEntryBytes: number
  /** The whole archive, unpacked; beyond it the archive is refused. */
  readonly maxTotalBytes: number
}

export type ZipJsonEntry =
  | { readonly name: string; readonly json: unknown }
  | { readonly name: string; readonly problem: string }

/**
 * Bytes read at once: large enough that reads are few, small enough to hold once per unit
 * syncing at the same time. An entry larger than the window (up to `maxEntryBytes` packed) is
 * read on its own.
 */
const WINDOW_BYTES = 8 << 20

const STORED = 0
const DEFLATED = 8
const ENCRYPTED_FLAGS = 0x0001 | 0x0040
const LOCAL_SIGNATURE = 0x04034b50
const LOCAL_LENGTH = 30

/**
 * The `*.json` entries of a zip file, one at a time (the archive is never unpacked to disk).
 * Refuses archives that are truncated or damaged, hold more entries or bytes than the limits,
 * or name entries with `..`, an absolute path or a backslash.
 *
 * The archive is read with its own small reader rather than a general zip library: one
 * through yauzl made a few small file reads and one inflate stream per entry, and at 200k
 * records that was most of a cold `feeds sync` (bench/README.md, B4a). Here the central
 * directory is read once, then the entries in file order through one window of large reads,
 * each inflated in one `inflateRawSync` call and checked against its size and CRC-32.
 * Supported: stored and deflated entries, data descriptors (sizes come from the central
 * directory), zip64 sizes, offsets and end records. Refused with `unsupported-archive`:
 * other compression methods and multi-volume archives; encrypted entries with
 * `encrypted-entry`.
 */
export async function* readZipJsonEntries(
  file: string,
  limits: ZipLimits,
  { windowBytes = WINDOW_BYTES }: { readonly windowBytes?: number } = {},
): AsyncGenerator<ZipJsonEntry> {
  const handle = await openArchive(file)
  try {
    const window = new FileWindow(handle, (await handle.stat()).size, windowBytes)
    const directory = await readZipDirectory(window, limits.maxEntries)
    let nextFree = 0
    for (const planned of planReads(directory.entries, limits)) {
      if ('problem' in planned) {
        yield planned
        continue
      }
      const { data, end } = await readEntry(window, planned, nextFree, directory.dataEnd)
      nextFree = end
      yield parseEntry(planned.name, data)
    }
  } finally {
    await handle.close()
  }
}

const openArchive = async (file: string): Promise<FileHandle> => {
  try {
    return await open(file, 'r')
  } catch (error) {
    throw new ArchiveError('corrupt-archive', `not a readable zip archive (${message(error)})`)
  }
}

type PlannedRead = ZipEntryInfo | { readonly name: string; readonly problem: string }

/**
 * What to read, in file order, decided from the central directory before any entry is
 * inflated: every name is checked, and the limits apply to the sizes the directory declares
 * (inflating stops at the declared size, so no entry can exceed them).
 */
const planReads = (entries: readonly ZipEntryInfo[], limits: ZipLimits): PlannedRead[] => {
  const planned: PlannedRead[] = []
  let total = 0
  for (const entry of inFileOrder(entries)) {
    const { name, uncompressedSize } = entry
    checkName(name)
    if (name.endsWith('/') || !name.endsWith('.json')) continue
    if ((entry.flags & ENCRYPTED_FLAGS) !== 0) {
      throw new ArchiveError('encrypted-entry', `${name} is encrypted`, name)
    }
    if (uncompressedSize > limits.maxEntryBytes || entry.compressedSize > limits.maxEntryBytes) {
      planned.push({ name, problem: `${String(uncompressedSize)} bytes is too large` })
      continue
    }
    if (entry.method !== STORED && entry.method !== DEFLATED) {
      throw new ArchiveError(
        'unsupported-archive',
        `${name} uses compression method ${String(entry.method)}; only stored and deflated entries are read`,
        name,
      )
    }
    total += uncompressedSize
    if (total > limits.maxTotalBytes) {
      throw new ArchiveError(
        'too-large',
        `the archive unpacks to more than ${String(limits.maxTotalBytes)} bytes`,
      )
    }
    planned.push(entry)
  }
  return planned
}

/** Writers list entries in file order; the sort is for archives that do not. */
const inFileOrder = (entries: readonly ZipEntryInfo[]): readonly ZipEntryInfo[] => {
  for (let index = 1; index < entries.length; index++) {
    const previous = entries[index - 1]
    const entry = entries[index]
    if (previous !== undefined && entry !== undefined) {
      if (entry.localHeaderOffset < previous.localHeaderOffset) {
        return [...entries].sort((a, b) => a.localHeaderOffset - b.localHeaderOffset)
      }
    }
  }
  return entries
}

const checkName = (name: string): void => {
  if (name.includes('\\') || name.startsWith('/') || /^[a-z]:/i.test(name)) {
    throw new ArchiveError('unsafe-entry-name', `the entry name '${name}' is absolute`, name)
  }
  if (name.split('/').includes('..')) {
    throw new ArchiveError(
      'unsafe-entry-name',
      `the entry name '${name}' climbs out with '..'`,
      name,
    )
  }
}

/**
 * One entry's bytes, from its local header on. `notBefore` is where the entry read before it
 * ended: entries that share bytes (a known way to build a zip bomb) are refused.
 */
const readEntry = async (
  window: FileWindow,
  entry: ZipEntryInfo,
  notBefore: number,
  dataEnd: number,
): Promise<{ readonly data: Buffer; readonly end: number }> => {
  const { name, localHeaderOffset: start, compressedSize } = entry
  const damaged = (what: string) => new ArchiveError('corrupt-archive', `${name}: ${what}`, name)
  if (start < notBefore) throw damaged('its data overlaps the entry before it')
  if (!window.holds(start, LOCAL_LENGTH)) {
    await loadRange(window, start, LOCAL_LENGTH, `the local header of ${name}`, name)
  }
  let at = window.offsetOf(start)
  if (window.bytes.readUInt32LE(at) !== LOCAL_SIGNATURE) {
    throw damaged('no local header where the central directory points')
  }
  const nameLength = window.bytes.readUInt16LE(at + 26)
  const headerLength = LOCAL_LENGTH + nameLength + window.bytes.readUInt16LE(at + 28)
  const end = start + headerLength + compressedSize
  if (end > dataEnd) throw damaged('its data runs into the central directory')
  if (!window.holds(start, end - start)) {
    await loadRange(window, start, end - start, `the data of ${name}`, name)
    at = window.offsetOf(start)
  }
  const bytes = window.bytes
  if (bytes.toString('utf8', at + LOCAL_LENGTH, at + LOCAL_LENGTH + nameLength) !== name) {
    throw damaged('its local header names a different entry')
  }
  const raw = bytes.subarray(at + headerLength, at + headerLength + compressedSize)
  return { data: unpack(entry, raw), end }
}

/** Inflating stops at the declared size, so a small entry that claims to be smaller fails. */
const unpack = (entry: ZipEntryInfo, raw: Buffer): Buffer => {
  const { name, uncompressedSize } = entry
  const damaged = (what: string) => new ArchiveError('corrupt-archive', `${name}: ${what}`, name)
  let data = raw
  if (entry.method === DEFLATED) {
    try {
      data = inflateRawSync(raw, {
        maxOutputLength: Math.max(1, uncompressedSize),
        chunkSize: Math.max(64, uncompressedSize + 1),
      })
    } catch (error) {
      throw (error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE'
        ? damaged(`inflates to more than the ${String(uncompressedSize)} bytes it declares`)
        : damaged(`does not inflate (${message(error)})`)
    }
  }
  if (data.length !== uncompressedSize) {
    throw damaged(
      `holds ${String(data.length)} bytes, not the ${String(uncompressedSize)} it declares`,
    )
  }
  if (crc32(data) !== entry.crc32) throw damaged('fails its CRC-32 check')
  return data
}

const parseEntry = (name: string, bytes: Buffer): ZipJsonEntry => {
  try {
    return { name, json: JSON.parse(bytes.toString('utf8')) as unknown }
  } catch (error) {
    return { name, problem: `not JSON (${message(error)})` }
  }
}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error))
