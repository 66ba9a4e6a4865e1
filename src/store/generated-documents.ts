import { createHash, randomUUID } from 'node:crypto'

import type { Selectable } from 'kysely'

import { appendAuditEvent, productAuditSubject } from './audit-trail.js'
import { toNumber } from './numbers.js'
import type { Store } from './open-store.js'
import type { GeneratedDocumentsTable } from './schema.js'

/** One file of a deliverable, generated from one model revision. */
export interface NewGeneratedDocument {
  readonly name: string
  readonly mediaType: string
  readonly content: Uint8Array
}

/** A set of files generated together: one deliverable in one language from one revision. */
export interface GeneratedDeliverable {
  readonly productId: string
  readonly kind: string
  readonly language: string
  readonly release: string | undefined
  readonly modelRevision: number
  /** Username of whoever asked for the documents. */
  readonly createdBy: string
  readonly files: readonly NewGeneratedDocument[]
}

/** What a listing shows of a stored file: everything but its bytes. */
export interface GeneratedDocumentInfo {
  readonly id: string
  readonly productId: string
  readonly kind: string
  readonly language: string
  readonly release: string | undefined
  readonly name: string
  readonly mediaType: string
  /** SHA-256 of the bytes, hex. */
  readonly sha256: string
  readonly size: number
  readonly modelRevision: number
  readonly createdAt: string
  readonly createdBy: string
}

const INFO_COLUMNS = [
  'id',
  'product_id',
  'kind',
  'language',
  'release',
  'name',
  'media_type',
  'sha256',
  'size',
  'model_revision',
  'created_at',
  'created_by',
] as const

type InfoRow = Pick<Selectable<GeneratedDocumentsTable>, (typeof INFO_COLUMNS)[number]>

const toInfo = (row: InfoRow): GeneratedDocumentInfo => ({
  id: row.id,
  productId: row.product_id,
  kind: row.kind,
  language: row.language,
  release: row.release ?? undefined,
  name: row.name,
  mediaType: row.media_type,
  sha256: row.sha256,
  size: toNumber(row.size),
  modelRevision: toNumber(row.model_revision),
  createdAt: row.created_at,
  createdBy: row.created_by,
})

/**
 * Stores the files of one deliverable and an audit event `document.generate` naming each file
 * by its hash, in one transaction: a document in the store is always in the trail.
 */
export const saveGeneratedDeliverable = async (
  store: Store,
  deliverable: GeneratedDeliverable,
): Promise<GeneratedDocumentInfo[]> => {
  const at = store.now()
  const rows = deliverable.files.map((file) => ({
    id: randomUUID(),
    product_id: deliverable.productId,
    release: deliverable.release ?? null,
    kind: deliverable.kind,
    language: deliverable.language,
    name: file.name,
    media_type: file.mediaType,
    sha256: createHash('sha256').update(file.content).digest('hex'),
    size: file.content.byteLength,
    content: Buffer.from(file.content).toString('base64'),
    model_revision: deliverable.modelRevision,
    created_at: at.toISOString(),
    created_by: deliverable.createdBy,
  }))
  await store.db.transaction().execute(async (trx) => {
    if (rows.length > 0) await trx.insertInto('generated_documents').values(rows).execute()
    await appendAuditEvent(trx, store.dialect, at, {
      actor: deliverable.createdBy,
      action: 'document.generate',
      subject: productAuditSubject(deliverable.productId),
      before: null,
      after: {
        kind: deliverable.kind,
        language: deliverable.language,
        release: deliverable.release ?? null,
        modelRevision: deliverable.modelRevision,
        files: rows.map((row) => ({ id: row.id, name: row.name, sha256: row.sha256 })),
      },
      reason: null,
    })
  })
  return rows.map(toInfo)
}

export interface GeneratedDocumentQuery {
  readonly kind?: string
  readonly limit: number
  readonly offset: number
}

/** A page of a product's generated files, newest first, and how many there are in all. */
export const listGeneratedDocuments = async (
  store: Store,
  productId: string,
  query: GeneratedDocumentQuery,
): Promise<{ readonly documents: GeneratedDocumentInfo[]; readonly total: number }> => {
  let select = store.db.selectFrom('generated_documents').where('product_id', '=', productId)
  if (query.kind !== undefined) select = select.where('kind', '=', query.kind)
  const { count } = await select
    .select((eb) => eb.fn.countAll().as('count'))
    .executeTakeFirstOrThrow()
  const rows = await select
    .select(INFO_COLUMNS)
    .orderBy('created_at', 'desc')
    .orderBy('kind')
    .orderBy('name')
    .orderBy('id')
    .limit(query.limit)
    .offset(query.offset)
    .execute()
  return { documents: rows.map(toInfo), total: toNumber(count) }
}

/** One stored file with its bytes; undefined when the product has no file of that id. */
export const findGeneratedDocument = async (
  store: Store,
  productId: string,
  id: string,
): Promise<{ readonly info: GeneratedDocumentInfo; readonly content: Uint8Array } | undefined> => {
  const row = await store.db
    .selectFrom('generated_documents')
    .select([...INFO_COLUMNS, 'content'])
    .where('product_id', '=', productId)
    .where('id', '=', id)
    .executeTakeFirst()
  if (row === undefined) return undefined
  return { info: toInfo(row), content: new Uint8Array(Buffer.from(row.content, 'base64')) }
}
