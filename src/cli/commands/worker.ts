import { homedir } from 'node:os'
import path from 'node:path'

import type { FeedsPlan } from '../../feeds/index.js'
import { resolveDataDir } from '../../feeds/index.js'
import { openJobQueue, type JobOutcome } from '../../jobs/index.js'
import {
  registerJobHandlers,
  scheduleDeadlineReminders,
  scheduleFeedSync,
} from '../../services/index.js'
import { openStore } from '../../store/index.js'
import type { CliIo } from '../cli-io.js'
import { EXIT_CODES, type ExitCode } from '../exit-codes.js'
import { readFeedsConfig } from './feeds.js'

export interface WorkerOptions {
  /** `sqlite:<file>` or `postgres://…`; default `$DATABASE_URL`, else `sqlite:.medcyber/medcyber.db`. */
  readonly db?: string
  /** The advisory store feed syncs write and evaluations read (default as `feeds sync`). */
  readonly dataDir?: string
  /** Feed syncs read every source from this folder, laid out like the upstream sites. */
  readonly mirror?: string
  /** A feeds configuration file (URLs, OSV ecosystems, CSAF providers), as `feeds sync --config`. */
  readonly feedsConfig?: string
  /** Jobs of one kind run at once in this process (default 1). */
  readonly concurrency?: number
  /** PostgreSQL: the schema of pg-boss's tables (default `pgboss`), the same for every process. */
  readonly pgBossSchema?: string
  readonly env: Readonly<Record<string, string | undefined>>
  readonly homeDir?: string
  /** Ask for a feed sync every this many hours (none: only when someone asks). */
  readonly syncEveryHours?: number
}

const DEFAULT_SQLITE_FILE = path.join('.medcyber', 'medcyber.db')

/** The URL without its password, for messages. */
const shown = (url: string): string => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@')

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`

/** One line per finished job attempt, for the worker's and the server's output. */
export const outcomeLine = (outcome: JobOutcome): string => {
  const attempt = `attempt ${String(outcome.attempt)}/${String(outcome.maxAttempts)}`
  const head = `${outcome.outcome} ${outcome.name} ${outcome.id} (${attempt}, ${seconds(outcome.durationMs)})`
  return outcome.error === undefined ? `${head}\n` : `${head}: ${outcome.error}\n`
}

/** What a feed sync job syncs: the configured sources, or a mirror folder. */
export const feedsPlan = async (
  io: CliIo,
  options: Pick<WorkerOptions, 'feedsConfig' | 'mirror' | 'env'>,
): Promise<Partial<FeedsPlan> | undefined> => {
  const config =
    options.feedsConfig === undefined ? undefined : await readFeedsConfig(io, options.feedsConfig)
  if (options.feedsConfig !== undefined && config === undefined) return undefined
  const apiKey = options.env['NVD_API_KEY']
  return {
    ...(config === undefined
      ? {}
      : {
          ecosystems: config.ecosystems,
          csafProviders: config.csafProviders,
          urls: config.urls,
        }),
    ...(options.mirror === undefined ? {} : { mirror: options.mirror }),
    ...(apiKey === undefined || apiKey === '' ? {} : { nvdApiKey: apiKey }),
  }
}

/**
 * `medcyber worker`: takes background jobs (feed syncs, portfolio evaluations) from the store's
 * queue until SIGINT or SIGTERM, then finishes the running ones and stops. On PostgreSQL any
 * number of workers and API servers share the queue; on SQLite a worker can run beside the
 * embedded server on the same file. One line per finished attempt goes to stdout.
 */
export const workerCommand = async (io: CliIo, options: WorkerOptions): Promise<ExitCode> => {
  const plan = await feedsPlan(io, options)
  if (plan === undefined) return EXIT_CODES.invalidInput
  const url = options.db ?? options.env['DATABASE_URL'] ?? `sqlite:${DEFAULT_SQLITE_FILE}`
  const dataDir = resolveDataDir(options.dataDir, options.env, options.homeDir ?? homedir())
  const store = await openStore({ url })
  try {
    const queue = await openJobQueue(store, {
      connectionString: url,
      ...(options.pgBossSchema === undefined ? {} : { pgBossSchema: options.pgBossSchema }),
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      onJobEnd: (outcome) => {
        io.stdout(outcomeLine(outcome))
      },
      onError: (error) => {
        io.stderr(`medcyber worker: ${error instanceof Error ? error.message : String(error)}\n`)
      },
    })
    try {
      await registerJobHandlers(queue, {
        store,
        dataDir,
        feeds: plan,
        ...(options.env['MEDCYBER_CHROMIUM'] === undefined
          ? {}
          : { chromiumPath: options.env['MEDCYBER_CHROMIUM'] }),
      })
      io.stderr(
        `medcyber worker on ${store.dialect} (${shown(url)}), advisory store ${dataDir}: waiting for jobs\n`,
      )
      const stopSchedule =
        options.syncEveryHours === undefined
          ? undefined
          : scheduleFeedSync(queue, options.syncEveryHours, (error) => {
              io.stderr(
                `medcyber worker: scheduled sync: ${error instanceof Error ? error.message : String(error)}\n`,
              )
            })
      // Regulatory clock reminders, daily.
      const stopReminders = scheduleDeadlineReminders(queue, (error) => {
        io.stderr(
          `medcyber worker: deadline reminders: ${error instanceof Error ? error.message : String(error)}\n`,
        )
      })
      const signal = await io.untilStopped()
      stopSchedule?.()
      stopReminders()
      io.stderr(`medcyber worker: ${signal}, finishing the running jobs\n`)
    } finally {
      await queue.stop()
    }
  } finally {
    await store.close()
  }
  return EXIT_CODES.ok
}
