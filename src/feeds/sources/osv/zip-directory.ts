import { ArchiveError } from './archive-error.js'
import type { FileWindow } from './file-window.js'

/**
 * One entry as the central directory describes it. Its sizes and CRC-32 are the ones to trust:
 * an entry written with a data descriptor (flag bit 3, as Go's archive/zip writes every file)
 * has zeros in its local header and the real values after its data.
 */
export interface ZipEntryInfo {
  readonly name: string
  readonly flags: number
  readonly method: number
  readonly crc32: number
  readonly compressedSize: number
  readonly uncompressedSize: number
  readonly localHeaderOffset: number
}

export interface ZipDirectory {
  readonly entries: readonly ZipEntryInfo[]
  /** Entry data must end before this offset, where the central directory starts. */
  readonly dataEnd: number
}

const END_SIGNATURE = 0x06054b50
const END_LENGTH = 22
const MAX_COMMENT_LENGTH = 0xffff
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50
const ZIP64_LOCATOR_LENGTH = 20
const ZIP64_END_SIGNATURE = 0x06064b50
const ZIP64_END_LENGTH = 56
const CENTRAL_SIGNATURE = 0x02014b50
const CENTRAL_LENGTH = 46
const ZIP64_EXTRA_ID = 0x0001
const U32_MAX = 0xffffffff

interface EndRecord {
  readonly entryCount: number
  readonly directoryOffset: number
  readonly directorySize: number
  /** Where the end records (zip64 ones included) begin: the directory must end before. */
  readonly recordsStart: number
}

const corrupt = (message: string, entry?: string): ArchiveError =>
  new ArchiveError('corrupt-archive', message, entry)

/** Makes a range of the archive readable, or says which part of it is cut off. */
export const loadRange = async (
  window: FileWindow,
  position: number,
  length: number,
  what: string,
  entry?: string,
): Promise<void> => {
  if (!(await window.load(position, length))) {
    throw corrupt(`${what} runs past the end of the archive (truncated?)`, entry)
  }
}

/**
 * The end record (zip64 or not) and every central directory entry, read through the window
 * in large reads. Refuses multi-volume archives and directories that do not hold the entries
 * the end record counts.
 */
export const readZipDirectory = async (
  window: FileWindow,
  maxEntries: number,
): Promise<ZipDirectory> => {
  const end = await readEndRecord(window)
  if (end.entryCount > maxEntries) {
    throw new ArchiveError(
      'too-many-entries',
      `the archive holds ${String(end.entryCount)} entries; the limit is ${String(maxEntries)}`,
    )
  }
  if (end.directoryOffset + end.directorySize > end.recordsStart) {
    throw corrupt('the central directory runs into the end record (truncated or damaged)')
  }
  if (end.entryCount * CENTRAL_LENGTH > end.directorySize) {
    throw corrupt(
      `the central directory (${String(end.directorySize)} bytes) is too short for its ${String(end.entryCount)} entries`,
    )
  }
  return { entries: await readCentralDirectory(window, end), dataEnd: end.directoryOffset }
}

const readEndRecord = async (window: FileWindow): Promise<EndRecord> => {
  const tailLength = Math.min(window.size, END_LENGTH + MAX_COMMENT_LENGTH)
  const tailStart = window.size - tailLength
  if (tailLength < END_LENGTH || !(await window.load(tailStart, tailLength))) {
    throw corrupt('too short to be a zip archive')
  }
  const bytes = window.bytes
  const base = window.offsetOf(tailStart)
  let found = -1
  // The comment must reach exactly to the end of the file, so a comment that contains the
  // signature is not mistaken for the record, and a cut-off archive has no record at all.
  for (let at = tailLength - END_LENGTH; at >= 0; at--) {
    if (
      bytes.readUInt32LE(base + at) === END_SIGNATURE &&
      bytes.readUInt16LE(base + at + 20) === tailLength - END_LENGTH - at
    ) {
      found = at
      break
    }
  }
  if (found < 0) {
    throw corrupt('no end of central directory record (not a zip archive, or truncated)')
  }
  const endPosition = tailStart + found
  const at = base + found
  const record = {
    disk: bytes.readUInt16LE(at + 4),
    directoryDisk: bytes.readUInt16LE(at + 6),
    entriesOnDisk: bytes.readUInt16LE(at + 8),
    entryCount: bytes.readUInt16LE(at + 10),
    directorySize: bytes.readUInt32LE(at + 12),
    directoryOffset: bytes.readUInt32LE(at + 16),
  }
  const zip64 = await readZip64End(window, endPosition)
  if (zip64 !== undefined) return zip64
  checkSingleVolume(record)
  return { ...record, recordsStart: endPosition }
}

