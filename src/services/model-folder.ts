import { lstat, readdir, readFile } from 'node:fs/promises'
import path from 'node:path'

import type { ModelFile } from '../store/index.js'

/** A model folder is a handful of YAML files and SBOMs; far more means the wrong folder. */
export const MODEL_FOLDER_LIMITS = { maxFiles: 500, maxTotalBytes: 64 * 1024 * 1024 } as const

export class ModelFolderError extends Error {
  readonly code = 'model-folder/unreadable'
  readonly folder: string
  constructor(folder: string, message: string) {
    super(message)
    this.name = 'ModelFolderError'
    this.folder = folder
  }
}

/**
 * Every file of a model folder with its path relative to the folder (forward slashes), for an
 * import into the store. Hidden files and folders (`.git`) are skipped and symbolic links are
 * refused, so nothing outside the folder can be pulled in.
 */
export const readModelFolder = async (folder: string): Promise<ModelFile[]> => {
  const files: ModelFile[] = []
  let total = 0
  const visit = async (relative: string): Promise<void> => {
    const entries = await readdir(path.join(folder, relative), { withFileTypes: true })
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`
      const info = await lstat(path.join(folder, child))
      if (info.isSymbolicLink()) {
        throw new ModelFolderError(
          folder,
          `${child} is a symbolic link; model folders may not hold links`,
        )
      }
      if (info.isDirectory()) {
        await visit(child)
        continue
      }
      if (!info.isFile()) continue
      total += info.size
      if (
        files.length >= MODEL_FOLDER_LIMITS.maxFiles ||
        total > MODEL_FOLDER_LIMITS.maxTotalBytes
      ) {
        throw new ModelFolderError(
          folder,
          `${folder} holds more than ${String(MODEL_FOLDER_LIMITS.maxFiles)} files or ${String(MODEL_FOLDER_LIMITS.maxTotalBytes)} bytes; is it a model folder?`,
        )
      }
      files.push({ path: child, text: await readFile(path.join(folder, child), 'utf8') })
    }
  }
  try {
    await visit('')
  } catch (error) {
    if (error instanceof ModelFolderError) throw error
    throw new ModelFolderError(
      folder,
      `${folder} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    )
  }
  return files
}
