import type { Kysely, Migration, MigrationProvider } from 'kysely'

/**
 * Migrations live in code, not in files found at run time, so the built package and a bundled
 * server carry them. One list serves both dialects: only types both understand (`text`,
 * `integer`) are used. Names sort in the order they apply; never edit a released migration,
 * add a new one.
 */
const migrations: Readonly<Record<string, Migration>> = {
  '0001-products-model-audit': {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('products')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('model_revision', 'integer', (column) => column.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (column) => column.notNull())
        .execute()
      await db.schema
        .createTable('releases')
        .addColumn('product_id', 'text', (column) =>
          column.notNull().references('products.id').onDelete('cascade'),
        )
        .addColumn('version', 'text', (column) => column.notNull())
        .addColumn('released_at', 'text')
        .addColumn('support_ends', 'text')
        .addPrimaryKeyConstraint('releases_pk', ['product_id', 'version'])
        .execute()
      await db.schema
        .createTable('model_documents')
        .addColumn('product_id', 'text', (column) =>
          column.notNull().references('products.id').onDelete('cascade'),
        )
        .addColumn('path', 'text', (column) => column.notNull())
        .addColumn('text', 'text', (column) => column.notNull())
        .addColumn('revision', 'integer', (column) => column.notNull())
        .addColumn('content_hash', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('model_documents_pk', ['product_id', 'path'])
        .execute()
      await db.schema
        .createTable('audit_events')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('seq', 'integer', (column) => column.notNull().unique())
        .addColumn('at', 'text', (column) => column.notNull())
        .addColumn('actor', 'text', (column) => column.notNull())
        .addColumn('action', 'text', (column) => column.notNull())
        .addColumn('subject', 'text', (column) => column.notNull())
        .addColumn('before', 'text')
        .addColumn('after', 'text')
        .addColumn('reason', 'text')
        .addColumn('prev_hash', 'text', (column) => column.notNull())
        .addColumn('hash', 'text', (column) => column.notNull().unique())
        .execute()
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['audit_events', 'model_documents', 'releases', 'products']) {
        await db.schema.dropTable(table).execute()
      }
    },
  },
}

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
}
