import { Type, type Static } from '@sinclair/typebox'

import type { FeedsPlan } from '../../feeds/index.js'
import type { JobHandler, JobQueue } from '../../jobs/index.js'
import { advisoryGeneration } from '../advisory-scan.js'
import { defaultFeedSyncEnvironment, runFeedSync, type FeedSyncEnvironment } from '../feed-sync.js'
import { checkJobData, JobError } from './job-data.js'

/** The input of a `feeds-sync` job: the sync itself is configured on the worker. */
export const FeedsSyncData = Type.Object(
  {
    /** Username of whoever asked, for the job's record. */
    requestedBy: Type.Optional(Type.String({ minLength: 1 })),
  },
  { additionalProperties: false },
)
export type FeedsSyncData = Static<typeof FeedsSyncData>

/** The sync's outcome per feed, and the evaluation it queued when advisories changed. */
export interface FeedsSyncOutput {
  readonly previousGeneration: string | null
  readonly generation: string | null
  /** The `portfolio-evaluate` job queued because the generation changed. */
  readonly evaluationJobId: string | null
  readonly feeds: readonly {
    readonly key: string
    readonly outcome: string
    readonly summary: string | null
    readonly error: string | null
  }[]
}

export interface FeedsSyncDeps {
  readonly queue: JobQueue
  readonly dataDir: string | undefined
  /** What to sync (as `medcyber feeds sync` options would say); default every source. */
  readonly plan?: Partial<FeedsPlan>
  readonly environment?: Partial<FeedSyncEnvironment>
  readonly progress?: (line: string) => void
}

const EVERY_SOURCE: FeedsPlan = { sources: [], ecosystems: [], csafProviders: [] }

/**
 * Runs a `feeds-sync` job: the sync `medcyber feeds sync` runs, into the worker's data dir. When
 * it publishes a new advisory generation, every product is queued for evaluation against it.
 * The job fails when another sync holds the store or when every feed failed; feeds that failed
 * beside others that synced are named in the output.
 */
export const feedsSyncHandler =
  (deps: FeedsSyncDeps): JobHandler =>
  async (data): Promise<FeedsSyncOutput> => {
    checkJobData(FeedsSyncData, data, 'feeds-sync')
    const { dataDir } = deps
    if (dataDir === undefined) {
      throw new JobError(
        'feeds/no-data-dir',
        'this worker has no advisory data dir to sync into (start it with --data-dir)',
      )
    }
    const before = await advisoryGeneration(dataDir)
    const result = await runFeedSync({
      dataDir,
      plan: { ...EVERY_SOURCE, ...deps.plan },
      environment: { ...defaultFeedSyncEnvironment(), ...deps.environment },
      progress: deps.progress ?? (() => undefined),
    })
    if (!result.ok) throw new JobError(`feeds/${result.error.code}`, result.error.message)
    const { units, generation } = result.value
    const failed = units.filter((unit) => unit.outcome === 'failed')
    const changed = generation !== undefined && generation !== before
    const evaluationJobId = changed ? await deps.queue.send('portfolio-evaluate', {}) : null
    if (units.length > 0 && failed.length === units.length) {
      throw new JobError(
        'feeds/all-failed',
        `every feed failed: ${failed.map((unit) => `${unit.key}: ${unit.error?.message ?? 'failed'}`).join('; ')}`,
      )
    }
    return {
      previousGeneration: before ?? null,
      generation: generation ?? null,
      evaluationJobId,
      feeds: units.map((unit) => ({
        key: unit.key,
        outcome: unit.outcome,
        summary: unit.summary ?? null,
        error: unit.error === undefined ? null : `${unit.error.code}: ${unit.error.message}`,
      })),
    }
  }
