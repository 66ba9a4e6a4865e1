import { mkdir, rm } from 'node:fs/promises'
import path from 'node:path'

import { err, ok, type Result } from '../../core/index.js'
import {
  clearWork,
  commitGeneration,
  linkTree,
  listPartitionFolders,
  newGenerationName,
  readCurrentGeneration,
  workFolder,
  type Generation,
} from '../store/generations.js'
import { readPartitionState, writePartitionState } from '../store/partition-state.js'
import {
  readStatusFile,
  writeStatusFile,
  type UnitOutcome,
  type UnitStatus,
} from '../store/status-file.js'
import { partitionFolder, partitionKey } from '../store/store-layout.js'
import { acquireSyncLock } from '../store/sync-lock.js'
import { forEachLimited } from '../sources/work-pool.js'
import type { FeedSource, SyncUnit, UnitFailure, UnitResult, UnitWarning } from './sync-unit.js'

export interface SyncFeedsOptions {
  readonly dataDir: string
  readonly units: readonly SyncUnit[]
  readonly now?: () => Date
  /** Progress lines (`osv/PyPI: downloading ...`). */
  readonly progress?: (line: string) => void
  /** Whose lock this is (tests run two syncs in one process). */
  readonly pid?: number
  /** Units run at once (default UNITS_AT_ONCE). */
  readonly unitsAtOnce?: number
}

/**
 * Units write separate partitions. Reading an `all.zip` is now mostly CPU (inflate, parse,
 * index), so on the 2-core machines measured (bench/README.md, B4a) four at once no longer paid
 * and raised peak memory by about 100 MB; two still overlap one unit's network or disk waits with
 * the other's work.
 */
export const UNITS_AT_ONCE = 2

export interface UnitReport {
  readonly key: string
  readonly source: FeedSource
  readonly partition: string
  readonly outcome: UnitOutcome
  /** When the unit ended (ISO 8601). */
  readonly finishedAt: string
  readonly summary?: string
  readonly records?: number
  readonly error?: UnitFailure
  readonly warnings: readonly UnitWarning[]
}

export interface SyncReport {
  /** The generation readers now see (unchanged when nothing was updated). */
  readonly generation?: string
  /** Whether a new generation was published. */
  readonly published: boolean
  readonly units: readonly UnitReport[]
}

export interface SyncRefused {
  readonly code: 'locked'
  readonly message: string
}

/**
 * Runs the units into a new generation of the store and publishes it atomically. Each unit
 * stands alone: one that fails keeps its partition as it was, the others still update. When
 * nothing changed no generation is made at all. Only `status.json` (the record of attempts and
 * errors) changes on a failed sync.
 */
export const syncFeeds = async (
  options: SyncFeedsOptions,
): Promise<Result<SyncReport, SyncRefused>> => {
  const now = options.now ?? (() => new Date())
  await mkdir(options.dataDir, { recursive: true })
  const lock = await acquireSyncLock(options.dataDir, {
    pid: options.pid ?? process.pid,
    now: now(),
  })
  if (!lock.ok) return lock
  try {
    await clearWork(options.dataDir)
    return ok(await syncUnderLock(options, now))
  } finally {
    await clearWork(options.dataDir)
    await lock.value.release()
  }
}

const syncUnderLock = async (options: SyncFeedsOptions, now: () => Date): Promise<SyncReport> => {
  const { dataDir } = options
  const previous = await readCurrentGeneration(dataDir)
  const name = newGenerationName(now())
  const work = workFolder(dataDir, name)
  const scratch = `${work}.scratch`
  await mkdir(work, { recursive: true })
  await mkdir(scratch, { recursive: true })
  // Reports stay in the order of the units, whatever order they finish in.
  const reports: UnitReport[] = new Array<UnitReport>(options.units.length)
  await forEachLimited(options.units, options.unitsAtOnce ?? UNITS_AT_ONCE, async (unit, at) => {
    // A scratch folder of its own, so two units running at once never share a download name.
    const own = path.join(scratch, String(at))
    await mkdir(own, { recursive: true })
    reports[at] = await runUnit(unit, previous, work, own, options, now)
    return true
  })
  const written = new Set(
    reports
      .filter((report) => report.outcome === 'updated')
      .map((report) => partitionFolder(report.source, report.partition)),
  )
  let generation = previous
  if (written.size > 0) {
    if (previous !== undefined) await carryOver(previous, work, written)
    generation = await commitGeneration(dataDir, name)
  }
  await recordStatus(dataDir, reports)
  return {
    ...(generation === undefined ? {} : { generation: generation.name }),
    published: written.size > 0,
    units: reports,
  }
}

const runUnit = async (
  unit: SyncUnit,
  previous: Generation | undefined,
  work: string,
  scratch: string,
  options: SyncFeedsOptions,
  now: () => Date,
): Promise<UnitReport> => {
  const key = partitionKey(unit.source, unit.partition)
  const folder = partitionFolder(unit.source, unit.partition)
  const target = path.join(work, folder)
  await mkdir(target, { recursive: true })
  const previousFolder = previous === undefined ? undefined : path.join(previous.folder, folder)
  const previousState =
    previousFolder === undefined ? undefined : await readPartitionState(previousFolder)
  const progress = (message: string) => options.progress?.(`${key}: ${message}`)
  let result: Result<UnitResult, UnitFailure>
  try {
    result = await unit.run({
      ...(previousFolder === undefined || previousState === undefined
        ? {}
        : { previous: { folder: previousFolder, state: previousState } }),
      target,
      scratch,
      now: () => now().toISOString(),
      progress,
    })
  } catch (error) {
    // A full disk or a bug in one unit must not take the others (or the lock) down with it.
    result = err({
      code: 'unexpected',
      message: error instanceof Error ? error.message : String(error),
    })
  }
  const base = { key, source: unit.source, partition: unit.partition }
  if (!result.ok || result.value.kind === 'unchanged') {
    const finishedAt = now().toISOString()
    await rm(target, { recursive: true, force: true })
    if (!result.ok) {
      progress(`failed: ${result.error.message}`)
      return { ...base, outcome: 'failed', finishedAt, error: result.error, warnings: [] }
    }
    progress('unchanged')
    return { ...base, outcome: 'unchanged', finishedAt, warnings: result.value.warnings }
  }
  await writePartitionState(target, result.value.state)
  progress(result.value.summary)
  return {
    ...base,
    outcome: 'updated',
    finishedAt: now().toISOString(),
    summary: result.value.summary,
    records: result.value.state.records,
    warnings: result.value.warnings,
  }
}

/** Partitions not rewritten by this sync go into the new generation as they were. */
const carryOver = async (
  previous: Generation,
  work: string,
  written: ReadonlySet<string>,
): Promise<void> => {
  for (const folder of await listPartitionFolders(previous.folder)) {
    if (!written.has(folder))
      await linkTree(path.join(previous.folder, folder), path.join(work, folder))
  }
}

const recordStatus = async (dataDir: string, reports: readonly UnitReport[]): Promise<void> => {
  const status = await readStatusFile(dataDir)
  const units: Record<string, UnitStatus> = { ...status.units }
  for (const report of reports) {
    const before = units[report.key]
    const at = report.finishedAt
    const lastSuccess = report.outcome === 'failed' ? before?.lastSuccess : at
    units[report.key] = {
      source: report.source,
      partition: report.partition,
      lastAttempt: at,
      ...(lastSuccess === undefined ? {} : { lastSuccess }),
      outcome: report.outcome,
      ...(report.error === undefined ? {} : { error: report.error }),
      warnings: report.warnings,
    }
  }
  await writeStatusFile(dataDir, { units })
}
