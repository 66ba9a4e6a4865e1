import type { Kysely, Migration } from 'kysely'

/**
 * Which customers run which releases (issue 9): imported from a CSV file, replaced whole by
 * each import. Dates are `YYYY-MM-DD` text like the model's milestones.
 */
export const installedBaseMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('installed_base')
      .addColumn('product_id', 'text', (column) =>
        column.notNull().references('products.id').onDelete('cascade'),
      )
      // The line of the imported file, so a row can be pointed at and the file's order kept.
      .addColumn('line', 'integer', (column) => column.notNull())
      .addColumn('customer', 'text', (column) => column.notNull())
      .addColumn('site', 'text', (column) => column.notNull())
      .addColumn('release', 'text', (column) => column.notNull())
      .addColumn('units', 'integer', (column) => column.notNull())
      .addColumn('contact_name', 'text')
      .addColumn('contact_email', 'text')
      .addColumn('deployed_on', 'text', (column) => column.notNull())
      .addColumn('retired_on', 'text')
      .addColumn('imported_at', 'text', (column) => column.notNull())
      .addPrimaryKeyConstraint('installed_base_pk', ['product_id', 'line'])
      .execute()
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('installed_base').execute()
  },
}
