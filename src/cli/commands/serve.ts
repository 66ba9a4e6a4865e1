import { mkdir } from 'node:fs/promises'
import { homedir } from 'node:os'
import path from 'node:path'

import { resolveDataDir } from '../../feeds/index.js'
import { openJobQueue, type JobQueue } from '../../jobs/index.js'
import { createApp, type OidcSettings } from '../../server/index.js'
import { ensureFirstAdmin, loadExampleProducts, type ExampleLoad } from '../../server/bootstrap.js'
import {
  registerJobHandlers,
  scheduleDeadlineReminders,
  scheduleFeedSync,
} from '../../services/index.js'
import { openStore, type Store } from '../../store/index.js'
import type { CliIo } from '../cli-io.js'
import { EXIT_CODES, type ExitCode } from '../exit-codes.js'
import { feedsPlan, outcomeLine } from './worker.js'

export interface ServeOptions {
  /** `sqlite:<file>` or `postgres://…`; default `$DATABASE_URL`, else `sqlite:.medcyber/medcyber.db`. */
  readonly db?: string
  readonly port: number
  readonly host: string
  /** The advisory store for scans and feed syncs (default as `feeds sync`). */
  readonly dataDir?: string
  /** Feed syncs read every source from this folder, laid out like the upstream sites. */
  readonly mirror?: string
  /** Feed URLs, OSV ecosystems and CSAF providers (see docs/feeds.md), as `feeds sync` reads. */
  readonly feedsConfig?: string
  /** Model folders to load as products when the store has none. */
  readonly examples: readonly string[]
  /** Run background jobs in this process too (always on for SQLite, where nothing else can). */
  readonly worker: boolean
  /** PostgreSQL: the schema of pg-boss's tables (default `pgboss`), the same for every process. */
  readonly pgBossSchema?: string
  /** The URL people reach the server at (behind a proxy); enables secure cookies for https. */
  readonly publicUrl?: string
  readonly logLevel: string
  /** With the worker in this process: ask for a feed sync every this many hours. */
  readonly syncEveryHours?: number
  readonly env: Readonly<Record<string, string | undefined>>
  /** The built web app to serve at `/`. */
  readonly webRoot?: string
}

const DEFAULT_SQLITE_FILE = path.join('.medcyber', 'medcyber.db')
const LOOPBACK: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '::1'])

const databaseUrl = (options: ServeOptions): string =>
  options.db ?? options.env['DATABASE_URL'] ?? `sqlite:${DEFAULT_SQLITE_FILE}`

/** The URL without its password, for the start-up message. */
const shown = (url: string): string => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@')

const oidcFrom = (env: ServeOptions['env']): OidcSettings | undefined => {
  const issuer = env['MEDCYBER_OIDC_ISSUER']
  const clientId = env['MEDCYBER_OIDC_CLIENT_ID']
  if (issuer === undefined || clientId === undefined) return undefined
  const clientSecret = env['MEDCYBER_OIDC_CLIENT_SECRET']
  return { issuer, clientId, ...(clientSecret === undefined ? {} : { clientSecret }) }
}

/** SQLite creates the database file but not the folder it sits in. */
const makeSqliteFolder = async (url: string): Promise<void> => {
  if (url.startsWith('sqlite:') && url !== 'sqlite::memory:') {
    await mkdir(path.dirname(url.slice('sqlite:'.length)), { recursive: true })
  }
}

const printStartup = (
  io: CliIo,
  facts: {
    readonly base: string
    readonly database: string
    readonly loads: readonly ExampleLoad[]
    readonly admin: { readonly username: string; readonly password: string } | undefined
  },
): void => {
  const { base, loads, admin } = facts
  io.stdout(`medcyber server on ${base} (${facts.database})\n`)
  io.stdout(`  web app: ${base}/ (open it in a browser)\n`)
  io.stdout(`  API description: ${base}/api/docs\n`)
  const loaded = loads.flatMap((load) => (load.productId === undefined ? [] : [load.productId]))
  if (loaded.length > 0) {
    io.stdout(`  loaded ${String(loaded.length)} example devices: ${loaded.join(', ')}\n`)
  }
  for (const load of loads) {
    if (load.problem !== undefined) {
      io.stderr(`medcyber: ${load.folder} was not loaded: ${load.problem}\n`)
    }
  }
  if (admin !== undefined) {
    io.stdout(
      `  first login: user ${admin.username}, password ${admin.password}\n` +
        `  (shown once; sign in at ${base}/ and change it there, or with POST ${base}/api/session/password)\n`,
    )
  }
}

