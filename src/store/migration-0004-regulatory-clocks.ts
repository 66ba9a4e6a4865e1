import type { Kysely } from 'kysely'

/**
 * The regulatory-clock tables of migration 0004: risk-control decisions per release and the
 * clocks they and later events start. Kept apart from the monitoring tables of the same
 * migration so each part reads on its own.
 */
export const createRegulatoryClockTables = async (db: Kysely<unknown>): Promise<void> => {
  // Every decision ever made is kept: a new one for the same release and subject supersedes the
  // one before (superseded_by), it does not overwrite it.
  await db.schema
    .createTable('risk_decisions')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('product_id', 'text', (column) =>
      column.notNull().references('products.id').onDelete('cascade'),
    )
    .addColumn('release', 'text', (column) => column.notNull())
    .addColumn('subject', 'text', (column) => column.notNull())
    .addColumn('decision', 'text', (column) => column.notNull())
    .addColumn('rationale', 'text', (column) => column.notNull())
    .addColumn('learned_on', 'text', (column) => column.notNull())
    .addColumn('learned_from', 'text', (column) => column.notNull())
    .addColumn('decided_by', 'text', (column) => column.notNull())
    .addColumn('decided_at', 'text', (column) => column.notNull())
    .addColumn('model_revision', 'integer', (column) => column.notNull())
    .addColumn('superseded_by', 'text')
    .addColumn('audit_seq', 'integer', (column) => column.notNull())
    .execute()
  await db.schema
    .createIndex('risk_decisions_by_subject')
    .on('risk_decisions')
    .columns(['product_id', 'release', 'subject'])
    .execute()
  // A clock's state (open, met, missed) is not stored: missed depends on the day it is asked.
  await db.schema
    .createTable('regulatory_clocks')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('product_id', 'text', (column) =>
      column.notNull().references('products.id').onDelete('cascade'),
    )
    .addColumn('release', 'text', (column) => column.notNull())
    .addColumn('subject', 'text', (column) => column.notNull())
    .addColumn('decision_id', 'text', (column) =>
      column.references('risk_decisions.id').onDelete('cascade'),
    )
    .addColumn('trigger_kind', 'text', (column) => column.notNull())
    .addColumn('trigger_detail', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('title', 'text', (column) => column.notNull())
    .addColumn('started_on', 'text', (column) => column.notNull())
    .addColumn('due_on', 'text', (column) => column.notNull())
    .addColumn('basis', 'text', (column) => column.notNull())
    .addColumn('period', 'integer', (column) => column.notNull())
    .addColumn('source_document', 'text', (column) => column.notNull())
    .addColumn('source_clause', 'text', (column) => column.notNull())
    .addColumn('met_on', 'text')
    .addColumn('withdrawn_on', 'text')
    .addColumn('closure', 'text')
    .addColumn('created_at', 'text', (column) => column.notNull())
    .addColumn('created_by', 'text', (column) => column.notNull())
    .addUniqueConstraint('regulatory_clocks_start', [
      'product_id',
      'release',
      'subject',
      'kind',
      'started_on',
    ])
    .execute()
  await db.schema
    .createIndex('regulatory_clocks_by_due')
    .on('regulatory_clocks')
    .columns(['due_on'])
    .execute()
}

export const dropRegulatoryClockTables = async (db: Kysely<unknown>): Promise<void> => {
  await db.schema.dropTable('regulatory_clocks').execute()
  await db.schema.dropTable('risk_decisions').execute()
}
