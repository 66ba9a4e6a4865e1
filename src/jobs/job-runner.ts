import type { JobData, JobHandler, JobName } from './job-queue.js'

/** A job this process has taken: it is `active` in the queue until completed or failed here. */
export interface ClaimedJob {
  readonly id: string
  readonly name: JobName
  readonly data: JobData
  /** 1 for the first run, counting runs that a stopped worker left unfinished. */
  readonly attempt: number
  readonly maxAttempts: number
}

/** Where a runner takes jobs from and reports them back: the SQLite table or pg-boss. */
export interface JobSource {
  /** Takes the next runnable job of that name so that no other process can take it too. */
  readonly claim: (name: JobName) => Promise<ClaimedJob | undefined>
  readonly complete: (job: ClaimedJob, output: unknown) => Promise<void>
  /** Records the failed attempt; the job is queued again while attempts remain. */
  readonly fail: (job: ClaimedJob, message: string) => Promise<'queued' | 'failed'>
  /** Tells the queue this process still works on the job, so it is not taken as abandoned. */
  readonly renew?: { readonly everyMs: number; readonly renew: (job: ClaimedJob) => Promise<void> }
}

/** What happened to one attempt, for the worker's log. */
export interface JobOutcome {
  readonly id: string
  readonly name: JobName
  readonly attempt: number
  readonly maxAttempts: number
  /** `retrying`: this attempt failed and the job is queued again. */
  readonly outcome: 'completed' | 'retrying' | 'failed'
  readonly error?: string
  readonly durationMs: number
}

export interface JobRunnerOptions {
  readonly pollIntervalMs: number
  /** Jobs of one name running at once on this process. */
  readonly concurrency: number
  readonly onJobEnd?: (outcome: JobOutcome) => void
  /** A failed poll or report (database unreachable); the runner keeps polling. */
  readonly onError: (error: unknown) => void
}

export interface JobRunner {
  readonly register: (name: JobName, handler: JobHandler) => void
  /** Looks for work now, not at the next tick: a job was just sent on this process. */
  readonly poke: (name: JobName) => void
  readonly stop: () => Promise<void>
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : typeof error === 'string' ? error : String(error)

/** Without a listener, a queue's own errors (database unreachable) still show up as warnings. */
export const defaultOnError = (error: unknown): void => {
  process.emitWarning(`medcyber job queue: ${messageOf(error)}`)
}

/**
 * The polling loop both queues share: every tick (and whenever poked) each registered name takes
 * jobs up to its concurrency; a finished job triggers the next poll at once, so a backlog drains
 * without waiting for ticks.
 */
export const createJobRunner = (source: JobSource, options: JobRunnerOptions): JobRunner => {
  const handlers = new Map<JobName, JobHandler>()
  const busy = new Map<JobName, number>()
  const running = new Set<Promise<void>>()
  let timer: NodeJS.Timeout | undefined
  let polling: Promise<void> | undefined
  // Fields, not local variables: they change while a poll awaits, which narrowing cannot see.
  const flags = { stopping: false, pollAgain: false }

  const run = async (job: ClaimedJob, handler: JobHandler): Promise<void> => {
    const started = Date.now()
    const renewal =
      source.renew === undefined
        ? undefined
        : setInterval(() => {
            source.renew?.renew(job).catch(options.onError)
          }, source.renew.everyMs)
    let output: unknown
    let failure: string | undefined
    try {
      output = await handler(job.data, { jobId: job.id })
      // The result is stored as JSON: one that is not (a cycle, a BigInt) fails the attempt here.
      JSON.stringify(output ?? null)
    } catch (error) {
      failure = messageOf(error)
    } finally {
      clearInterval(renewal)
    }
    const base = { id: job.id, name: job.name, attempt: job.attempt, maxAttempts: job.maxAttempts }
    try {
      if (failure === undefined) {
        await source.complete(job, output)
        options.onJobEnd?.({ ...base, outcome: 'completed', durationMs: Date.now() - started })
      } else {
        const state = await source.fail(job, failure)
        options.onJobEnd?.({
          ...base,
          outcome: state === 'queued' ? 'retrying' : 'failed',
          error: failure,
          durationMs: Date.now() - started,
        })
      }
    } catch (error) {
      options.onError(error)
    }
  }

  const start = (job: ClaimedJob, handler: JobHandler): void => {
    busy.set(job.name, (busy.get(job.name) ?? 0) + 1)
    const promise = run(job, handler).finally(() => {
      busy.set(job.name, (busy.get(job.name) ?? 1) - 1)
      running.delete(promise)
      poll()
    })
    running.add(promise)
  }

  /** A poke came while this poll was busy: look once more. */
  const anotherRound = (): boolean => flags.pollAgain && !flags.stopping

  const takeJobs = async (): Promise<void> => {
    do {
      flags.pollAgain = false
      for (const [name, handler] of handlers) {
        while (!flags.stopping && (busy.get(name) ?? 0) < options.concurrency) {
          const job = await source.claim(name)
          if (job === undefined) break
          start(job, handler)
        }
      }
    } while (anotherRound())
  }

  const poll = (): void => {
    if (flags.stopping) return
    if (polling !== undefined) {
      flags.pollAgain = true
      return
    }
    polling = takeJobs()
      .catch(options.onError)
      .finally(() => {
        polling = undefined
      })
  }

  return {
    register: (name, handler) => {
      handlers.set(name, handler)
      timer ??= setInterval(poll, options.pollIntervalMs)
      poll()
    },
    poke: (name) => {
      if (handlers.has(name)) poll()
    },
    stop: async () => {
      flags.stopping = true
      clearInterval(timer)
      await polling
      while (running.size > 0) await Promise.allSettled([...running])
    },
  }
}