const jobQueueOf = (
  io: CliIo,
  store: Store,
  url: string,
  pgBossSchema: string | undefined,
): Promise<JobQueue> =>
  openJobQueue(store, {
    connectionString: url,
    ...(pgBossSchema === undefined ? {} : { pgBossSchema }),
    onJobEnd: (outcome) => {
      io.stdout(outcomeLine(outcome))
    },
    onError: (error) => {
      io.stderr(`medcyber: job queue: ${error instanceof Error ? error.message : String(error)}\n`)
    },
  })

/** Cookies go over HTTPS only, except on plain-HTTP loopback (a developer's own machine). */
const needsSecureCookies = (options: ServeOptions): boolean =>
  options.publicUrl?.startsWith('https:') === true ||
  (options.publicUrl === undefined && !LOOPBACK.has(options.host))

const syncSchedule = (
  io: CliIo,
  jobs: JobQueue,
  everyHours: number | undefined,
): (() => void) | undefined =>
  everyHours === undefined
    ? undefined
    : scheduleFeedSync(jobs, everyHours, (error) => {
        io.stderr(
          `medcyber: scheduled sync: ${error instanceof Error ? error.message : String(error)}\n`,
        )
      })

/** Regulatory clock reminders, daily wherever jobs run. */
const reminderSchedule = (io: CliIo, jobs: JobQueue, runsJobs: boolean): (() => void) =>
  runsJobs
    ? scheduleDeadlineReminders(jobs, (error) => {
        io.stderr(
          `medcyber: deadline reminders: ${error instanceof Error ? error.message : String(error)}\n`,
        )
      })
    : () => undefined

/**
 * `medcyber serve`: the team server. On an empty store it loads the example devices and creates
 * the first administrator, whose generated password is printed once.
 */
export const serveCommand = async (io: CliIo, options: ServeOptions): Promise<ExitCode> => {
  const oidc = oidcFrom(options.env)
  if (oidc !== undefined && options.publicUrl === undefined) {
    io.stderr(
      'medcyber: OIDC sign-in (MEDCYBER_OIDC_ISSUER) needs --public-url, the address the identity provider redirects back to\n',
    )
    return EXIT_CODES.invalidInput
  }
  const url = databaseUrl(options)
  await makeSqliteFolder(url)
  const plan = await feedsPlan(io, {
    env: options.env,
    ...(options.mirror === undefined ? {} : { mirror: options.mirror }),
    ...(options.feedsConfig === undefined ? {} : { feedsConfig: options.feedsConfig }),
  })
  if (plan === undefined) return EXIT_CODES.invalidInput
  const dataDir = resolveDataDir(options.dataDir, options.env, homedir())
  const store = await openStore({ url })
  const secureCookies = needsSecureCookies(options)
  const jobs = await jobQueueOf(io, store, url, options.pgBossSchema)
  try {
    const loads = await loadExampleProducts(store, options.examples)
    const admin = await ensureFirstAdmin(store)
    const app = await createApp({
      store,
      jobs,
      secureCookies,
      logger: { level: options.logLevel },
      dataDir,
      ...(options.webRoot === undefined ? {} : { webRoot: options.webRoot }),
      ...(options.publicUrl === undefined ? {} : { publicUrl: options.publicUrl }),
      ...(oidc === undefined ? {} : { oidc }),
    })
    // SQLite has no other process to run jobs, so the server always runs them there.
    const runsJobs = options.worker || store.dialect === 'sqlite'
    if (runsJobs) {
      const chromiumPath = options.env['MEDCYBER_CHROMIUM']
      await registerJobHandlers(jobs, {
        store,
        dataDir,
        feeds: plan,
        ...(chromiumPath === undefined ? {} : { chromiumPath }),
      })
    }
    const address = await app.listen({ port: options.port, host: options.host })
    printStartup(io, {
      base: options.publicUrl ?? address,
      database: `${store.dialect}: ${shown(url)}`,
      loads,
      admin,
    })
    const stopSchedule = syncSchedule(io, jobs, runsJobs ? options.syncEveryHours : undefined)
    const stopReminders = reminderSchedule(io, jobs, runsJobs)
    const signal = await io.untilStopped()
    stopSchedule?.()
    stopReminders()
    io.stderr(`medcyber: ${signal}, stopping\n`)
    await app.close()
  } finally {
    await jobs.stop()
    await store.close()
  }
  return EXIT_CODES.ok
}
