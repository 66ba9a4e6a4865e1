import { createHash } from 'node:crypto'

import type { Kysely } from 'kysely'

import { err, ok } from '../core/index.js'
import type { Result } from '../core/index.js'
import { appendAuditEvent } from './audit-trail.js'
import type { JsonValue } from './canonical-json.js'
import { toNumber } from './numbers.js'
import type { Store, StoreDialectName } from './open-store.js'
import { writeModelFacts, type ModelFacts } from './products.js'
import type { StoreTables } from './schema.js'
import type { InvalidModel, StoreConflict, StoreError } from './store-error.js'

/** One file of a model folder: its path relative to the folder (forward slashes) and its text. */
export interface ModelFile {
  readonly path: string
  readonly text: string
}

export interface ImportModelOptions {
  /** The revision the caller's copy was based on; 0 for a product not yet in the store. */
  readonly expectedRevision: number
  readonly actor: string
  readonly reason: string | null
  /** The model's product name and releases, recorded in the same transaction as the files. */
  readonly facts?: ModelFacts
}

export interface ImportedModel {
  readonly revision: number
  /** Paths added, changed or removed by this import, sorted. */
  readonly changed: readonly string[]
}

const contentHash = (text: string): string =>
  createHash('sha256').update(text, 'utf8').digest('hex')

const invalid = (path: string, message: string): InvalidModel => ({
  code: 'store/invalid-model',
  message,
  path,
})

/** Paths are the keys of the round trip, so only plain relative ones are accepted. */
const checkPaths = (files: readonly ModelFile[]): InvalidModel | undefined => {
  const seen = new Set<string>()
  for (const { path } of files) {
    const parts = path.split('/')
    if (
      path === '' ||
      path.includes('\\') ||
      parts.some((p) => p === '' || p === '.' || p === '..')
    ) {
      return invalid(path, `not a relative path with forward slashes: ${JSON.stringify(path)}`)
    }
    if (seen.has(path)) return invalid(path, `file given twice: ${path}`)
    seen.add(path)
  }
  return undefined
}

/** What the audit trail records of a model: which files at which content, not the text itself. */
const modelSummary = (revision: number, hashes: ReadonlyMap<string, string>): JsonValue => ({
  revision,
  files: [...hashes].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, hash]) => ({ path, hash })),
})

/** Carries a conflict out of the transaction callback, so that the transaction rolls back. */
class ConflictAbort extends Error {
  readonly conflict: StoreConflict

  constructor(conflict: StoreConflict) {
    super(conflict.message)
    this.conflict = conflict
  }
}

/**
 * Replaces a product's model with the given files in one transaction: files not given are
 * removed. Refused with `store/conflict` when the stored revision is not the expected one. The
 * first import of an unknown product creates it (named by its id until someone renames it).
 */
export const importModel = async (
  store: Store,
  productId: string,
  files: readonly ModelFile[],
  options: ImportModelOptions,
): Promise<Result<ImportedModel, StoreError>> => {
  const problem = checkPaths(files)
  if (problem !== undefined) return err(problem)
  const at = store.now()
  try {
    return ok(
      await store.db
        .transaction()
        .execute((trx) => replaceModel(trx, store.dialect, at, productId, files, options)),
    )
  } catch (error) {
    if (error instanceof ConflictAbort) return err(error.conflict)
    throw error
  }
}

const replaceModel = async (
  trx: Kysely<StoreTables>,
  dialect: StoreDialectName,
  at: Date,
  productId: string,
  files: readonly ModelFile[],
  options: ImportModelOptions,
): Promise<ImportedModel> => {
  await trx
    .insertInto('products')
    .values({ id: productId, name: productId, created_at: at.toISOString() })
    .onConflict((conflict) => conflict.column('id').doNothing())
    .execute()
  const revision = options.expectedRevision + 1
  // Compare-and-set in one statement: on PostgreSQL a concurrent importer blocks on the row
  // lock and then finds the revision moved on.
  const claimed = await trx
    .updateTable('products')
    .set({ model_revision: revision })
    .where('id', '=', productId)
    .where('model_revision', '=', options.expectedRevision)
    .executeTakeFirst()
  if (claimed.numUpdatedRows !== 1n) {
    const current = await trx
      .selectFrom('products')
      .select('model_revision')
      .where('id', '=', productId)
      .executeTakeFirstOrThrow()
    const actualRevision = toNumber(current.model_revision)
    throw new ConflictAbort({
      code: 'store/conflict',
      message: `product ${productId} is at model revision ${String(actualRevision)}, not ${String(options.expectedRevision)}; export it again and merge`,
      productId,
      expectedRevision: options.expectedRevision,
      actualRevision,
    })
  }
  const stored = await trx
    .selectFrom('model_documents')
    .select(['path', 'content_hash'])
    .where('product_id', '=', productId)
    .execute()
  const before = new Map(stored.map((row) => [row.path, row.content_hash]))
  const after = new Map(files.map((file) => [file.path, contentHash(file.text)]))
  const changed: string[] = []
  for (const file of files) {
    const hash = after.get(file.path) ?? contentHash(file.text)
    if (before.get(file.path) === hash) continue
    changed.push(file.path)
    await trx
      .insertInto('model_documents')
      .values({
        product_id: productId,
        path: file.path,
        text: file.text,
        revision,
        content_hash: hash,
      })
      .onConflict((conflict) =>
        conflict
          .columns(['product_id', 'path'])
          .doUpdateSet({ text: file.text, revision, content_hash: hash }),
      )
      .execute()
  }
  const removed = [...before.keys()].filter((path) => !after.has(path))
  if (removed.length > 0) {
    changed.push(...removed)
    await trx
      .deleteFrom('model_documents')
      .where('product_id', '=', productId)
      .where('path', 'in', removed)
      .execute()
  }
  if (options.facts !== undefined) await writeModelFacts(trx, productId, options.facts)
  await appendAuditEvent(trx, dialect, at, {
    actor: options.actor,
    action: 'model.import',
    subject: `product:${productId}`,
    before: before.size === 0 ? null : modelSummary(options.expectedRevision, before),
    after: modelSummary(revision, after),
    reason: options.reason,
  })
  return { revision, changed: changed.sort() }
}

export interface ExportedModel {
  readonly revision: number
  /** Sorted by path. */
  readonly files: readonly ModelFile[]
}

/** The product's model as stored, with the revision to pass back to the next import. */
export const exportModel = async (store: Store, productId: string): Promise<ExportedModel> => {
  const product = await store.db
    .selectFrom('products')
    .select('model_revision')
    .where('id', '=', productId)
    .executeTakeFirst()
  const rows = await store.db
    .selectFrom('model_documents')
    .select(['path', 'text'])
    .where('product_id', '=', productId)
    .execute()
  return {
    revision: product === undefined ? 0 : toNumber(product.model_revision),
    files: rows
      .map((row) => ({ path: row.path, text: row.text }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
  }
}
