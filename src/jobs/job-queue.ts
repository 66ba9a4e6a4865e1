/**
 * The one interface background work goes through: an in-process queue on a SQLite table for the
 * embedded server, pg-boss on PostgreSQL so several servers and workers share one queue.
 */
export const JOB_NAMES = [
  'feeds-sync',
  'portfolio-evaluate',
  'documents-generate',
  'deadline-reminders',
  'notifications-send',
] as const
export type JobName = (typeof JOB_NAMES)[number]

export const isJobName = (value: string): value is JobName =>
  (JOB_NAMES as readonly string[]).includes(value)

export type JobState = 'queued' | 'active' | 'completed' | 'failed'

/** Job input and output are plain JSON. */
export type JobData = Readonly<Record<string, unknown>>

export interface SendOptions {
  /** While a job with this key is queued or active, sending another returns that job's id. */
  readonly singletonKey?: string
  /** Attempts before the job is failed for good (default 3; retries back off). */
  readonly maxAttempts?: number
}

export interface JobStatus {
  readonly id: string
  readonly name: JobName
  readonly state: JobState
  readonly data: JobData
  readonly createdAt: string
  readonly startedAt: string | null
  readonly completedAt: string | null
  /** The handler's result once completed. */
  readonly output: unknown
  /** The last attempt's error message once failed. */
  readonly error: string | null
}

export type JobHandler = (data: JobData, context: { readonly jobId: string }) => Promise<unknown>

export interface JobQueue {
  send(name: JobName, data: JobData, options?: SendOptions): Promise<string>
  get(id: string): Promise<JobStatus | undefined>
  /** Registers the handler and starts taking jobs of that name (on this process). */
  work(name: JobName, handler: JobHandler): Promise<void>
  /** Stops taking new jobs and waits for the ones running here. */
  stop(): Promise<void>
}
