import { createHash } from 'node:crypto'
import path from 'node:path'

import mammoth from 'mammoth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { EXAMPLES_DIR, readFolder } from '../../test/support/model-folders.js'
import { storeDialects, type TestStore } from '../../test/support/store-dialects.js'
import {
  findGeneratedDocument,
  importModel,
  listAuditEvents,
  recordApproval,
  type ModelFile,
  type Store,
} from '../store/index.js'
import { generateProductDocuments, mediaTypeOf } from './documents.js'
import { loadProductModel } from './product-model.js'

const PRODUCT = 'insulin-pump'
const MODEL: ModelFile[] = [...readFolder(path.join(EXAMPLES_DIR, PRODUCT))].map(
  ([file, text]) => ({ path: file, text }),
)

const sign = async (store: Store, name: string, reason: string) => {
  const product = await loadProductModel(store, PRODUCT)
  if (product === undefined) throw new Error('no product')
  const signed = await recordApproval(store, {
    productId: PRODUCT,
    subject: 'risk-register',
    release: undefined,
    meaning: 'approved',
    signer: { id: `id-${name}`, username: name.toLowerCase(), displayName: name },
    reason,
    modelRevision: product.revision,
    contentHash: product.contentHash,
  })
  if (!signed.ok) throw new Error(signed.error.message)
  return signed.value.approval
}

describe.each(storeDialects)('documents from the store on $name', (dialect) => {
  let opened: TestStore
  let store: Store
  beforeAll(async () => {
    opened = await dialect.open({ now: () => new Date('2026-11-28T10:00:00.000Z') })
    store = opened.store
    const first = await importModel(store, PRODUCT, MODEL, {
      expectedRevision: 0,
      actor: 'sam',
      reason: null,
    })
    expect(first.ok).toBe(true)
    await sign(store, 'Olga Oldsign', 'approved before the last change')
    const edited = MODEL.map((file) =>
      file.path === 'medcyber.yaml' ? { ...file, text: `${file.text}\n# second revision\n` } : file,
    )
    expect(
      (
        await importModel(store, PRODUCT, edited, {
          expectedRevision: 1,
          actor: 'sam',
          reason: null,
        })
      ).ok,
    ).toBe(true)
    await sign(store, 'Ari Approver', 'risk register approved for submission')
  })
  afterAll(async () => {
    await opened.dispose()
  })

  it('writes md and docx with the signatures, keeps each file with its hash and revision', async () => {
    const generated = await generateProductDocuments(store, {
      productId: PRODUCT,
      kind: 'labeling',
      formats: ['md', 'docx'],
      date: '2026-11-28',
      createdBy: 'sam',
    })
    if (!generated.ok) throw new Error(generated.error.message)
    const { documents } = generated.value
    expect(generated.value.modelRevision).toBe(2)
    expect(documents.map((doc) => doc.name).sort()).toEqual([
      'labeling-security.docx',
      'labeling-security.md',
    ])
    const docx = documents.find((doc) => doc.name === 'labeling-security.docx')
    if (docx === undefined) throw new Error('no labeling document')
    const stored = await findGeneratedDocument(store, PRODUCT, docx.id)
    if (stored === undefined) throw new Error('not stored')
    expect(stored.info).toMatchObject({
      modelRevision: 2,
      createdBy: 'sam',
      kind: 'labeling',
      language: 'en',
      mediaType: mediaTypeOf('x.docx'),
      size: stored.content.byteLength,
      sha256: createHash('sha256').update(stored.content).digest('hex'),
    })
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(stored.content) })).value
    expect(html).toMatch(/<h1>(?:<a id="[^"]*"><\/a>)?Signatures<\/h1>/)
    expect(html).toContain('Ari Approver')
    expect(html).toContain('risk register approved for submission')
    // The signature on revision 1 is shown, but as superseded.
    expect(html).toContain('Olga Oldsign')
    expect(html).toContain('Superseded (signed on revision 1)')
    const product = await loadProductModel(store, PRODUCT)
    expect(html).toContain(product?.contentHash ?? 'no hash')

    const md = documents.find((doc) => doc.name === 'labeling-security.md')
    const mdFile = md === undefined ? undefined : await findGeneratedDocument(store, PRODUCT, md.id)
    expect(Buffer.from(mdFile?.content ?? []).toString('utf8')).toContain('Ari Approver')
  })

  it('records the generation in the audit trail with each file hash', async () => {
    const generated = await generateProductDocuments(store, {
      productId: PRODUCT,
      kind: 'sbom',
      createdBy: 'dana',
    })
    if (!generated.ok) throw new Error(generated.error.message)
    const { events } = await listAuditEvents(store, {
      action: 'document.generate',
      actor: 'dana',
      limit: 5,
      offset: 0,
    })
    expect(events).toHaveLength(1)
    expect(JSON.parse(events[0]?.after ?? 'null')).toMatchObject({
      kind: 'sbom',
      modelRevision: 2,
      files: generated.value.documents.map((doc) => ({
        id: doc.id,
        name: doc.name,
        sha256: doc.sha256,
      })),
    })
    // Data files keep their own media types.
    expect(generated.value.documents.map((doc) => doc.mediaType)).toContain(
      'application/vnd.cyclonedx+json',
    )
  })

  it('writes English where a deliverable has no Japanese, and refuses unknown products and releases', async () => {
    const english = await generateProductDocuments(store, {
      productId: PRODUCT,
      kind: 'traceability',
      formats: ['md'],
      language: 'ja',
      createdBy: 'sam',
    })
    expect(english.ok && english.value.language).toBe('en')
    const missing = await generateProductDocuments(store, {
      productId: 'no-such-product',
      kind: 'mds2',
      createdBy: 'sam',
    })
    expect(!missing.ok && missing.error.code).toBe('documents/unknown-product')
    const release = await generateProductDocuments(store, {
      productId: PRODUCT,
      kind: 'mds2',
      release: '99.0',
      createdBy: 'sam',
    })
    expect(!release.ok && release.error.code).toBe('documents/unknown-release')
  })
})
