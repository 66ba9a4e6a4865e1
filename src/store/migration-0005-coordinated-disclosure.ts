import type { Kysely, Migration } from 'kysely'

/**
 * Coordinated vulnerability disclosure (issue 9): reports from finders and their coordination
 * timeline. A report's product is text as the finder gave it until triage assigns one, so there
 * is no foreign key on product_id; deleting a product keeps the reports about it.
 */
export const coordinatedDisclosureMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('disclosure_reports')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('received_at', 'text', (column) => column.notNull())
      .addColumn('reporter_name', 'text')
      .addColumn('reporter_email', 'text')
      .addColumn('credit_reporter', 'integer', (column) => column.notNull().defaultTo(0))
      .addColumn('product_text', 'text', (column) => column.notNull())
      .addColumn('product_id', 'text')
      .addColumn('title', 'text', (column) => column.notNull())
      .addColumn('description', 'text', (column) => column.notNull())
      .addColumn('text_hash', 'text', (column) => column.notNull())
      .addColumn('state', 'text', (column) => column.notNull())
      .addColumn('verdict', 'text')
      .addColumn('duplicate_of', 'text')
      .addColumn('repeats', 'integer', (column) => column.notNull().defaultTo(0))
      .addColumn('acknowledge_due', 'text', (column) => column.notNull())
      .addColumn('acknowledged_at', 'text')
      .addColumn('cvss_vector', 'text')
      .addColumn('cve_id', 'text')
      .addColumn('cwe_id', 'text')
      .addColumn('cwe_name', 'text')
      .addColumn('affected_releases', 'text', (column) => column.notNull().defaultTo('[]'))
      .addColumn('fixed_in', 'text')
      .addColumn('remediation', 'text')
      .addColumn('public_disclosure_date', 'text')
      .addColumn('updated_at', 'text', (column) => column.notNull())
      .execute()
    // Intake looks up the same text of the last day, and counts the last hour's reports.
    await db.schema
      .createIndex('disclosure_reports_text')
      .on('disclosure_reports')
      .columns(['text_hash', 'received_at'])
      .execute()
    await db.schema
      .createIndex('disclosure_reports_received')
      .on('disclosure_reports')
      .columns(['received_at'])
      .execute()
    await db.schema
      .createTable('disclosure_events')
      .addColumn('report_id', 'text', (column) =>
        column.notNull().references('disclosure_reports.id').onDelete('cascade'),
      )
      .addColumn('seq', 'integer', (column) => column.notNull())
      .addColumn('at', 'text', (column) => column.notNull())
      .addColumn('actor', 'text', (column) => column.notNull())
      .addColumn('kind', 'text', (column) => column.notNull())
      .addColumn('note', 'text', (column) => column.notNull())
      .addPrimaryKeyConstraint('disclosure_events_pk', ['report_id', 'seq'])
      .execute()
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('disclosure_events').execute()
    await db.schema.dropTable('disclosure_reports').execute()
  },
}
