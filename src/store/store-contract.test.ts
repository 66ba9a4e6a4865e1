import { createHash } from 'node:crypto'
import path from 'node:path'

import { sql } from 'kysely'
import type { KyselyPlugin, RootOperationNode } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { storeDialects } from '../../test/support/store-dialects.js'
import type { TestStore } from '../../test/support/store-dialects.js'
import { migratorOf, storeTables } from '../../test/support/store-migrator.js'
import { EXAMPLES_DIR, exampleNames, readFolder } from '../../test/support/model-folders.js'
import {
  countAuditEvents,
  exportModel,
  importModel,
  migrateToLatest,
  verifyAuditChain,
} from './index.js'
import { canonicalJson } from './canonical-json.js'
import type { ModelFile, Store } from './index.js'

const AT = new Date('2026-03-01T09:00:00.000Z')
const BY = { actor: 'alice', reason: 'initial import' }

/** The YAML files of an example device, as a git checkout of its model folder would hold them. */
const exampleModel = (name: string): ModelFile[] =>
  [...readFolder(path.join(EXAMPLES_DIR, name))]
    .filter(([file]) => file.endsWith('.yaml'))
    .map(([file, text]) => ({ path: file.split(path.sep).join('/'), text }))
    .sort((a, b) => (a.path < b.path ? -1 : 1))

/** Makes every insert into audit_events fail: the last write of an import, so all else ran. */
const failingAuditInsert: KyselyPlugin = {
  transformQuery: ({ node }): RootOperationNode => {
    if (node.kind === 'InsertQueryNode' && node.into?.table.identifier.name === 'audit_events') {
      throw new Error('injected failure')
    }
    return node
  },
  transformResult: ({ result }) => Promise.resolve(result),
}

const modelA: ModelFile[] = [
  { path: 'medcyber.yaml', text: 'product: pump\n' },
  { path: 'architecture.yaml', text: 'elements: []\r\n' },
]
const modelB: ModelFile[] = [
  { path: 'medcyber.yaml', text: 'product: pump\nversion: 2\n' },
  { path: 'security.yaml', text: 'controls: []\n' },
]

