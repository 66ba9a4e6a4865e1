import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { FEED_SOURCES, type PartitionState } from '../sync/sync-unit.js'
import { writeFileDurable } from './durable-files.js'
import { LAYOUT } from './store-layout.js'

export const readPartitionState = async (folder: string): Promise<PartitionState | undefined> => {
  try {
    const value = JSON.parse(await readFile(path.join(folder, LAYOUT.state), 'utf8')) as unknown
    return isPartitionState(value) ? value : undefined
  } catch {
    return undefined
  }
}

export const writePartitionState = (folder: string, state: PartitionState): Promise<void> =>
  writeFileDurable(path.join(folder, LAYOUT.state), `${JSON.stringify(state, null, 2)}\n`)

const isPartitionState = (value: unknown): value is PartitionState => {
  if (typeof value !== 'object' || value === null) return false
  const state = value as Record<string, unknown>
  return (
    (FEED_SOURCES as readonly unknown[]).includes(state['source']) &&
    typeof state['partition'] === 'string' &&
    typeof state['syncedAt'] === 'string' &&
    typeof state['records'] === 'number'
  )
}
