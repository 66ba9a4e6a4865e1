import type { Kysely, Migration, MigrationProvider } from 'kysely'

import { postmarketMonitoringMigration } from './migration-0004-postmarket-monitoring.js'
import { coordinatedDisclosureMigration } from './migration-0005-coordinated-disclosure.js'
import { installedBaseMigration } from './migration-0006-installed-base.js'

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
  '0002-team-server': {
    // Accounts, roles, approvals, findings, generated documents and the embedded job queue.
    // Assessments and VEX triage are not tables of their own: they are part of the model files
    // (`threatAssessments`, `findingAssessments`), so a web edit and a git edit meet in one place
    // and the model's revision guards both.
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('users')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('username', 'text', (column) => column.notNull().unique())
        .addColumn('display_name', 'text', (column) => column.notNull())
        .addColumn('password_hash', 'text')
        .addColumn('oidc_subject', 'text', (column) => column.unique())
        .addColumn('disabled', 'integer', (column) => column.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (column) => column.notNull())
        .execute()
      // No foreign key on product_id: '*' grants a role on every product, present and future.
      await db.schema
        .createTable('product_roles')
        .addColumn('product_id', 'text', (column) => column.notNull())
        .addColumn('user_id', 'text', (column) =>
          column.notNull().references('users.id').onDelete('cascade'),
        )
        .addColumn('role', 'text', (column) => column.notNull())
        .addPrimaryKeyConstraint('product_roles_pk', ['product_id', 'user_id', 'role'])
        .execute()
      await db.schema
        .createTable('sessions')
        .addColumn('id_hash', 'text', (column) => column.primaryKey())
        .addColumn('user_id', 'text', (column) =>
          column.notNull().references('users.id').onDelete('cascade'),
        )
        .addColumn('csrf_token', 'text', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('expires_at', 'text', (column) => column.notNull())
        .execute()
      await db.schema
        .createTable('api_tokens')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('user_id', 'text', (column) =>
          column.notNull().references('users.id').onDelete('cascade'),
        )
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('token_hash', 'text', (column) => column.notNull().unique())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('expires_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute()
      await db.schema
        .createTable('approvals')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('product_id', 'text', (column) =>
          column.notNull().references('products.id').onDelete('cascade'),
        )
        .addColumn('release', 'text')
        .addColumn('subject', 'text', (column) => column.notNull())
        .addColumn('meaning', 'text', (column) => column.notNull())
        .addColumn('model_revision', 'integer', (column) => column.notNull())
        .addColumn('content_hash', 'text', (column) => column.notNull())
        .addColumn('signer_id', 'text', (column) => column.notNull())
        .addColumn('signer_name', 'text', (column) => column.notNull())
        .addColumn('signed_at', 'text', (column) => column.notNull())
        .addColumn('reason', 'text')
        .addColumn('audit_seq', 'integer', (column) => column.notNull())
        .execute()
      await db.schema
        .createTable('findings')
        .addColumn('product_id', 'text', (column) =>
          column.notNull().references('products.id').onDelete('cascade'),
        )
        .addColumn('release', 'text', (column) => column.notNull())
        .addColumn('finding_id', 'text', (column) => column.notNull())
        .addColumn('vulnerability', 'text', (column) => column.notNull())
        .addColumn('aliases', 'text', (column) => column.notNull())
        .addColumn('component', 'text', (column) => column.notNull())
        .addColumn('severity', 'text')
        .addColumn('cvss_score', 'double precision')
        .addColumn('kev', 'integer', (column) => column.notNull())
        .addColumn('epss', 'double precision')
        .addColumn('vex_status', 'text', (column) => column.notNull())
        .addColumn('summary', 'text')
        .addColumn('first_seen', 'text', (column) => column.notNull())
        .addColumn('evaluated_at', 'text', (column) => column.notNull())
        .addColumn('advisory_generation', 'text')
        .addPrimaryKeyConstraint('findings_pk', ['product_id', 'release', 'finding_id'])
        .execute()
      await db.schema
        .createIndex('findings_by_vulnerability')
        .on('findings')
        .column('vulnerability')
        .execute()
      await db.schema
        .createTable('generated_documents')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('product_id', 'text', (column) =>
          column.notNull().references('products.id').onDelete('cascade'),
        )
        .addColumn('release', 'text')
        .addColumn('kind', 'text', (column) => column.notNull())
        .addColumn('language', 'text', (column) => column.notNull())
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('media_type', 'text', (column) => column.notNull())
        .addColumn('sha256', 'text', (column) => column.notNull())
        .addColumn('size', 'integer', (column) => column.notNull())
        // Base64 text: one column type both back ends read back byte for byte.
        .addColumn('content', 'text', (column) => column.notNull())
        .addColumn('model_revision', 'integer', (column) => column.notNull())
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('created_by', 'text', (column) => column.notNull())
        .execute()
      // The embedded (SQLite) job queue; on PostgreSQL pg-boss keeps its own schema.
      await db.schema
        .createTable('jobs')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('data', 'text', (column) => column.notNull())
        .addColumn('state', 'text', (column) => column.notNull())
        .addColumn('singleton_key', 'text')
        .addColumn('attempts', 'integer', (column) => column.notNull().defaultTo(0))
        .addColumn('max_attempts', 'integer', (column) => column.notNull())
        .addColumn('run_after', 'text', (column) => column.notNull())
        .addColumn('output', 'text')
        .addColumn('created_at', 'text', (column) => column.notNull())
        .addColumn('started_at', 'text')
        .addColumn('completed_at', 'text')
        .execute()
      await db.schema
        .createIndex('jobs_by_state')
        .on('jobs')
        .columns(['state', 'run_after'])
        .execute()
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of [
        'jobs',
        'generated_documents',
        'findings',
        'approvals',
        'api_tokens',
        'sessions',
        'product_roles',
        'users',
      ]) {
        await db.schema.dropTable(table).execute()
      }
    },
  },
  '0003-user-preferences': {
    // What the web app remembers per person: the language chosen, and when the advisories were
    // last marked as seen (what counts as new since the last visit). One column per statement:
    // SQLite adds only one column per ALTER TABLE.
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('users').addColumn('locale', 'text').execute()
      await db.schema.alterTable('users').addColumn('advisories_seen_at', 'text').execute()
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('users').dropColumn('advisories_seen_at').execute()
      await db.schema.alterTable('users').dropColumn('locale').execute()
    },
  },
  // Postmarket operations (issue 9), one file each: the schema grew past one readable list.
  '0004-postmarket-monitoring': postmarketMonitoringMigration,
  '0005-coordinated-disclosure': coordinatedDisclosureMigration,
  '0006-installed-base': installedBaseMigration,
}

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
}
