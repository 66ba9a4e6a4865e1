// The two back ends the API load benchmark runs on: SQLite in a temporary file, and PostgreSQL
// in a schema of its own that is dropped afterwards (the database may be shared with tests).
import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import pg from 'pg'

import { openJobQueue, type JobQueue } from '../../src/jobs/index.js'
import { openStore, type Store, type StoreDialectName } from '../../src/store/index.js'

export interface BenchStore {
  readonly store: Store
  readonly jobs: JobQueue
  /** Where the data lives, for the report (no password). */
  readonly shown: string
  readonly dispose: () => Promise<void>
}

export interface BenchDialect {
  readonly name: StoreDialectName
  /** Why this back end cannot run here; undefined when it can. */
  readonly unavailable: () => Promise<string | undefined>
  readonly open: () => Promise<BenchStore>
}

const POSTGRES_URL =
  process.env['MEDCYBER_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test'

const withoutPassword = (url: string): string => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@')

const sqlite: BenchDialect = {
  name: 'sqlite',
  unavailable: () => Promise.resolve(undefined),
  open: async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'medcyber-api-load-'))
    const url = `sqlite:${path.join(folder, 'bench.db')}`
    const store = await openStore({ url })
    const jobs = await openJobQueue(store)
    return {
      store,
      jobs,
      shown: url,
      dispose: async () => {
        await jobs.stop()
        await store.close()
        await rm(folder, { recursive: true, force: true })
      },
    }
  },
}

const adminQuery = async (text: string): Promise<void> => {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

const postgres: BenchDialect = {
  name: 'postgres',
  unavailable: async () => {
    try {
      await adminQuery('select 1')
      return undefined
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      return `PostgreSQL at ${withoutPassword(POSTGRES_URL)} is unreachable (${reason}); set MEDCYBER_TEST_DATABASE_URL`
    }
  },
  open: async () => {
    const schema = `bench_${randomBytes(6).toString('hex')}`
    // pg-boss keeps its tables in a schema of their own; it creates it on start.
    const bossSchema = `${schema}_jobs`
    await adminQuery(`create schema ${schema}`)
    const dropSchemas = () =>
      adminQuery(
        `drop schema if exists ${schema} cascade; drop schema if exists ${bossSchema} cascade`,
      )
    let store: Store | undefined
    try {
      store = await openStore({ url: POSTGRES_URL, schema })
      const opened = store
      const jobs = await openJobQueue(opened, {
        connectionString: POSTGRES_URL,
        pgBossSchema: bossSchema,
      })
      return {
        store: opened,
        jobs,
        shown: `${withoutPassword(POSTGRES_URL)} schema ${schema}`,
        dispose: async () => {
          await jobs.stop()
          await opened.close()
          await dropSchemas()
        },
      }
    } catch (error) {
      await store?.close()
      await dropSchemas()
      throw error
    }
  },
}

export const BENCH_DIALECTS: readonly BenchDialect[] = [sqlite, postgres]