/** The zip64 end record when a locator sits just before the end record; undefined otherwise. */
const readZip64End = async (
  window: FileWindow,
  endPosition: number,
): Promise<EndRecord | undefined> => {
  const locatorPosition = endPosition - ZIP64_LOCATOR_LENGTH
  if (locatorPosition < 0) return undefined
  if (!window.holds(locatorPosition, ZIP64_LOCATOR_LENGTH)) {
    await loadRange(window, locatorPosition, ZIP64_LOCATOR_LENGTH, 'the zip64 locator')
  }
  const locator = window.offsetOf(locatorPosition)
  if (window.bytes.readUInt32LE(locator) !== ZIP64_LOCATOR_SIGNATURE) return undefined
  const totalDisks = window.bytes.readUInt32LE(locator + 16)
  if (window.bytes.readUInt32LE(locator + 4) !== 0 || totalDisks > 1) {
    throw new ArchiveError('unsupported-archive', 'multi-volume zip archives are not supported')
  }
  const recordPosition = readU64(window.bytes, locator + 8, 'the zip64 locator')
  if (recordPosition + ZIP64_END_LENGTH > locatorPosition) {
    throw corrupt('the zip64 locator points past the zip64 end record')
  }
  if (!window.holds(recordPosition, ZIP64_END_LENGTH)) {
    await loadRange(window, recordPosition, ZIP64_END_LENGTH, 'the zip64 end record')
  }
  const bytes = window.bytes
  const at = window.offsetOf(recordPosition)
  if (bytes.readUInt32LE(at) !== ZIP64_END_SIGNATURE) {
    throw corrupt('the zip64 locator does not point at a zip64 end record')
  }
  const record = {
    disk: bytes.readUInt32LE(at + 16),
    directoryDisk: bytes.readUInt32LE(at + 20),
    entriesOnDisk: readU64(bytes, at + 24, 'the zip64 end record'),
    entryCount: readU64(bytes, at + 32, 'the zip64 end record'),
    directorySize: readU64(bytes, at + 40, 'the zip64 end record'),
    directoryOffset: readU64(bytes, at + 48, 'the zip64 end record'),
  }
  checkSingleVolume(record)
  return { ...record, recordsStart: recordPosition }
}

const checkSingleVolume = (record: {
  readonly disk: number
  readonly directoryDisk: number
  readonly entriesOnDisk: number
  readonly entryCount: number
}): void => {
  if (
    record.disk !== 0 ||
    record.directoryDisk !== 0 ||
    record.entriesOnDisk !== record.entryCount
  ) {
    throw new ArchiveError('unsupported-archive', 'multi-volume zip archives are not supported')
  }
}

const readCentralDirectory = async (
  window: FileWindow,
  end: EndRecord,
): Promise<ZipEntryInfo[]> => {
  const count = String(end.entryCount)
  const directoryEnd = end.directoryOffset + end.directorySize
  const entries: ZipEntryInfo[] = []
  let position = end.directoryOffset
  for (let index = 0; index < end.entryCount; index++) {
    const what = `entry ${String(index + 1)} of ${count} in the central directory`
    const endsEarly = () =>
      corrupt(`the central directory ends after ${String(index)} of its ${count} entries`)
    if (position + CENTRAL_LENGTH > directoryEnd) throw endsEarly()
    if (!window.holds(position, CENTRAL_LENGTH)) {
      await loadRange(window, position, CENTRAL_LENGTH, what)
    }
    let at = window.offsetOf(position)
    if (window.bytes.readUInt32LE(at) !== CENTRAL_SIGNATURE) {
      throw corrupt(`${what} is damaged (no central header signature)`)
    }
    const nameLength = window.bytes.readUInt16LE(at + 28)
    const extraLength = window.bytes.readUInt16LE(at + 30)
    const length = CENTRAL_LENGTH + nameLength + extraLength + window.bytes.readUInt16LE(at + 32)
    if (position + length > directoryEnd) throw endsEarly()
    if (!window.holds(position, length)) {
      await loadRange(window, position, length, what)
      at = window.offsetOf(position)
    }
    const bytes = window.bytes
    const name = bytes.toString('utf8', at + CENTRAL_LENGTH, at + CENTRAL_LENGTH + nameLength)
    const declared = {
      uncompressedSize: bytes.readUInt32LE(at + 24),
      compressedSize: bytes.readUInt32LE(at + 20),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
    }
    const sizes =
      declared.uncompressedSize === U32_MAX ||
      declared.compressedSize === U32_MAX ||
      declared.localHeaderOffset === U32_MAX
        ? zip64Fields(bytes, at + CENTRAL_LENGTH + nameLength, extraLength, declared, name)
        : declared
    entries.push({
      name,
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      crc32: bytes.readUInt32LE(at + 16),
      ...sizes,
    })
    position += length
  }
  return entries
}

type EntrySizes = Pick<ZipEntryInfo, 'uncompressedSize' | 'compressedSize' | 'localHeaderOffset'>

/**
 * A field at its 32-bit maximum is stored in the zip64 extra field instead, in this order:
 * uncompressed size, compressed size, local header offset (APPNOTE 4.5.3).
 */
const zip64Fields = (
  bytes: Buffer,
  extraStart: number,
  extraLength: number,
  declared: EntrySizes,
  name: string,
): EntrySizes => {
  const extraEnd = extraStart + extraLength
  let at = extraStart
  while (at + 4 <= extraEnd) {
    const size = bytes.readUInt16LE(at + 2)
    const dataStart = at + 4
    if (dataStart + size > extraEnd) break
    if (bytes.readUInt16LE(at) === ZIP64_EXTRA_ID) {
      let field = dataStart
      const next = (declaredValue: number): number => {
        if (declaredValue !== U32_MAX) return declaredValue
        if (field + 8 > dataStart + size) {
          throw corrupt(`the zip64 extra field of ${name} is too short`, name)
        }
        const value = readU64(bytes, field, `the zip64 extra field of ${name}`)
        field += 8
        return value
      }
      const uncompressedSize = next(declared.uncompressedSize)
      const compressedSize = next(declared.compressedSize)
      const localHeaderOffset = next(declared.localHeaderOffset)
      return { uncompressedSize, compressedSize, localHeaderOffset }
    }
    at = dataStart + size
  }
  throw corrupt(`${name} has a size or offset that needs a zip64 extra field, and none`, name)
}

const readU64 = (bytes: Buffer, at: number, what: string): number => {
  const value = bytes.readBigUInt64LE(at)
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw corrupt(`${what} holds an impossible size`)
  return Number(value)
}
