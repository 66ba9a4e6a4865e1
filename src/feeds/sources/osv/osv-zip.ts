import { crc32, inflateRawSync } from 'node:zlib'

import { openPromise, type Entry, type ZipFile } from 'yauzl'

export interface ZipLimits {
  readonly maxEntries: number
  /** Larger entries are skipped and named. */
  readonly maxEntryBytes: number
  /** The whole archive, unpacked; beyond it the archive is refused. */
  readonly maxTotalBytes: number
}

export const ZIP_FAILURES = [
  'corrupt-archive',
  'unsafe-entry-name',
  'too-many-entries',
  'too-large',
  'encrypted-entry',
] as const
export type ZipFailure = (typeof ZIP_FAILURES)[number]

/** Thrown from the entry stream and caught by the OSV unit, which turns it into a failure. */
export class ArchiveError extends Error {
  readonly code: ZipFailure

  constructor(code: ZipFailure, message: string) {
    super(message)
    this.name = 'ArchiveError'
    this.code = code
  }
}

export type ZipJsonEntry =
  | { readonly name: string; readonly json: unknown }
  | { readonly name: string; readonly problem: string }

/**
 * The `*.json` entries of a zip file, one at a time (the archive is never unpacked to disk).
 * Refuses archives that are truncated or damaged, hold more entries or bytes than the limits,
 * or name entries with `..`, an absolute path or a backslash.
 */
export async function* readZipJsonEntries(
  file: string,
  limits: ZipLimits,
): AsyncGenerator<ZipJsonEntry> {
  const zip = await openZip(file)
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new ArchiveError(
        'too-many-entries',
        `the archive holds ${String(zip.entryCount)} entries; the limit is ${String(limits.maxEntries)}`,
      )
    }
    let total = 0
    for await (const entry of entries(zip)) {
      checkName(entry.fileName)
      if (entry.fileName.endsWith('/') || !entry.fileName.endsWith('.json')) continue
      if (entry.isEncrypted()) {
        throw new ArchiveError('encrypted-entry', `${entry.fileName} is encrypted`)
      }
      if (
        entry.uncompressedSize > limits.maxEntryBytes ||
        entry.compressedSize > limits.maxEntryBytes
      ) {
        yield {
          name: entry.fileName,
          problem: `${String(entry.uncompressedSize)} bytes is too large`,
        }
        continue
      }
      total += entry.uncompressedSize
      if (total > limits.maxTotalBytes) {
        throw new ArchiveError(
          'too-large',
          `the archive unpacks to more than ${String(limits.maxTotalBytes)} bytes`,
        )
      }
      yield parseEntry(entry.fileName, await readEntry(zip, entry))
    }
  } finally {
    zip.close()
  }
}

const openZip = async (file: string): Promise<ZipFile> => {
  try {
    return await openPromise(file, {
      lazyEntries: true,
      autoClose: false,
      validateEntrySizes: true,
      strictFileNames: true,
    })
  } catch (error) {
    throw new ArchiveError('corrupt-archive', `not a readable zip archive (${message(error)})`)
  }
}

/** yauzl checks names itself and reports a bad one as an error; say which kind it is. */
async function* entries(zip: ZipFile): AsyncGenerator<Entry> {
  try {
    yield* zip.eachEntry()
  } catch (error) {
    if (error instanceof ArchiveError) throw error
    const text = message(error)
    throw /absolute path|relative path|invalid characters/.test(text)
      ? new ArchiveError('unsafe-entry-name', `an entry name would leave the archive: ${text}`)
      : new ArchiveError('corrupt-archive', `the archive is damaged (${text})`)
  }
}

const checkName = (name: string): void => {
  if (name.includes('\\') || name.startsWith('/') || /^[a-z]:/i.test(name)) {
    throw new ArchiveError('unsafe-entry-name', `the entry name '${name}' is absolute`)
  }
  if (name.split('/').includes('..')) {
    throw new ArchiveError('unsafe-entry-name', `the entry name '${name}' climbs out with '..'`)
  }
}

const STORED = 0
const DEFLATED = 8

/**
 * One entry's bytes. The raw data is inflated in one call and checked against the entry's size
 * and CRC-32 here: several times faster than a decompressing stream per small record.
 */
const readEntry = async (zip: ZipFile, entry: Entry): Promise<Buffer> => {
  const { fileName, compressionMethod, uncompressedSize } = entry
  if (compressionMethod !== STORED && compressionMethod !== DEFLATED) {
    throw new ArchiveError(
      'corrupt-archive',
      `${fileName} uses compression method ${String(compressionMethod)}`,
    )
  }
  let raw: Buffer
  try {
    const stream = await zip.openReadStreamPromise(entry, { decodeFileData: false })
    const chunks: Buffer[] = []
    for await (const chunk of stream) chunks.push(chunk as Buffer)
    raw = Buffer.concat(chunks)
  } catch (error) {
    throw new ArchiveError(
      'corrupt-archive',
      `the entry ${fileName} cannot be read (${message(error)})`,
    )
  }
  let data: Buffer
  try {
    data =
      compressionMethod === STORED
        ? raw
        : inflateRawSync(raw, { maxOutputLength: Math.max(1, uncompressedSize) })
  } catch (error) {
    throw new ArchiveError(
      'corrupt-archive',
      `the entry ${fileName} does not inflate (${message(error)})`,
    )
  }
  if (data.length !== uncompressedSize || crc32(data) !== entry.crc32) {
    throw new ArchiveError(
      'corrupt-archive',
      `the entry ${fileName} fails its size or CRC-32 check`,
    )
  }
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
