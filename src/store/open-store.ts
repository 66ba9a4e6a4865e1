import Database from 'better-sqlite3'
import type { PostgresDialect } from 'kysely'
import { Kysely, Migrator, sql, SqliteDialect } from 'kysely'
import pg from 'pg'

import { InternalError } from '../core/index.js'
import { migrationProvider } from './migrations.js'
import { StorePostgresDialect } from './postgres-introspection.js'
import type { StoreTables } from './schema.js'

export const STORE_DIALECTS = ['sqlite', 'postgres'] as const
export type StoreDialectName = (typeof STORE_DIALECTS)[number]

/** An open database with the store's schema, and the clock its records are stamped with. */
export interface Store {
  readonly db: Kysely<StoreTables>
  readonly dialect: StoreDialectName
  readonly now: () => Date
  readonly close: () => Promise<void>
}

export interface OpenStoreOptions {
  /** `sqlite:<file>`, `sqlite::memory:`, or `postgres://…` / `postgresql://…`. */
  readonly url: string
  /** PostgreSQL only: the schema to work in (it must exist). Lets one database host many stores. */
  readonly schema?: string
  /** Bring the schema to the newest migration on open (default true). */
  readonly migrate?: boolean
  readonly now?: () => Date
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/

const sqliteDialect = (file: string): SqliteDialect => {
  const database = new Database(file)
  // Foreign keys are off by default in SQLite; WAL lets readers run beside the one writer, and a
  // busy timeout makes a second process (CLI beside the server) wait for the write lock, not fail.
  database.pragma('foreign_keys = ON')
  database.pragma('busy_timeout = 5000')
  if (file !== ':memory:') database.pragma('journal_mode = WAL')
  return new SqliteDialect({ database })
}

const postgresDialect = (url: string, schema: string | undefined): PostgresDialect => {
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new InternalError('store/bad-schema', `not a plain PostgreSQL schema name: ${schema}`)
  }
  const pool = new pg.Pool({
    connectionString: url,
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  })
  return new StorePostgresDialect({ pool })
}

const dialectFor = (
  options: OpenStoreOptions,
): [StoreDialectName, SqliteDialect | PostgresDialect] => {
  const { url } = options
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length)
    if (file === '') throw new InternalError('store/bad-url', 'sqlite: URL without a file name')
    return ['sqlite', sqliteDialect(file)]
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    return ['postgres', postgresDialect(url, options.schema)]
  }
  throw new InternalError(
    'store/bad-url',
    'database URL must start with sqlite: or postgres:// (e.g. sqlite:medcyber.db)',
  )
}

/** Applies every migration not yet applied; throws if one fails (that migration is rolled back). */
export const migrateToLatest = async (store: Store): Promise<void> => {
  // Kysely looks for its bookkeeping tables in every schema unless told which one: with another
  // store's schema in the same database (tests, or several stores on one server) it would find
  // theirs, skip creating its own and then fail. So name the schema the store works in.
  const migrationTableSchema =
    store.dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(store.db)).rows[0]
          ?.schema
      : undefined
  const migrator = new Migrator({
    db: store.db,
    provider: migrationProvider,
    ...(migrationTableSchema === undefined ? {} : { migrationTableSchema }),
  })
  const { error } = await migrator.migrateToLatest()
  if (error !== undefined) {
    throw new InternalError('store/migration-failed', 'database migration failed', { cause: error })
  }
}

export const openStore = async (options: OpenStoreOptions): Promise<Store> => {
  const [dialect, kyselyDialect] = dialectFor(options)
  const db = new Kysely<StoreTables>({ dialect: kyselyDialect })
  const store: Store = {
    db,
    dialect,
    now: options.now ?? (() => new Date()),
    close: () => db.destroy(),
  }
  if (options.migrate ?? true) {
    try {
      await migrateToLatest(store)
    } catch (error) {
      await store.close()
      throw error
    }
  }
  return store
}
