import { existsSync } from 'node:fs'
import path from 'node:path'

import {
  lazyAdvisoryIndex,
  packageEntriesOf,
  type Advisory,
  type AdvisoryIndex,
  type PackageEntry,
} from '../../core/index.js'
import { openIndexedPartition, type IndexedPartition } from './match-index-reader.js'
import { readRecords } from './merge-records.js'
import { LAYOUT } from './store-layout.js'

export interface OpenedMatchIndex {
  /** Matches exactly as `buildAdvisoryIndex` over the same advisories in the same order. */
  readonly index: AdvisoryIndex
  /** Partitions without a usable `match-index.bin` (synced before it existed): read in full. */
  readonly readInFull: readonly string[]
  /** Closes the files the index reads lazily from. */
  readonly close: () => void
}

/** A partition without an index file: its records read and compiled, as before indexes. */
const partitionInMemory = async (folder: string): Promise<IndexedPartition> => {
  const byKey = new Map<string, PackageEntry[]>()
  const ids = new Set<string>()
  const withCpe: Advisory[] = []
  const withProducts: Advisory[] = []
  const file = path.join(folder, LAYOUT.records)
  if (existsSync(file)) {
    for await (const advisory of readRecords(file)) {
      // The first copy counts, as the store's `advisories` reads them.
      if (ids.has(advisory.id)) continue
      ids.add(advisory.id)
      for (const { key, entry } of packageEntriesOf(advisory)) {
        const list = byKey.get(key)
        if (list === undefined) byKey.set(key, [entry])
        else list.push(entry)
      }
      if (advisory.withdrawn !== undefined) continue
      if (advisory.configurations.length > 0) withCpe.push(advisory)
      if (advisory.products.length > 0) withProducts.push(advisory)
    }
  }
  return {
    records: ids.size,
    entries: (key) => byKey.get(key) ?? [],
    has: (id) => ids.has(id),
    ids: () => ids,
    withCpe: () => withCpe,
    withProducts: () => withProducts,
    close: () => undefined,
  }
}

/**
 * One matching index over the partitions of several sources, read lazily from each partition's
 * `match-index.bin`. Within a source an advisory id counts once, from the first partition that
 * holds it (an OSV record sits in each ecosystem it names), as the store's `advisories` reads
 * them; sources follow each other in the order given.
 */
export const openMatchIndex = async (
  sources: readonly (readonly string[])[],
): Promise<OpenedMatchIndex> => {
  const groups: IndexedPartition[][] = []
  const readInFull: string[] = []
  for (const folders of sources) {
    const group: IndexedPartition[] = []
    for (const folder of folders) {
      const opened = openIndexedPartition(folder)
      if (opened === undefined) readInFull.push(folder)
      group.push(opened ?? (await partitionInMemory(folder)))
    }
    groups.push(group)
  }
  const shadowed = (group: readonly IndexedPartition[], at: number, id: string): boolean =>
    group.slice(0, at).some((earlier) => earlier.has(id))
  const firstCopies = <T>(
    pick: (partition: IndexedPartition) => Iterable<T>,
    idOf: (item: T) => string,
  ): T[] =>
    groups.flatMap((group) =>
      group.flatMap((partition, at) =>
        [...pick(partition)].filter((item) => at === 0 || !shadowed(group, at, idOf(item))),
      ),
    )
  const index = lazyAdvisoryIndex({
    entries: (key) =>
      firstCopies(
        (partition) => partition.entries(key),
        (entry) => entry.advisoryId,
      ),
    withCpe: () =>
      firstCopies(
        (partition) => partition.withCpe(),
        (advisory) => advisory.id,
      ),
    withProducts: () =>
      firstCopies(
        (partition) => partition.withProducts(),
        (advisory) => advisory.id,
      ),
    size: () =>
      groups.reduce(
        (total, group) =>
          total +
          group.reduce(
            (count, partition, at) =>
              count +
              (at === 0
                ? partition.records
                : [...partition.ids()].filter((id) => !shadowed(group, at, id)).length),
            0,
          ),
        0,
      ),
  })
  return {
    index,
    readInFull,
    close: () => {
      for (const partition of groups.flat()) partition.close()
    },
  }
}
