import { randomBytes } from 'node:crypto'
import { open, rename, type FileHandle } from 'node:fs/promises'
import path from 'node:path'

/** Writes a whole file and flushes it to the disk before returning. */
export const writeFileDurable = async (file: string, data: string | Uint8Array): Promise<void> => {
  const handle = await open(file, 'w')
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Most systems take at most 1024 buffers in one gathered write. */
const PARTS_AT_ONCE = 1024

/**
 * Writes `parts` one after the other as a whole file and flushes it to the disk: a large file
 * made of sections need not be copied into one buffer first.
 */
export const writePartsDurable = async (
  file: string,
  parts: readonly Uint8Array[],
): Promise<void> => {
  const handle = await open(file, 'w')
  try {
    for (let at = 0; at < parts.length; at += PARTS_AT_ONCE) {
      const batch = parts.slice(at, at + PARTS_AT_ONCE)
      const expected = batch.reduce((sum, part) => sum + part.byteLength, 0)
      const { bytesWritten } = await handle.writev(batch)
      // A short gathered write (rare, but allowed) is finished part by part.
      if (bytesWritten < expected) await finishShortWrite(handle, batch, bytesWritten)
    }
    await handle.sync()
  } finally {
    await handle.close()
  }
}

const finishShortWrite = async (
  handle: FileHandle,
  batch: readonly Uint8Array[],
  written: number,
): Promise<void> => {
  let skip = written
  for (const part of batch) {
    if (skip >= part.byteLength) {
      skip -= part.byteLength
      continue
    }
    await handle.writeFile(part.subarray(skip))
    skip = 0
  }
}

/**
 * Flushes a folder's entries (new names, renames) to the disk. Some systems cannot open a
 * folder for this (Windows); there the rename is as durable as the system makes it.
 */
export const fsyncFolder = async (folder: string): Promise<void> => {
  let handle
  try {
    handle = await open(folder, 'r')
    await handle.sync()
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') throw error
  } finally {
    await handle?.close()
  }
}

/** Replaces `file` in one step: readers see the old content or the new, never a mix. */
export const replaceFileAtomically = async (
  file: string,
  data: string | Uint8Array,
): Promise<void> => {
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`
  await writeFileDurable(temporary, data)
  await rename(temporary, file)
  await fsyncFolder(path.dirname(file))
}
