import { randomUUID } from 'node:crypto'

import type { Kysely, Selectable } from 'kysely'

import { err, ok, type Result, type SignatureMeaning } from '../core/index.js'
import { appendAuditEvent, productAuditSubject } from './audit-trail.js'
import { toNumber } from './numbers.js'
import type { Store, StoreDialectName } from './open-store.js'
import type { ApprovalsTable, StoreTables } from './schema.js'
import type { StoreConflict } from './store-error.js'

/** The person signing, as the session identified and re-authentication confirmed them. */
export interface Signer {
  readonly id: string
  readonly username: string
  readonly displayName: string
}

export interface NewApproval {
  readonly productId: string
  readonly subject: string
  readonly release: string | undefined
  readonly meaning: SignatureMeaning
  readonly signer: Signer
  readonly reason: string
  /** The revision the signer reviewed: the signature is refused once the model moved on. */
  readonly modelRevision: number
  /** SHA-256 over the model's files at that revision. */
  readonly contentHash: string
}

/** A stored signature. */
export interface Approval {
  readonly id: string
  readonly productId: string
  readonly subject: string
  readonly release: string | undefined
  readonly meaning: SignatureMeaning
  readonly modelRevision: number
  readonly contentHash: string
  readonly signerId: string
  /** The printed name of the signer at the time of signing (21 CFR 11.50(a)(1)). */
  readonly signerName: string
  /** ISO 8601 UTC. */
  readonly signedAt: string
  readonly reason: string | undefined
  /** Sequence number of the audit event that records the signature. */
  readonly auditSeq: number
}

/**
 * What the audit trail keeps of a signature (its `after`): everything needed to show later who
 * signed what content with which meaning, even if the approvals table were lost.
 */
// A type, not an interface: the audit trail takes JSON values, and only type literals fit that.
export type SignatureManifest = {
  readonly approvalId: string
  readonly productId: string
  readonly subject: string
  readonly release: string | null
  readonly meaning: SignatureMeaning
  readonly signer: {
    readonly id: string
    readonly username: string
    readonly displayName: string
  }
  readonly signedAt: string
  readonly modelRevision: number
  readonly contentHash: string
  readonly reason: string
}

const toApproval = (row: Selectable<ApprovalsTable>): Approval => ({
  id: row.id,
  productId: row.product_id,
  subject: row.subject,
  release: row.release ?? undefined,
  // Written only by recordApproval from a SignatureMeaning.
  meaning: row.meaning as SignatureMeaning,
  modelRevision: toNumber(row.model_revision),
  contentHash: row.content_hash,
  signerId: row.signer_id,
  signerName: row.signer_name,
  signedAt: row.signed_at,
  reason: row.reason ?? undefined,
  auditSeq: toNumber(row.audit_seq),
})

/** Carries a conflict out of the transaction callback, so that the transaction rolls back. */
class ConflictAbort extends Error {
  readonly conflict: StoreConflict

  constructor(conflict: StoreConflict) {
    super(conflict.message)
    this.conflict = conflict
  }
}

const signInTransaction = async (
  trx: Kysely<StoreTables>,
  dialect: StoreDialectName,
  at: Date,
  input: NewApproval,
): Promise<{ approval: Approval; manifest: SignatureManifest }> => {
  // On PostgreSQL the row lock keeps an import from moving the revision until this commits, so
  // the revision checked here is the revision current when the signature becomes visible.
  let current = trx
    .selectFrom('products')
    .select('model_revision')
    .where('id', '=', input.productId)
  if (dialect === 'postgres') current = current.forUpdate()
  const product = await current.executeTakeFirst()
  const actualRevision = product === undefined ? 0 : toNumber(product.model_revision)
  if (actualRevision !== input.modelRevision) {
    throw new ConflictAbort({
      code: 'store/conflict',
      message: `product ${input.productId} is at model revision ${String(actualRevision)}, not ${String(input.modelRevision)}; review the current model and sign again`,
      productId: input.productId,
      expectedRevision: input.modelRevision,
      actualRevision,
    })
  }
  const signedAt = at.toISOString()
  const manifest: SignatureManifest = {
    approvalId: randomUUID(),
    productId: input.productId,
    subject: input.subject,
    release: input.release ?? null,
    meaning: input.meaning,
    signer: {
      id: input.signer.id,
      username: input.signer.username,
      displayName: input.signer.displayName,
    },
    signedAt,
    modelRevision: input.modelRevision,
    contentHash: input.contentHash,
    reason: input.reason,
  }
  const event = await appendAuditEvent(trx, dialect, at, {
    actor: input.signer.username,
    action: 'approval.sign',
    subject: productAuditSubject(input.productId),
    before: null,
    after: manifest,
    reason: input.reason,
  })
  const row = {
    id: manifest.approvalId,
    product_id: input.productId,
    release: manifest.release,
    subject: input.subject,
    meaning: input.meaning,
    model_revision: input.modelRevision,
    content_hash: input.contentHash,
    signer_id: input.signer.id,
    signer_name: input.signer.displayName,
    signed_at: signedAt,
    reason: input.reason,
    audit_seq: event.seq,
  }
  await trx.insertInto('approvals').values(row).execute()
  return { approval: toApproval(row), manifest }
}

/**
 * Records a signature and its audit event in one transaction: both or neither. Refused with
 * `store/conflict` when the product's model is no longer at the revision the signer reviewed.
 */
export const recordApproval = async (
  store: Store,
  input: NewApproval,
): Promise<
  Result<{ readonly approval: Approval; readonly manifest: SignatureManifest }, StoreConflict>
> => {
  const at = store.now()
  try {
    return ok(
      await store.db
        .transaction()
        .execute((trx) => signInTransaction(trx, store.dialect, at, input)),
    )
  } catch (error) {
    if (error instanceof ConflictAbort) return err(error.conflict)
    throw error
  }
}

export interface ApprovalQuery {
  readonly subject?: string
  readonly limit: number
  readonly offset: number
}

/** A page of a product's signatures, newest first, and how many there are in all. */
export const listApprovals = async (
  store: Store,
  productId: string,
  query: ApprovalQuery,
): Promise<{ readonly approvals: Approval[]; readonly total: number }> => {
  let select = store.db.selectFrom('approvals').where('product_id', '=', productId)
  if (query.subject !== undefined) select = select.where('subject', '=', query.subject)
  const { count } = await select
    .select((eb) => eb.fn.countAll().as('count'))
    .executeTakeFirstOrThrow()
  const rows = await select
    .selectAll()
    .orderBy('audit_seq', 'desc')
    .limit(query.limit)
    .offset(query.offset)
    .execute()
  return { approvals: rows.map(toApproval), total: toNumber(count) }
}

/** Every signature of a product, oldest first: what its generated documents show. */
export const allApprovals = async (store: Store, productId: string): Promise<Approval[]> =>
  (
    await store.db
      .selectFrom('approvals')
      .selectAll()
      .where('product_id', '=', productId)
      .orderBy('audit_seq')
      .execute()
  ).map(toApproval)
