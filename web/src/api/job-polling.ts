import type { JobStatus } from './types.js'

/** The states the server names; its schema types a state as any text, so it is checked. */
export const JOB_STATES = ['queued', 'active', 'completed', 'failed'] as const
export type JobState = (typeof JOB_STATES)[number]

export const jobStateOf = (job: Pick<JobStatus, 'state'>): JobState | undefined =>
  (JOB_STATES as readonly string[]).includes(job.state) ? (job.state as JobState) : undefined

/** A job is over once it completed or failed; until then its status is asked for again. */
export const isJobOver = (job: Pick<JobStatus, 'state'> | undefined): boolean =>
  job?.state === 'completed' || job?.state === 'failed'

/** How often a running job's status is asked for: soon at first, then less often. */
export const pollInterval = (
  job: Pick<JobStatus, 'state' | 'createdAt'> | undefined,
  now: number,
): number | false => {
  if (isJobOver(job)) return false
  if (job === undefined) return 1000
  const age = now - Date.parse(job.createdAt)
  return age < 30_000 ? 1000 : age < 300_000 ? 3000 : 10_000
}

/** Jobs waited for one after the other, and those of them that failed. */
export interface JobWait {
  /** In the order they were queued; the first is the one asked about. */
  readonly waiting: readonly string[]
  readonly failed: readonly JobStatus[]
}

export const NO_JOBS: JobWait = { waiting: [], failed: [] }

/** The wait with these jobs added behind the others; a new wait forgets the last one's failures. */
export const followJobs = (wait: JobWait, jobIds: readonly string[]): JobWait => ({
  waiting: [...new Set([...wait.waiting, ...jobIds])],
  failed: wait.waiting.length === 0 ? [] : wait.failed,
})

/**
 * The wait after an answer about a job: the first job, once over, leaves it (a failure is kept);
 * anything else (another job's answer, a job still running) changes nothing, given as null.
 */
export const jobAnswered = (wait: JobWait, job: JobStatus): JobWait | null => {
  if (job.id !== wait.waiting[0] || !isJobOver(job)) return null
  return {
    waiting: wait.waiting.slice(1),
    failed: job.state === 'failed' ? [...wait.failed, job] : wait.failed,
  }
}

/** Where a job is in its three steps (queued, running, done), for a progress bar. */
export const jobStep = (job: Pick<JobStatus, 'state'> | undefined): number =>
  isJobOver(job) ? 3 : job?.state === 'active' ? 2 : 1
