import { randomBytes } from 'node:crypto'
import { open, rename } from 'node:fs/promises'
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
