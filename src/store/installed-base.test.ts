import type { KyselyPlugin, RootOperationNode } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { stringify } from 'yaml'

import { minimalModel } from '../../test/support/minimal-model.js'
import { storeDialects, type TestStore } from '../../test/support/store-dialects.js'
import type { InstalledBaseEntry } from '../core/index.js'
import {
  importModel,
  listAuditEvents,
  productReleaseVersions,
  readInstalledBase,
  replaceInstalledBase,
  verifyAuditChain,
} from './index.js'

const entry = (customer: string, release: string): InstalledBaseEntry => ({
  customer,
  site: 'Main',
  release,
  units: 2,
  contactEmail: `it@${customer.toLowerCase()}.example`,
  deployedOn: '2024-02-01',
})

/** Makes the audit insert fail: the last write of an import, so the rows were already replaced. */
const failingAuditInsert: KyselyPlugin = {
  transformQuery: ({ node }): RootOperationNode => {
    if (node.kind === 'InsertQueryNode' && node.into?.table.identifier.name === 'audit_events') {
      throw new Error('injected failure')
    }
    return node
  },
  transformResult: ({ result }) => Promise.resolve(result),
}

describe.each(storeDialects)('installed base on $name', (dialect) => {
  let opened: TestStore

  beforeEach(async () => {
    opened = await dialect.open({ now: () => new Date('2026-03-01T09:00:00.000Z') })
    const imported = await importModel(
      opened.store,
      'pump',
      [{ path: 'medcyber.yaml', text: stringify(minimalModel()) }],
      {
        expectedRevision: 0,
        actor: 'alice',
        reason: null,
        facts: {
          name: 'Test Pump',
          releases: [{ version: '1.0', releasedAt: '2024-01-01', supportEnds: '2030-01-01' }],
        },
      },
    )
    expect(imported.ok).toBe(true)
  })
  afterEach(async () => {
    await opened.dispose()
  })

  const replace = (entries: readonly InstalledBaseEntry[], store = opened.store) =>
    replaceInstalledBase(store, {
      productId: 'pump',
      entries: entries.map((item, index) => ({ line: index + 2, entry: item })),
      actor: 'alice',
      reason: 'quarterly customer list',
      source: { sha256: 'ab', bytes: 10 },
    })

  it('replaces the whole installed base and records the import in the audit trail', async () => {
    expect(await productReleaseVersions(opened.store, 'pump')).toEqual(['1.0'])
    expect(await productReleaseVersions(opened.store, 'missing')).toBeUndefined()
    await replace([entry('Acme', '1.0'), entry('Beta', '1.0')])
    const second = await replace([{ ...entry('Gamma', '1.0'), retiredOn: '2025-01-01' }])
    expect(second).toEqual({ importedAt: '2026-03-01T09:00:00.000Z', rows: 1, replaced: 2 })
    expect(await readInstalledBase(opened.store, 'pump')).toEqual({
      importedAt: '2026-03-01T09:00:00.000Z',
      entries: [{ ...entry('Gamma', '1.0'), retiredOn: '2025-01-01' }],
    })
    const { events } = await listAuditEvents(opened.store, {
      productId: 'pump',
      action: 'installed-base.import',
      limit: 10,
      offset: 0,
    })
    expect(events.map((event) => [event.subject, event.before, event.after])).toEqual([
      ['product:pump/installed-base', '{"rows":2}', '{"bytes":10,"rows":1,"sha256":"ab"}'],
      ['product:pump/installed-base', '{"rows":0}', '{"bytes":10,"rows":2,"sha256":"ab"}'],
    ])
    expect((await verifyAuditChain(opened.store)).ok).toBe(true)
  })

  it('leaves the previous installed base intact when the import fails midway', async () => {
    await replace([entry('Acme', '1.0')])
    const failing = { ...opened.store, db: opened.store.db.withPlugin(failingAuditInsert) }
    await expect(replace([entry('Beta', '1.0'), entry('Gamma', '1.0')], failing)).rejects.toThrow(
      'injected failure',
    )
    expect((await readInstalledBase(opened.store, 'pump')).entries).toEqual([entry('Acme', '1.0')])
  })

  it('inserts thousands of rows in chunks', async () => {
    const many = Array.from({ length: 1_200 }, (_, i) => entry(`C${String(i)}`, '1.0'))
    expect((await replace(many)).rows).toBe(1_200)
    expect((await readInstalledBase(opened.store, 'pump')).entries).toHaveLength(1_200)
  })
})
