import { existsSync } from 'node:fs'

import type { Advisory } from '../../core/index.js'
import { isLater } from './instant.js'
import { MatchIndexWriter } from './match-index-writer.js'
import { createNdjsonWriter, readLines, type NdjsonWriter } from './ndjson.js'

export interface MergeCounts {
  readonly records: number
  readonly added: number
  readonly updated: number
  readonly removed: number
  readonly withdrawn: number
  /** The newest `modified` among the records written. */
  readonly newest?: string
}

interface StoredLine {
  readonly id: string
  readonly modified: string
  readonly withdrawn?: string
}

const parseStored = (line: string): StoredLine => JSON.parse(line) as StoredLine

class Tally {
  records = 0
  added = 0
  updated = 0
  withdrawn = 0
  newest: string | undefined

  private readonly writer: NdjsonWriter
  /** The partition's matching index, written beside its records. */
  readonly index = new MatchIndexWriter()

  constructor(writer: NdjsonWriter) {
    this.writer = writer
  }

  /** `record` is a whole advisory: a stored line parses to one (StoredLine names what is read). */
  async write(record: StoredLine, line?: string): Promise<void> {
    const offset = this.writer.bytes()
    await this.writer.writeLine(line ?? JSON.stringify(record))
    this.index.add(record as Advisory, offset, this.writer.bytes() - offset - 1)
    this.records += 1
    if (record.withdrawn !== undefined) this.withdrawn += 1
    if (this.newest === undefined || isLater(record.modified, this.newest)) {
      this.newest = record.modified
    }
  }

  counts(removed: number): MergeCounts {
    const { records, added, updated, withdrawn, newest } = this
    return {
      records,
      added,
      updated,
      removed,
      withdrawn,
      ...(newest === undefined ? {} : { newest }),
    }
  }
}

/**
 * Applies changed advisories (an incremental sync) to a partition's records (and writes its
 * matching index beside them, `match-index-writer.ts`): a record is
 * replaced unless the stored copy is strictly newer by `modified`; the rest are copied as
 * they were. Streams the old file, so memory holds only the changes.
 */
export const upsertRecords = async (
  previousFile: string | undefined,
  incoming: ReadonlyMap<string, Advisory>,
  targetFile: string,
): Promise<MergeCounts> => {
  const writer = await createNdjsonWriter(targetFile)
  const tally = new Tally(writer)
  const pending = new Map(incoming)
  try {
    for await (const line of linesOf(previousFile)) {
      const stored = parseStored(line)
      const update = pending.get(stored.id)
      pending.delete(stored.id)
      if (update === undefined || isLater(stored.modified, update.modified)) {
        await tally.write(stored, line)
        continue
      }
      if (update.modified !== stored.modified) tally.updated += 1
      await tally.write(update)
    }
    for (const record of pending.values()) {
      tally.added += 1
      await tally.write(record)
    }
  } finally {
    await writer.close()
  }
  await tally.index.write(targetFile)
  return tally.counts(0)
}

/**
 * Replaces a partition with a complete dump (an OSV `all.zip`): records missing from the dump
 * are dropped, and a stored record newer than the dump's copy (fetched singly after the dump
 * was made) is kept. Two streaming passes over the old file; memory holds ids and times only.
 */
export const replaceRecords = async (
  previousFile: string | undefined,
  incoming: AsyncIterable<Advisory>,
  targetFile: string,
): Promise<MergeCounts & { readonly duplicates: readonly string[] }> => {
  const storedModified = new Map<string, string>()
  for await (const line of linesOf(previousFile)) {
    const stored = parseStored(line)
    storedModified.set(stored.id, stored.modified)
  }
  const writer = await createNdjsonWriter(targetFile)
  const tally = new Tally(writer)
  const seen = new Set<string>()
  const keepStored = new Set<string>()
  const duplicates: string[] = []
  try {
    for await (const record of incoming) {
      if (seen.has(record.id)) {
        duplicates.push(record.id)
        continue
      }
      seen.add(record.id)
      const stored = storedModified.get(record.id)
      if (stored !== undefined && isLater(stored, record.modified)) keepStored.add(record.id)
      else await writeIncoming(tally, record, stored)
    }
    if (keepStored.size > 0) {
      for await (const line of linesOf(previousFile)) {
        const stored = parseStored(line)
        if (keepStored.delete(stored.id)) await tally.write(stored, line)
      }
    }
  } finally {
    await writer.close()
  }
  await tally.index.write(targetFile)
  const removed = [...storedModified.keys()].filter((id) => !seen.has(id)).length
  return { ...tally.counts(removed), duplicates }
}

const writeIncoming = async (
  tally: Tally,
  record: Advisory,
  storedModified: string | undefined,
): Promise<void> => {
  if (storedModified === undefined) tally.added += 1
  else if (storedModified !== record.modified) tally.updated += 1
  await tally.write(record)
}

async function* linesOf(file: string | undefined): AsyncGenerator<string> {
  if (file === undefined || !existsSync(file)) return
  yield* readLines(file)
}

export const describeCounts = (counts: MergeCounts): string => {
  const changes = [
    counts.added > 0 ? `${String(counts.added)} added` : '',
    counts.updated > 0 ? `${String(counts.updated)} updated` : '',
    counts.removed > 0 ? `${String(counts.removed)} removed` : '',
  ].filter((part) => part !== '')
  return `${String(counts.records)} records${changes.length > 0 ? ` (${changes.join(', ')})` : ' (no changes)'}`
}

/** The advisories of an NDJSON file, streamed. */
export async function* readRecords(file: string): AsyncGenerator<Advisory> {
  for await (const line of linesOf(file)) yield JSON.parse(line) as Advisory
}

/** The advisories of a (small) NDJSON file by id, the newest copy of each. */
export const loadNewest = async (file: string): Promise<Map<string, Advisory>> => {
  const records = new Map<string, Advisory>()
  for await (const record of readRecords(file)) {
    const held = records.get(record.id)
    if (held === undefined || !isLater(held.modified, record.modified))
      records.set(record.id, record)
  }
  return records
}
