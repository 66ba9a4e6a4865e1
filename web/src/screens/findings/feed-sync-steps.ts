import type { JobStatus } from '../../api/types.js'

/** What to do once a job the screen watches has moved on. */
export type SyncStep =
  | { readonly kind: 'wait' }
  | { readonly kind: 'watch'; readonly jobId: string }
  /** The sync changed nothing, so no evaluation was queued: ask for this product's. */
  | { readonly kind: 'evaluate' }
  | { readonly kind: 'done' }
  | { readonly kind: 'failed'; readonly error: string }

const evaluationJobOf = (output: unknown): string | null => {
  if (typeof output !== 'object' || output === null) return null
  const id = (output as Record<string, unknown>)['evaluationJobId']
  return typeof id === 'string' ? id : null
}

/**
 * The step after a feeds-sync or evaluation job: a finished sync that published new advisories
 * has queued the evaluation of every product (watch it); one that changed nothing has not, and
 * this product may never have been evaluated (ask for it); a finished evaluation is the end.
 */
export const nextSyncStep = (job: JobStatus): SyncStep => {
  if (job.state === 'failed') return { kind: 'failed', error: job.error ?? job.state }
  if (job.state !== 'completed') return { kind: 'wait' }
  if (job.name !== 'feeds-sync') return { kind: 'done' }
  const next = evaluationJobOf(job.output)
  return next === null ? { kind: 'evaluate' } : { kind: 'watch', jobId: next }
}
