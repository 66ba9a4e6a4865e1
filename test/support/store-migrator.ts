import { Migrator, sql } from 'kysely'

import type { Store } from '../../src/store/index.js'
import { migrationProvider } from '../../src/store/migrations.js'

/** The PostgreSQL schema the store works in; undefined on SQLite. */
export const schemaOf = async (store: Store): Promise<string | undefined> =>
  store.dialect === 'postgres'
    ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(store.db)).rows[0]
        ?.schema
    : undefined

/** A migrator on the store's own schema, as `migrateToLatest` sets it up, to go down in tests. */
export const migratorOf = async (store: Store): Promise<Migrator> => {
  const schema = await schemaOf(store)
  return new Migrator({
    db: store.db,
    provider: migrationProvider,
    ...(schema === undefined ? {} : { migrationTableSchema: schema }),
  })
}

/**
 * The store's own tables, sorted: on PostgreSQL the other tests' stores are in other schemas of
 * the same database at the same time, and introspection lists them all.
 */
export const storeTables = async (store: Store): Promise<string[]> => {
  const schema = await schemaOf(store)
  return (await store.db.introspection.getTables())
    .filter((table) => table.schema === schema)
    .map((table) => table.name)
    .sort()
}
