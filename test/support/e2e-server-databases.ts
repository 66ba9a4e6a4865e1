import { randomBytes } from 'node:crypto'
import path from 'node:path'

import Database from 'better-sqlite3'
import pg from 'pg'

import { requirePostgres } from './store-dialects.js'
import { tempDir } from './temp-dir.js'

const POSTGRES_URL =
  process.env['MEDCYBER_TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test'

/** The URL without its password, for messages. */
const shown = (url: string): string => url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@')

/** A database for the processes of one test, reached the way a user configures it. */
export interface ServerDatabase {
  readonly dialect: 'sqlite' | 'postgres'
  /** What `serve --db` and `worker --db` are given. */
  readonly url: string
  /** Extra arguments of `serve` and `worker`: PostgreSQL's pg-boss schema of this test. */
  readonly queueArgs: readonly string[]
  /** The arguments `medcyber audit verify` needs to find this store. */
  readonly auditArgs: readonly string[]
  /**
   * Runs one statement directly on the store's tables, outside medcyber (while it is stopped):
   * `?` marks a parameter, `table()` names a table.
   */
  readonly sql: (text: string, values?: readonly unknown[]) => Promise<Record<string, unknown>[]>
  /** Watches the server's write transactions on the model files. */
  readonly writeProbe: () => Promise<WriteProbe>
  readonly dispose: () => Promise<void>
}

/** Tells whether some process holds a write transaction on the store's model files now. */
export interface WriteProbe {
  readonly writing: () => Promise<boolean>
  readonly close: () => Promise<void>
}

const SUSTAINED_MS = 3

/**
 * SQLite: another connection cannot begin a write transaction while the server holds one (WAL
 * allows one writer), so a refused `BEGIN IMMEDIATE` shows the server writing. The job queue's
 * polls write too, each in well under a millisecond; a model import holds the lock far longer,
 * so only a lock still held a few milliseconds later counts.
 */
const sqliteWriteProbe = (file: string): WriteProbe => {
  const database = new Database(file)
  database.pragma('busy_timeout = 0')
  const begin = database.prepare('begin immediate')
  const rollback = database.prepare('rollback')
  const locked = (): boolean => {
    try {
      begin.run()
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_BUSY') return true
      throw error
    }
    rollback.run()
    return false
  }
  return {
    writing: async () => {
      if (!locked()) return false
      await new Promise((resolve) => setTimeout(resolve, SUSTAINED_MS))
      return locked()
    },
    close: () => {
      database.close()
      return Promise.resolve()
    },
  }
}

/**
 * PostgreSQL: a transaction that has written model files holds a RowExclusiveLock on this
 * schema's model_documents table until it commits or rolls back.
 */
const postgresWriteProbe = async (schema: string): Promise<WriteProbe> => {
  const client = new pg.Client({ connectionString: POSTGRES_URL })
  await client.connect()
  return {
    writing: async () => {
      const result = await client.query(
        `select 1 from pg_locks l
           join pg_class c on c.oid = l.relation
           join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = $1 and c.relname = 'model_documents'
            and l.mode = 'RowExclusiveLock' and l.granted
          limit 1`,
        [schema],
      )
      return result.rowCount !== 0
    },
    close: () => client.end(),
  }
}

/** A SQLite file in a new folder. */
export const sqliteFile = (): ServerDatabase => {
  const file = path.join(tempDir('medcyber-e2e-server'), 'medcyber.db')
  return {
    dialect: 'sqlite',
    url: `sqlite:${file}`,
    queueArgs: [],
    auditArgs: ['--db', `sqlite:${file}`],
    sql: async (text, values = []) => {
      await Promise.resolve()
      const database = new Database(file)
      try {
        const statement = database.prepare(text)
        if (statement.reader) return statement.all(...values) as Record<string, unknown>[]
        statement.run(...values)
        return []
      } finally {
        database.close()
      }
    },
    writeProbe: () => Promise.resolve(sqliteWriteProbe(file)),
    dispose: () => Promise.resolve(),
  }
}

const withClient = async <T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await use(client)
  } finally {
    await client.end()
  }
}

/** Adds a libpq `options` parameter to a PostgreSQL URL, keeping any query it has. */
const withSearchPath = (url: string, schema: string): string =>
  `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`

/**
 * A new, empty schema for the store and another for pg-boss, both dropped by `dispose`. The
 * processes reach the store's schema through the URL's search path, as a site hosting several
 * stores on one database would configure them.
 */
export const postgresSchema = async (): Promise<ServerDatabase> => {
  requirePostgres()
  const suffix = `${String(process.pid)}_${randomBytes(5).toString('hex')}`
  const schema = `medcyber_e2e_${suffix}`
  const pgBossSchema = `pgboss_e2e_${suffix}`
  try {
    await withClient(POSTGRES_URL, (client) => client.query(`create schema ${schema}`))
  } catch (error) {
    // Reachable a moment ago, yet the schema cannot be made: say where and why.
    throw new Error(
      `cannot create a schema on PostgreSQL at ${shown(POSTGRES_URL)} (${error instanceof Error ? error.message : String(error)}); set MEDCYBER_TEST_DATABASE_URL`,
      { cause: error },
    )
  }
  return {
    dialect: 'postgres',
    url: withSearchPath(POSTGRES_URL, schema),
    queueArgs: ['--pg-boss-schema', pgBossSchema],
    auditArgs: ['--db', POSTGRES_URL, '--schema', schema],
    // Qualified by the schema, so that a server that wrote elsewhere would be noticed.
    sql: (text, values = []) =>
      withClient(POSTGRES_URL, async (client) => {
        let parameter = 0
        const query = text
          .replaceAll('{schema}', schema)
          .replace(/\?/g, () => `$${String((parameter += 1))}`)
        const result = await client.query(query, [...values])
        return result.rows as Record<string, unknown>[]
      }),
    writeProbe: () => postgresWriteProbe(schema),
    dispose: () =>
      withClient(POSTGRES_URL, async (client) => {
        await client.query(`drop schema if exists ${schema} cascade`)
        await client.query(`drop schema if exists ${pgBossSchema} cascade`)
      }),
  }
}

/** The table name as `sql` must write it: schema-qualified on PostgreSQL. */
export const table = (database: ServerDatabase, name: string): string =>
  database.dialect === 'postgres' ? `{schema}.${name}` : name
