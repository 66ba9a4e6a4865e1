import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { importModel, type ModelFile } from '../store/index.js'
import { storeDialects, type TestStore } from '../../test/support/store-dialects.js'
import { readModelFolder } from './model-folder.js'
import { analyseProduct } from './product-analysis.js'

describe.each(storeDialects)('product analysis on $name', (dialect) => {
  let opened: TestStore
  let files: ModelFile[]

  beforeAll(async () => {
    opened = await dialect.open()
    files = await readModelFolder('examples/patient-monitor')
    const imported = await importModel(opened.store, 'monitor', files, {
      expectedRevision: 0,
      actor: 'test',
      reason: null,
    })
    expect(imported.ok).toBe(true)
  })
  afterAll(async () => {
    await opened.dispose()
  })

  test('many requests at once for one revision, day and release share one computation', async () => {
    const results = await Promise.all(
      Array.from({ length: 40 }, () =>
        analyseProduct(opened.store, 'monitor', { date: '2026-11-29' }),
      ),
    )
    const first = results[0]
    if (first?.ok !== true) throw new Error('the example could not be analysed')
    expect(first.value.revision).toBe(1)
    expect(first.value.threats.length).toBeGreaterThan(0)
    for (const result of results) expect(result.ok && result.value).toBe(first.value)
    const otherDay = await analyseProduct(opened.store, 'monitor', { date: '2027-11-29' })
    expect(otherDay.ok && otherDay.value).not.toBe(first.value)
  })

  test('a new revision is analysed afresh; an unknown product or release is a problem, not a throw', async () => {
    const before = await analyseProduct(opened.store, 'monitor', { date: '2026-11-29' })
    const changed = files.map((file) =>
      file.path === 'medcyber.yaml' ? { ...file, text: `${file.text}\n# reviewed\n` } : file,
    )
    await importModel(opened.store, 'monitor', changed, {
      expectedRevision: 1,
      actor: 'test',
      reason: null,
    })
    const after = await analyseProduct(opened.store, 'monitor', { date: '2026-11-29' })
    expect(after.ok && after.value.revision).toBe(2)
    expect(after.ok && after.value).not.toBe(before.ok && before.value)

    expect(await analyseProduct(opened.store, 'nothing', { date: '2026-11-29' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    })
    expect(
      await analyseProduct(opened.store, 'monitor', { date: '2026-11-29', release: '0.0.0' }),
    ).toMatchObject({ ok: false, error: { code: 'unknown-release', release: '0.0.0' } })
  })
})
