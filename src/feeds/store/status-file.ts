import { readFile } from 'node:fs/promises'
import path from 'node:path'

import type { FeedSource, UnitFailure, UnitWarning } from '../sync/sync-unit.js'
import { replaceFileAtomically } from './durable-files.js'
import { LAYOUT } from './store-layout.js'

export const UNIT_OUTCOMES = ['updated', 'unchanged', 'failed'] as const
export type UnitOutcome = (typeof UNIT_OUTCOMES)[number]

/** The last attempt at one partition: kept outside the generations, so failures are visible. */
export interface UnitStatus {
  readonly source: FeedSource
  readonly partition: string
  readonly lastAttempt: string
  /** The last attempt that ended well (updated or found unchanged). */
  readonly lastSuccess?: string
  readonly outcome: UnitOutcome
  readonly error?: UnitFailure
  readonly warnings: readonly UnitWarning[]
}

export interface StatusFile {
  readonly units: Readonly<Record<string, UnitStatus>>
}

export const readStatusFile = async (dataDir: string): Promise<StatusFile> => {
  try {
    const value = JSON.parse(await readFile(path.join(dataDir, LAYOUT.status), 'utf8')) as unknown
    if (typeof value === 'object' && value !== null && 'units' in value) {
      const units = value.units
      if (typeof units === 'object' && units !== null)
        return { units: units as StatusFile['units'] }
    }
  } catch {
    // No status yet, or a damaged one: both mean "nothing known".
  }
  return { units: {} }
}

export const writeStatusFile = (dataDir: string, status: StatusFile): Promise<void> =>
  replaceFileAtomically(path.join(dataDir, LAYOUT.status), `${JSON.stringify(status, null, 2)}\n`)