describe.each(storeDialects)('store on $name', (dialect) => {
  describe('contract', () => {
    let opened: TestStore | undefined
    let store: Store

    beforeEach(async () => {
      opened = await dialect.open({ now: () => AT })
      store = opened.store
    })
    afterEach(async () => {
      await opened?.dispose()
      opened = undefined
    })

    it('creates the tables, and migrating again changes nothing', async () => {
      await migrateToLatest(store)
      const tables = await storeTables(store)
      expect(tables).toEqual([
        'advisory_alerts',
        'api_tokens',
        'approvals',
        'audit_events',
        'disclosure_events',
        'disclosure_reports',
        'findings',
        'generated_documents',
        'installed_base',
        'jobs',
        'model_documents',
        'monitored_releases',
        'notifications',
        'product_roles',
        'products',
        'regulatory_clocks',
        'releases',
        'risk_decisions',
        'sessions',
        'settings',
        'users',
      ])
    })

    it('takes the postmarket migrations down and up again', async () => {
      await migrateToLatest(store)
      const tablesOf = () => storeTables(store)
      const latest = await tablesOf()
      const migrator = await migratorOf(store)
      expect((await migrator.migrateTo('0003-user-preferences')).error).toBeUndefined()
      expect(await tablesOf()).toEqual(
        latest.filter(
          (name) =>
            ![
              'advisory_alerts',
              'disclosure_events',
              'disclosure_reports',
              'installed_base',
              'monitored_releases',
              'notifications',
              'regulatory_clocks',
              'risk_decisions',
              'settings',
            ].includes(name),
        ),
      )
      await migrateToLatest(store)
      expect(await tablesOf()).toEqual(latest)
    })

    it.each(exampleNames())('round-trips the %s example byte for byte', async (name) => {
      const files = exampleModel(name)
      expect(files.length).toBeGreaterThan(3)
      const imported = await importModel(store, name, files, { ...BY, expectedRevision: 0 })
      expect(imported).toEqual({
        ok: true,
        value: { revision: 1, changed: files.map((f) => f.path) },
      })
      const exported = await exportModel(store, name)
      expect(exported.revision).toBe(1)
      expect(exported.files).toEqual(files)
      for (const [index, file] of exported.files.entries()) {
        expect(
          Buffer.from(file.text, 'utf8').equals(Buffer.from(files[index]?.text ?? '', 'utf8')),
        ).toBe(true)
      }
    })

    it('replaces the model: changed files updated, missing files removed, unchanged ones kept', async () => {
      await importModel(store, 'pump', modelA, { ...BY, expectedRevision: 0 })
      const second = await importModel(store, 'pump', modelB, { ...BY, expectedRevision: 1 })
      expect(second).toEqual({
        ok: true,
        value: { revision: 2, changed: ['architecture.yaml', 'medcyber.yaml', 'security.yaml'] },
      })
      expect(await exportModel(store, 'pump')).toEqual({
        revision: 2,
        files: [modelB[0], modelB[1]],
      })
      const same = await importModel(store, 'pump', modelB, { ...BY, expectedRevision: 2 })
      expect(same).toEqual({ ok: true, value: { revision: 3, changed: [] } })
      const rows = await store.db
        .selectFrom('model_documents')
        .select(['path', 'revision'])
        .orderBy('path')
        .execute()
      expect(rows).toEqual([
        { path: 'medcyber.yaml', revision: 2 },
        { path: 'security.yaml', revision: 2 },
      ])
    })

    it('refuses an import based on an old revision and changes nothing', async () => {
      await importModel(store, 'pump', modelA, { ...BY, expectedRevision: 0 })
      await importModel(store, 'pump', modelB, { ...BY, expectedRevision: 1 })
      const stale = await importModel(store, 'pump', modelA, { ...BY, expectedRevision: 1 })
      expect(stale).toMatchObject({
        ok: false,
        error: {
          code: 'store/conflict',
          productId: 'pump',
          expectedRevision: 1,
          actualRevision: 2,
        },
      })
      expect(await exportModel(store, 'pump')).toEqual({ revision: 2, files: modelB })
      expect(await countAuditEvents(store)).toBe(2)
    })

    it('refuses a non-zero revision for a product it does not hold, creating nothing', async () => {
      const result = await importModel(store, 'ghost', modelA, { ...BY, expectedRevision: 4 })
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'store/conflict', actualRevision: 0 },
      })
      expect(await store.db.selectFrom('products').selectAll().execute()).toEqual([])
    })

    it('leaves the previous revision intact when an import fails mid-transaction', async () => {
      await importModel(store, 'pump', modelA, { ...BY, expectedRevision: 0 })
      const failing: Store = { ...store, db: store.db.withPlugin(failingAuditInsert) }
      await expect(
        importModel(failing, 'pump', modelB, { ...BY, expectedRevision: 1 }),
      ).rejects.toThrow('injected failure')
      expect(await exportModel(store, 'pump')).toEqual({
        revision: 1,
        files: [modelA[1], modelA[0]],
      })
      expect(await countAuditEvents(store)).toBe(1)
      expect(await verifyAuditChain(store)).toMatchObject({ ok: true, count: 1 })
    })

    it('rejects paths that are not plain relative paths, or given twice', async () => {
      for (const bad of ['/etc/passwd', '../up.yaml', 'a//b.yaml', 'a\\b.yaml', '']) {
        const result = await importModel(store, 'pump', [{ path: bad, text: '' }], {
          ...BY,
          expectedRevision: 0,
        })
        expect(result).toMatchObject({
          ok: false,
          error: { code: 'store/invalid-model', path: bad },
        })
      }
      const twice = await importModel(store, 'pump', [...modelA, modelA[0] ?? modelA[1]!], {
        ...BY,
        expectedRevision: 0,
      })
      expect(twice).toMatchObject({ ok: false, error: { code: 'store/invalid-model' } })
      expect(await countAuditEvents(store)).toBe(0)
    })

    describe('audit trail', () => {
      /** Three imports: three events in the chain. */
      const threeEvents = async (): Promise<string[]> => {
        await importModel(store, 'pump', modelA, { ...BY, expectedRevision: 0 })
        await importModel(store, 'pump', modelB, {
          actor: 'bob',
          reason: 'new controls',
          expectedRevision: 1,
        })
        await importModel(store, 'monitor', modelA, { ...BY, expectedRevision: 0 })
        const rows = await store.db.selectFrom('audit_events').select('id').orderBy('seq').execute()
        return rows.map((row) => row.id)
      }

      it('records who, when, what before and after, and why, in the same transaction', async () => {
        await threeEvents()
        const second = await store.db
          .selectFrom('audit_events')
          .selectAll()
          .where('seq', '=', 2)
          .executeTakeFirstOrThrow()
        expect(second).toMatchObject({
          at: '2026-03-01T09:00:00.000Z',
          actor: 'bob',
          action: 'model.import',
          subject: 'product:pump',
          reason: 'new controls',
        })
        expect(JSON.parse(second.before ?? 'null')).toMatchObject({ revision: 1 })
        expect(JSON.parse(second.after ?? 'null')).toMatchObject({
          revision: 2,
          files: [{ path: 'medcyber.yaml' }, { path: 'security.yaml' }],
        })
      })

      it('verifies a clean chain, and an empty one', async () => {
        expect(await verifyAuditChain(store)).toMatchObject({ ok: true, count: 0 })
        await threeEvents()
        const check = await verifyAuditChain(store)
        expect(check).toMatchObject({ ok: true, count: 3 })
        expect(await countAuditEvents(store)).toBe(3)
      })

      it('detects a row whose after was edited in SQL, at that row', async () => {
        const ids = await threeEvents()
        await sql`update audit_events set after = ${'{"revision":2,"files":[]}'} where id = ${ids[1]}`.execute(
          store.db,
        )
        expect(await verifyAuditChain(store)).toEqual({ ok: false, at: ids[1], problem: 'edited' })
      })

      it('detects a deleted row, at the row after it', async () => {
        const ids = await threeEvents()
        await sql`delete from audit_events where id = ${ids[1]}`.execute(store.db)
        expect(await verifyAuditChain(store)).toEqual({ ok: false, at: ids[2], problem: 'deleted' })
      })

      it('detects a deleted first row', async () => {
        const ids = await threeEvents()
        await sql`delete from audit_events where id = ${ids[0]}`.execute(store.db)
        expect(await verifyAuditChain(store)).toEqual({ ok: false, at: ids[1], problem: 'deleted' })
      })

      it('detects two rows that swapped places', async () => {
        const ids = await threeEvents()
        await sql`update audit_events set seq = 0 where seq = 2`.execute(store.db)
        await sql`update audit_events set seq = 2 where seq = 3`.execute(store.db)
        await sql`update audit_events set seq = 3 where seq = 0`.execute(store.db)
        expect(await verifyAuditChain(store)).toEqual({
          ok: false,
          at: ids[2],
          problem: 'reordered',
        })
      })

      it('detects a row whose hash was replaced, at that row', async () => {
        const ids = await threeEvents()
        await sql`update audit_events set hash = ${'f'.repeat(64)} where id = ${ids[0]}`.execute(
          store.db,
        )
        expect(await verifyAuditChain(store)).toEqual({ ok: false, at: ids[0], problem: 'edited' })
      })

      it('detects an edit sealed with a recomputed hash, where the link to it breaks', async () => {
        const ids = await threeEvents()
        const row = await store.db
          .selectFrom('audit_events')
          .selectAll()
          .where('id', '=', ids[0] ?? '')
          .executeTakeFirstOrThrow()
        const forged = { ...row, reason: 'nothing to see' }
        const { hash: _old, ...fields } = forged
        const hash = createHash('sha256').update(canonicalJson(fields), 'utf8').digest('hex')
        await sql`update audit_events set reason = ${forged.reason}, hash = ${hash} where id = ${row.id}`.execute(
          store.db,
        )
        expect(await verifyAuditChain(store)).toEqual({ ok: false, at: ids[1], problem: 'edited' })
      })
    })

    it('lets exactly one of two imports based on the same revision win', async () => {
      await importModel(store, 'pump', modelA, { ...BY, expectedRevision: 0 })
      const results = await Promise.all([
        importModel(store, 'pump', modelB, { ...BY, expectedRevision: 1 }),
        importModel(store, 'pump', modelA.slice(1), { ...BY, expectedRevision: 1 }),
      ])
      expect(results.filter((result) => result.ok)).toHaveLength(1)
      expect(results.filter((result) => !result.ok)).toMatchObject([
        { error: { code: 'store/conflict', actualRevision: 2 } },
      ])
      expect(await verifyAuditChain(store)).toMatchObject({ ok: true, count: 2 })
    })

    it('keeps one unbroken chain when many products are imported at once', async () => {
      const products = ['a', 'b', 'c', 'd', 'e', 'f']
      const results = await Promise.all(
        products.map((id) => importModel(store, id, modelA, { ...BY, expectedRevision: 0 })),
      )
      expect(results.every((result) => result.ok)).toBe(true)
      expect(await verifyAuditChain(store)).toMatchObject({ ok: true, count: products.length })
    })
  })
})
