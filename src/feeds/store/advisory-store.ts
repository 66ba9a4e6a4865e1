import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'

import type { Advisory, AdvisorySource } from '../../core/index.js'
import { EPSS_FILE } from '../sources/epss/epss-source.js'
import { fromStoredEpss, type EpssScores, type StoredEpss } from '../sources/epss/epss-csv.js'
import type { KevCatalog, KevEntry } from '../sources/kev/kev-catalog.js'
import { KEV_FILE } from '../sources/kev/kev-source.js'
import type { PartitionState } from '../sync/sync-unit.js'
import { listPartitionFolders, readCurrentGeneration } from './generations.js'
import { readRecords } from './merge-records.js'
import { readPartitionState } from './partition-state.js'
import { readStatusFile, type StatusFile } from './status-file.js'
import { openMatchIndex, type OpenedMatchIndex } from './stored-match-index.js'
import { LAYOUT } from './store-layout.js'

export interface StoredPartition {
  readonly folder: string
  readonly state: PartitionState
}

export interface KevLookup extends Omit<KevCatalog, 'entries'> {
  readonly entries: ReadonlyMap<string, KevEntry>
}

/**
 * What the scan command reads: the advisories of the generation that was current when the
 * store was opened (a sync running meanwhile does not change it under the reader), plus the
 * KEV and EPSS lookups by CVE id.
 */
export interface AdvisoryStore {
  readonly dataDir: string
  /** Undefined for a store that was never synced. */
  readonly generation?: string
  readonly partitions: readonly StoredPartition[]
  /** The advisories of one source, each id once (an OSV record can sit in two ecosystems). */
  readonly advisories: (source: AdvisorySource) => AsyncIterable<Advisory>
  /**
   * The matching index of these sources (in this order; default osv, nvd, csaf), opened from
   * the partitions' `match-index.bin` files without reading the records: it matches exactly as
   * `buildAdvisoryIndex` over `advisories` of each source would. Close it when done.
   */
  readonly matchIndex: (sources?: readonly AdvisorySource[]) => Promise<OpenedMatchIndex>
  readonly kev: () => Promise<KevLookup | undefined>
  readonly epss: () => Promise<EpssScores | undefined>
  /** The last attempt at each partition, with errors (`feeds status`). */
  readonly status: () => Promise<StatusFile>
}

const MATCHED_SOURCES: readonly AdvisorySource[] = ['osv', 'nvd', 'csaf']

export const openAdvisoryStore = async (dataDir: string): Promise<AdvisoryStore> => {
  const generation = await readCurrentGeneration(dataDir)
  const partitions: StoredPartition[] = []
  if (generation !== undefined) {
    for (const relative of await listPartitionFolders(generation.folder)) {
      const folder = path.join(generation.folder, relative)
      const state = await readPartitionState(folder)
      if (state !== undefined) partitions.push({ folder, state })
    }
  }
  const single = (source: string) =>
    partitions.find((partition) => partition.state.source === source)
  return {
    dataDir,
    ...(generation === undefined ? {} : { generation: generation.name }),
    partitions,
    advisories: (source) =>
      uniqueAdvisories(partitions.filter((partition) => partition.state.source === source)),
    matchIndex: (sources = MATCHED_SOURCES) =>
      openMatchIndex(
        sources.map((source) =>
          partitions
            .filter((partition) => partition.state.source === source)
            .map((partition) => partition.folder),
        ),
      ),
    kev: async () => {
      const stored = await readJson<KevCatalog>(single('kev'), KEV_FILE)
      return stored === undefined
        ? undefined
        : { ...stored, entries: new Map(stored.entries.map((entry) => [entry.cveID, entry])) }
    },
    epss: async () => {
      const stored = await readJson<StoredEpss>(single('epss'), EPSS_FILE)
      return stored === undefined ? undefined : fromStoredEpss(stored)
    },
    status: () => readStatusFile(dataDir),
  }
}

async function* uniqueAdvisories(partitions: readonly StoredPartition[]): AsyncGenerator<Advisory> {
  const seen = new Set<string>()
  for (const partition of partitions) {
    const file = path.join(partition.folder, LAYOUT.records)
    if (!existsSync(file)) continue
    for await (const advisory of readRecords(file)) {
      if (seen.has(advisory.id)) continue
      seen.add(advisory.id)
      yield advisory
    }
  }
}

const readJson = async <T>(
  partition: StoredPartition | undefined,
  file: string,
): Promise<T | undefined> =>
  partition === undefined
    ? undefined
    : (JSON.parse(await readFile(path.join(partition.folder, file), 'utf8')) as T)
