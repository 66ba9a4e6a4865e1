import type { Kysely, Migration } from 'kysely'

import {
  createRegulatoryClockTables,
  dropRegulatoryClockTables,
} from './migration-0004-regulatory-clocks.js'

export const postmarketMonitoringMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    // The manufacturer's postmarket settings (notification channels, CVD acknowledgement time,
    // security.txt contacts), one JSON value per key, so a new setting needs no migration.
    await db.schema
      .createTable('settings')
      .addColumn('key', 'text', (column) => column.primaryKey())
      .addColumn('value', 'text', (column) => column.notNull())
      .addColumn('updated_at', 'text', (column) => column.notNull())
      .addColumn('updated_by', 'text', (column) => column.notNull())
      .execute()
    // The outbox: a message is written in the transaction that decides it is due and delivered
    // afterwards by the notifications-send job, so a crash between the two loses nothing. One row
    // per channel and recipient; the unique key makes a job that runs twice notify once.
    await db.schema
      .createTable('notifications')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('kind', 'text', (column) => column.notNull())
      .addColumn('product_id', 'text')
      .addColumn('channel', 'text', (column) => column.notNull())
      .addColumn('recipient', 'text', (column) => column.notNull())
      .addColumn('subject', 'text', (column) => column.notNull())
      .addColumn('text', 'text', (column) => column.notNull())
      .addColumn('data', 'text', (column) => column.notNull())
      .addColumn('dedupe_key', 'text', (column) => column.notNull())
      .addColumn('state', 'text', (column) => column.notNull())
      .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0))
      .addColumn('last_error', 'text')
      .addColumn('claimed_at', 'text')
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('sent_at', 'text')
      .addUniqueConstraint('notifications_dedupe', ['dedupe_key', 'channel', 'recipient'])
      .execute()
    await db.schema
      .createIndex('notifications_by_state')
      .on('notifications')
      .columns(['state', 'created_at'])
      .execute()
    // One alert per finding and release, ever: a finding that vanishes and comes back (a model
    // edit undone) is not news a second time.
    await db.schema
      .createTable('advisory_alerts')
      .addColumn('id', 'text', (column) => column.primaryKey())
      .addColumn('product_id', 'text', (column) =>
        column.notNull().references('products.id').onDelete('cascade'),
      )
      .addColumn('release', 'text', (column) => column.notNull())
      .addColumn('finding_id', 'text', (column) => column.notNull())
      .addColumn('vulnerability', 'text', (column) => column.notNull())
      .addColumn('aliases', 'text', (column) => column.notNull())
      .addColumn('component', 'text', (column) => column.notNull())
      .addColumn('severity', 'text')
      .addColumn('kev', 'integer', (column) => column.notNull())
      .addColumn('epss', 'double precision')
      .addColumn('created_at', 'text', (column) => column.notNull())
      .addColumn('suggested_status', 'text', (column) => column.notNull())
      .addColumn('suggested_justification', 'text')
      .addColumn('reasoning', 'text', (column) => column.notNull())
      .addColumn('linked_risks', 'text', (column) => column.notNull())
      .addColumn('state', 'text', (column) => column.notNull())
      .addColumn('acknowledged_by', 'text')
      .addColumn('acknowledged_at', 'text')
      .addUniqueConstraint('advisory_alerts_finding', ['product_id', 'release', 'finding_id'])
      .execute()
    await db.schema
      .createIndex('advisory_alerts_by_state')
      .on('advisory_alerts')
      .columns(['state', 'created_at'])
      .execute()
    // The releases whose first evaluation has happened: only findings after it are alerts, so
    // adding a product or a release does not flood anyone with its known vulnerabilities.
    await db.schema
      .createTable('monitored_releases')
      .addColumn('product_id', 'text', (column) =>
        column.notNull().references('products.id').onDelete('cascade'),
      )
      .addColumn('release', 'text', (column) => column.notNull())
      .addColumn('first_evaluated_at', 'text', (column) => column.notNull())
      .addPrimaryKeyConstraint('monitored_releases_pk', ['product_id', 'release'])
      .execute()
    // Regulatory clocks (issue 9 part B): decisions, clocks, evidence.
    await createRegulatoryClockTables(db)
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await dropRegulatoryClockTables(db)
    for (const table of ['monitored_releases', 'advisory_alerts', 'notifications', 'settings']) {
      await db.schema.dropTable(table).execute()
    }
  },
}
