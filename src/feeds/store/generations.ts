import { randomBytes } from 'node:crypto'
import { link, mkdir, readdir, readFile, rename, rm, copyFile } from 'node:fs/promises'
import path from 'node:path'

import { fsyncFolder, replaceFileAtomically } from './durable-files.js'
import { GENERATION_NAME, LAYOUT } from './store-layout.js'

export interface Generation {
  readonly name: string
  readonly folder: string
}

/** The generation `current` names, if any (a missing or garbled pointer means an empty store). */
export const readCurrentGeneration = async (dataDir: string): Promise<Generation | undefined> => {
  let name: string
  try {
    name = (await readFile(path.join(dataDir, LAYOUT.current), 'utf8')).trim()
  } catch {
    return undefined
  }
  if (!GENERATION_NAME.test(name)) return undefined
  return { name, folder: path.join(dataDir, LAYOUT.generations, name) }
}

export const newGenerationName = (now: Date): string =>
  `${now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}-${randomBytes(4).toString('hex')}`

/** Removes what killed or failed syncs left in `work/`. Only called under the sync lock. */
export const clearWork = async (dataDir: string): Promise<void> => {
  await rm(path.join(dataDir, LAYOUT.work), { recursive: true, force: true })
}

export const workFolder = (dataDir: string, name: string): string =>
  path.join(dataDir, LAYOUT.work, name)

/**
 * Publishes a finished generation: flush its folders, move it under `generations/`, point
 * `current` at it, then delete generations older than the one it replaces (a reader that
 * opened the previous one can still finish).
 */
export const commitGeneration = async (dataDir: string, name: string): Promise<Generation> => {
  const from = workFolder(dataDir, name)
  await fsyncTree(from)
  const generations = path.join(dataDir, LAYOUT.generations)
  await mkdir(generations, { recursive: true })
  const folder = path.join(generations, name)
  await rename(from, folder)
  await fsyncFolder(generations)
  const previous = await readCurrentGeneration(dataDir)
  await replaceFileAtomically(path.join(dataDir, LAYOUT.current), `${name}\n`)
  await pruneGenerations(
    dataDir,
    new Set([name, ...(previous === undefined ? [] : [previous.name])]),
  )
  return { name, folder }
}

const pruneGenerations = async (dataDir: string, keep: ReadonlySet<string>): Promise<void> => {
  const generations = path.join(dataDir, LAYOUT.generations)
  for (const entry of await readdir(generations)) {
    if (!keep.has(entry)) await rm(path.join(generations, entry), { recursive: true, force: true })
  }
}

const fsyncTree = async (folder: string): Promise<void> => {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) await fsyncTree(path.join(folder, entry.name))
  }
  await fsyncFolder(folder)
}

/**
 * Puts an unchanged partition into a new generation without copying it: files are never
 * rewritten in place, so a hard link is as good as a copy. Copies where links are impossible
 * (some removable-disk file systems).
 */
export const linkTree = async (from: string, to: string): Promise<void> => {
  await mkdir(to, { recursive: true })
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name)
    const target = path.join(to, entry.name)
    if (entry.isDirectory()) await linkTree(source, target)
    else if (entry.isFile()) await linkOrCopy(source, target)
  }
}

const linkOrCopy = async (source: string, target: string): Promise<void> => {
  try {
    await link(source, target)
  } catch {
    await copyFile(source, target)
  }
}

/** `<source>/<partition>` folders of a generation (the ones holding a state file). */
export const listPartitionFolders = async (generationFolder: string): Promise<string[]> => {
  const found: string[] = []
  for (const source of await safeReaddir(generationFolder)) {
    for (const partition of await safeReaddir(path.join(generationFolder, source))) {
      const relative = path.join(source, partition)
      const files = await safeReaddir(path.join(generationFolder, relative))
      if (files.includes(LAYOUT.state)) found.push(relative)
    }
  }
  return found.sort()
}

const safeReaddir = async (folder: string): Promise<string[]> => {
  try {
    return (await readdir(folder, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory() || entry.isFile())
      .map((entry) => entry.name)
      .sort()
  } catch {
    return []
  }
}
