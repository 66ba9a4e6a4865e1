import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { tempDir } from './temp-dir.js'
import { PROJECT_ROOT } from './testdata.js'

export const EXAMPLES_DIR = path.join(PROJECT_ROOT, 'examples')

/** The example device folders shipped in examples/. */
export const exampleNames = (): string[] =>
  readdirSync(EXAMPLES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()

/** Every file of a folder, by path relative to it. */
export const readFolder = (folder: string): Map<string, string> => {
  const files = new Map<string, string>()
  const walk = (relative: string): void => {
    for (const entry of readdirSync(path.join(folder, relative), { withFileTypes: true })) {
      const child = path.join(relative, entry.name)
      if (entry.isDirectory()) walk(child)
      else files.set(child, readFileSync(path.join(folder, child), 'utf8'))
    }
  }
  walk('')
  return files
}

/** Writes files to a new temporary folder and returns its path. */
export const writeFolder = (files: ReadonlyMap<string, string>): string => {
  const folder = tempDir('medcyber-model')
  for (const [relative, content] of files) {
    mkdirSync(path.dirname(path.join(folder, relative)), { recursive: true })
    writeFileSync(path.join(folder, relative), content)
  }
  return folder
}
