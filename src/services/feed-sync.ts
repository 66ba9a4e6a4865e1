import {
  createHttpFetcher,
  planUnits,
  syncFeeds,
  systemClock,
  type AdvisoryConverters,
  type Clock,
  type FeedsPlan,
  type SignatureVerifier,
} from '../feeds/index.js'
import { csafDocumentToAdvisory, nvdRecordsToAdvisories } from '../formats/index.js'

/** What a sync reaches outside the data dir; tests replace parts. */
export interface FeedSyncEnvironment {
  readonly fetch: typeof globalThis.fetch
  readonly clock: Clock
  /** NVD and CSAF conversions come from `formats`; a missing one fails its source plainly. */
  readonly converters: Partial<AdvisoryConverters>
  readonly verifySignature?: SignatureVerifier
}

/** The NVD and CSAF converters of `formats/advisories`. */
export const WIRED_CONVERTERS: Partial<AdvisoryConverters> = {
  nvd: (json) => nvdRecordsToAdvisories(json),
  csaf: (json) => csafDocumentToAdvisory(json),
}

export const defaultFeedSyncEnvironment = (): FeedSyncEnvironment => ({
  fetch: globalThis.fetch,
  clock: systemClock,
  converters: WIRED_CONVERTERS,
})

export type FeedSyncResult = Awaited<ReturnType<typeof syncFeeds>>

/**
 * One sync of the advisory store in `dataDir` as the plan asks: the units each source needs,
 * run into a new generation published atomically. What `medcyber feeds sync` and the
 * `feeds-sync` job both run; progress lines go to `progress`.
 */
export const runFeedSync = async (options: {
  readonly dataDir: string
  readonly plan: FeedsPlan
  readonly environment: FeedSyncEnvironment
  readonly progress: (line: string) => void
}): Promise<FeedSyncResult> => {
  const { dataDir, plan, environment, progress } = options
  const http = createHttpFetcher({
    fetch: environment.fetch,
    clock: environment.clock,
    onRetry: progress,
  })
  const units = await planUnits(
    plan,
    {
      http,
      clock: environment.clock,
      converters: environment.converters,
      ...(environment.verifySignature === undefined
        ? {}
        : { verifySignature: environment.verifySignature }),
    },
    dataDir,
  )
  progress(
    `syncing ${String(units.length)} feeds into ${dataDir}${plan.mirror === undefined ? '' : ` from the mirror ${plan.mirror}`}`,
  )
  return syncFeeds({ dataDir, units, progress })
}
