import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { tempDir } from '../../test/support/temp-dir.js'
import { exportModel, importModel, openStore, verifyAuditChain } from './index.js'

describe('openStore', () => {
  it('keeps a SQLite file store across closing and opening again', async () => {
    const url = `sqlite:${path.join(tempDir('medcyber-store'), 'medcyber.db')}`
    const first = await openStore({ url })
    const files = [{ path: 'medcyber.yaml', text: 'product: pump\n' }]
    await importModel(first, 'pump', files, { expectedRevision: 0, actor: 'alice', reason: null })
    await first.close()
    const again = await openStore({ url })
    expect(await exportModel(again, 'pump')).toEqual({ revision: 1, files })
    expect(await verifyAuditChain(again)).toMatchObject({ ok: true, count: 1 })
    await again.close()
  })

  it.each([
    ['mysql://localhost/db', /must start with sqlite: or postgres:\/\//],
    ['sqlite:', /without a file name/],
  ])('refuses the URL %s', async (url, message) => {
    await expect(openStore({ url })).rejects.toThrow(message)
  })

  it('refuses a PostgreSQL schema name that would need quoting', async () => {
    await expect(
      openStore({ url: 'postgres://127.0.0.1/x', schema: 'a; drop table x', migrate: false }),
    ).rejects.toThrow(/schema name/)
  })
})
