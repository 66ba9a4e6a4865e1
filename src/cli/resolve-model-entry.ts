import path from 'node:path'

import type { FileSystem } from './cli-io.js'

/** The names a model's root file may have, in the order they are looked for in a folder. */
export const ROOT_FILE_NAMES = ['medcyber.yaml', 'medcyber.yml', 'medcyber.json'] as const

/** A model is named by its root file or by the folder that holds `medcyber.yaml`. */
export const resolveModelEntry = async (
  files: FileSystem,
  argument: string,
): Promise<{ file: string } | { problem: string }> => {
  const kind = await files.kindOf(argument)
  if (kind === 'missing') return { problem: `${argument} does not exist` }
  if (kind === 'file') return { file: path.normalize(argument) }
  for (const name of ROOT_FILE_NAMES) {
    const candidate = path.join(argument, name)
    if ((await files.kindOf(candidate)) === 'file') return { file: candidate }
  }
  return {
    problem: `${argument} is a folder without a model: expected ${ROOT_FILE_NAMES.join(', or ')} in it (medcyber init ${argument} creates one)`,
  }
}
