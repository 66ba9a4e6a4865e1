import type { Result } from '../../core/index.js'
import type { Validators } from '../fetcher.js'

export const FEED_SOURCES = ['osv', 'nvd', 'kev', 'epss', 'csaf'] as const
export type FeedSource = (typeof FEED_SOURCES)[number]

/** What a partition's `state.json` remembers between syncs. */
export interface PartitionState {
  readonly source: FeedSource
  readonly partition: string
  /** When this partition's data was last replaced (ISO 8601). */
  readonly syncedAt: string
  /** Where it came from: the URL, or the mirror file or folder. */
  readonly origin: string
  readonly records: number
  /** The source's incremental position: newest `modified`, NVD's last window end, ... */
  readonly cursor?: string
  readonly validators?: Validators
  readonly withdrawn?: number
  /** Source-specific facts shown by `feeds status` (KEV catalog version, EPSS score date). */
  readonly facts?: Readonly<Record<string, string>>
  /** Documents to try again next time (a CSAF document refused for a bad hash). */
  readonly retry?: readonly string[]
}

/** Something a sync skipped but survived, e.g. one CSAF document with a bad hash. */
export interface UnitWarning {
  readonly code: string
  readonly message: string
  /** The document or record it is about (a URL, an advisory id). */
  readonly subject?: string
}

export interface UnitFailure {
  readonly code: string
  readonly message: string
  readonly url?: string
}

export interface UnitContext {
  /** The partition as the current generation holds it, if it does. */
  readonly previous?: { readonly folder: string; readonly state: PartitionState }
  /** An empty folder to write the complete new partition into (besides `state.json`). */
  readonly target: string
  /** A folder for downloads on the same disk, removed after the sync. */
  readonly scratch: string
  /** Now, as ISO 8601. */
  readonly now: () => string
  readonly progress: (message: string) => void
}

export type UnitResult =
  | { readonly kind: 'unchanged'; readonly warnings: readonly UnitWarning[] }
  | {
      readonly kind: 'written'
      readonly state: PartitionState
      /** One line for people: "2661 records (3 added, 1 updated)". */
      readonly summary: string
      readonly warnings: readonly UnitWarning[]
    }

/**
 * One independently updated part of one source (an OSV ecosystem, a CSAF provider, the KEV
 * catalog). A unit either writes its whole new partition or fails and leaves the old one.
 */
export interface SyncUnit {
  readonly source: FeedSource
  readonly partition: string
  readonly run: (context: UnitContext) => Promise<Result<UnitResult, UnitFailure>>
}
