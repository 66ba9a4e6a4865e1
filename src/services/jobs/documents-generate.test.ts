import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { storeDialects, type TestStore } from '../../../test/support/store-dialects.js'
import { documentsGenerateHandler } from './documents-generate.js'

describe.each(storeDialects)('the documents-generate job on $name', (dialect) => {
  let opened: TestStore
  beforeAll(async () => {
    opened = await dialect.open()
  })
  afterAll(async () => {
    await opened.dispose()
  })

  it('fails with a message a person can act on, for bad data and for a missing product', async () => {
    const handler = documentsGenerateHandler({ store: opened.store })
    await expect(
      handler({ productId: 'pump', kind: 'novel', requestedBy: 'sam' }, { jobId: 'j1' }),
    ).rejects.toThrow(/not a documents-generate job: \/kind/)
    await expect(
      handler({ productId: 'pump', kind: 'mds2', requestedBy: 'sam', extra: 1 }, { jobId: 'j2' }),
    ).rejects.toThrow(/not a documents-generate job/)
    await expect(
      handler({ productId: 'pump', kind: 'mds2', requestedBy: 'sam' }, { jobId: 'j3' }),
    ).rejects.toMatchObject({
      code: 'documents/unknown-product',
      message: 'product pump not found',
    })
  })
})
