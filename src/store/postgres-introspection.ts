import { PostgresDialect, type DatabaseIntrospector, type Kysely } from 'kysely'

/** PostgreSQL's invalid_schema_name. */
const SCHEMA_VANISHED = '3F000'
const ATTEMPTS = 5

const vanishedSchema = (error: unknown): boolean =>
  typeof error === 'object' &&
  error !== null &&
  (error as { code?: unknown }).code === SCHEMA_VANISHED

/** Runs `read` again (a few times) while it fails because a schema was dropped under it. */
export const retryingWhileSchemasVanish = async <T>(read: () => Promise<T>): Promise<T> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await read()
    } catch (error) {
      if (attempt >= ATTEMPTS || !vanishedSchema(error)) throw error
    }
  }
}

/**
 * Kysely's PostgreSQL introspection (which its Migrator uses to find its own tables) lists the
 * tables of every schema and looks each schema up by name (`has_schema_privilege`,
 * `pg_get_serial_sequence`). A schema another store drops at that moment (several stores on one
 * database, as in our parallel tests) fails the whole query with "schema … does not exist",
 * and with it the migration of a store that never touched that schema. A new snapshot no
 * longer lists the dropped schema, so the introspection is simply asked again.
 */
export class StorePostgresDialect extends PostgresDialect {
  // Kysely's own signature takes any database.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    const inner = super.createIntrospector(db)
    const getTables: DatabaseIntrospector['getTables'] = (options) =>
      retryingWhileSchemasVanish(() => inner.getTables(options))
    return {
      getSchemas: () => retryingWhileSchemasVanish(() => inner.getSchemas()),
      getTables,
      // Deprecated in Kysely, but DatabaseIntrospector still requires it.
      // eslint-disable-next-line @typescript-eslint/no-deprecated
      getMetadata: async (options) => ({ tables: await getTables(options) }),
    }
  }
}
