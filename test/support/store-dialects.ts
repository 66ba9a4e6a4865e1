import { randomBytes } from 'node:crypto'

import pg from 'pg'

import { openStore } from '../../src/store/index.js'
import type { OpenStoreOptions, Store, StoreDialectName } from '../../src/store/index.js'

/** A store for one test, and how to throw it away (close it and drop its schema). */
export interface TestStore {
  readonly store: Store
  /** How another process reaches the same store; undefined for SQLite in memory. */
  readonly shared: OpenStoreOptions | undefined
  readonly dispose: () => Promise<void>
}

export interface TestDialect {
  readonly name: StoreDialectName
  readonly open: (options?: Omit<OpenStoreOptions, 'url' | 'schema'>) => Promise<TestStore>
}

const POSTGRES_URL =
  process.env['MEDCYBER_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test'

const sqlite: TestDialect = {
  name: 'sqlite',
  open: async (options = {}) => {
    const store = await openStore({ ...options, url: 'sqlite::memory:' })
    return { store, shared: undefined, dispose: () => store.close() }
  },
}

/** The URL without its password, for messages. */
const shown = (url: string): string => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@')

const postgresProblem = async (): Promise<string | undefined> => {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    await client.query('select 1')
    return undefined
  } catch (error) {
    return `PostgreSQL at ${shown(POSTGRES_URL)} is unreachable (${error instanceof Error ? error.message : String(error)}); set MEDCYBER_TEST_DATABASE_URL`
  } finally {
    await client.end().catch(() => undefined)
  }
}

/** Each test gets its own schema, named for this run, so parallel runs cannot meet. */
const openPostgres = async (
  options: Omit<OpenStoreOptions, 'url' | 'schema'> = {},
): Promise<TestStore> => {
  const schema = `medcyber_test_${String(process.pid)}_${randomBytes(6).toString('hex')}`
  const admin = new pg.Client({ connectionString: POSTGRES_URL })
  await admin.connect()
  try {
    await admin.query(`create schema ${schema}`)
  } finally {
    await admin.end()
  }
  const store = await openStore({ ...options, url: POSTGRES_URL, schema })
  return {
    store,
    shared: { url: POSTGRES_URL, schema },
    dispose: async () => {
      await store.close()
      const dropper = new pg.Client({ connectionString: POSTGRES_URL })
      await dropper.connect()
      try {
        await dropper.query(`drop schema ${schema} cascade`)
      } finally {
        await dropper.end()
      }
    },
  }
}

const postgresUnavailable = await postgresProblem()

/**
 * Fails with the reason when PostgreSQL cannot be reached: the store, the queues and the server
 * are tested on both databases, never on SQLite alone (`.ci/run` starts PostgreSQL).
 */
export const requirePostgres = (): void => {
  if (postgresUnavailable !== undefined) {
    throw new Error(`the tests need PostgreSQL, but ${postgresUnavailable}`)
  }
}

const postgres: TestDialect = {
  name: 'postgres',
  open: async (options) => {
    requirePostgres()
    return openPostgres(options)
  },
}

/** SQLite in memory always; PostgreSQL from MEDCYBER_TEST_DATABASE_URL or the local default. */
export const storeDialects: readonly TestDialect[] = [sqlite, postgres]
