import { ApiError } from '../../api/client.js'
import type { Finding } from '../../api/types.js'
import { findingRowKey } from './finding-filters.js'

/** What one save answered: the new ETag, and the re-evaluation it queued if any. */
export interface SavedTriage {
  readonly tag: string
  readonly evaluationJobId?: string
}

export type TriageOutcome =
  | {
      readonly findingId: string
      readonly result: 'saved'
      readonly evaluationJobId?: string
    }
  | { readonly findingId: string; readonly result: 'failed'; readonly error: unknown }
  /** Not sent: an earlier answer said the model changed under us, so later ones would fail too. */
  | { readonly findingId: string; readonly result: 'not-sent' }

export interface BulkTriageResult {
  readonly outcomes: readonly TriageOutcome[]
  /** The ETag after the last save, for whatever is written next. */
  readonly tag: string
}

/**
 * One triage PUT per finding, one after the other: each save makes a new model revision, so
 * each request carries the ETag the previous answer gave. A failure is reported and the next
 * finding still goes (with the same ETag, since nothing was saved), except a 412: then someone
 * else saved in between and every later request would be refused too.
 */
export const triageSequentially = async (
  findingIds: readonly string[],
  firstTag: string,
  put: (findingId: string, ifMatch: string) => Promise<SavedTriage>,
  onProgress: (done: number, total: number) => void = () => undefined,
): Promise<BulkTriageResult> => {
  const ids = [...new Set(findingIds)]
  const outcomes: TriageOutcome[] = []
  let tag = firstTag
  let stale = false
  for (const findingId of ids) {
    if (stale) {
      outcomes.push({ findingId, result: 'not-sent' })
      continue
    }
    try {
      const saved = await put(findingId, tag)
      tag = saved.tag
      const { evaluationJobId } = saved
      outcomes.push({
        findingId,
        result: 'saved',
        ...(evaluationJobId === undefined ? {} : { evaluationJobId }),
      })
    } catch (error) {
      outcomes.push({ findingId, result: 'failed', error })
      stale = error instanceof ApiError && error.status === 412
    }
    onProgress(outcomes.length, ids.length)
  }
  return { outcomes, tag }
}

/** How many were saved, failed and not sent, for the summary line. */
export const countOutcomes = (outcomes: readonly TriageOutcome[]) => ({
  saved: outcomes.filter((outcome) => outcome.result === 'saved').length,
  failed: outcomes.filter((outcome) => outcome.result === 'failed').length,
  notSent: outcomes.filter((outcome) => outcome.result === 'not-sent').length,
})

/** The re-evaluations the saves queued, in the order they were queued. */
export const evaluationJobsOf = (outcomes: readonly TriageOutcome[]): readonly string[] =>
  outcomes.flatMap((outcome) =>
    outcome.result === 'saved' && outcome.evaluationJobId !== undefined
      ? [outcome.evaluationJobId]
      : [],
  )

/**
 * One row per finding behind the selected rows: a finding has a row per release, but triage is
 * by finding (its entries, sent with each row, are the same on every row).
 */
export const selectedFindings = (
  findings: readonly Finding[],
  selected: ReadonlySet<string>,
): readonly Finding[] => {
  const seen = new Set<string>()
  return findings.filter((finding) => {
    if (!selected.has(findingRowKey(finding)) || seen.has(finding.findingId)) return false
    seen.add(finding.findingId)
    return true
  })
}
