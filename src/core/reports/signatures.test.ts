import { beforeAll, describe, expect, it } from 'vitest'

import { exampleReportContext } from '../../../test/support/report-context.js'
import { tablesOf, type DocumentSection, type DocumentTree } from '../documents/index.js'
import { buildDeliverable } from './build-deliverable.js'
import { DELIVERABLE_KINDS, type DeliverableKind } from './deliverable.js'
import type { ReportContext } from './report-context.js'
import type { ApprovalRecord, DocumentSignature } from './signatures.js'

const HASH_NOW = 'a'.repeat(64)
const HASH_BEFORE = 'b'.repeat(64)

const signature = (overrides: Partial<DocumentSignature>): DocumentSignature => ({
  signerName: 'Dana Reviewer',
  meaning: 'reviewed',
  signedAt: '2026-11-20T09:15:00.000Z',
  subject: 'risk-register',
  modelRevision: 7,
  contentHash: HASH_NOW,
  reason: 'risk register reviewed for release',
  ...overrides,
})

const record = (signatures: readonly DocumentSignature[]): ApprovalRecord => ({
  modelRevision: 7,
  contentHash: HASH_NOW,
  signatures,
})

const documentsOf = (kind: DeliverableKind, ctx: ReportContext): DocumentTree[] =>
  buildDeliverable(kind, ctx).flatMap((part) => (part.kind === 'document' ? [part.tree] : []))

const signaturesOf = (tree: DocumentTree): DocumentSection | undefined =>
  tree.sections.find((part) => part.id === 'signatures')

describe('signatures on generated documents', () => {
  let ctx: ReportContext
  beforeAll(async () => {
    ctx = await exampleReportContext('insulin-pump')
  })

  it('adds nothing when the context has no approvals (the CLI from a folder)', () => {
    for (const kind of DELIVERABLE_KINDS) {
      for (const tree of documentsOf(kind, ctx)) expect(signaturesOf(tree), kind).toBeUndefined()
    }
  })

  it('ends every document of every deliverable with the signatures section', () => {
    const signed = { ...ctx, approvals: record([signature({})]) }
    for (const kind of DELIVERABLE_KINDS) {
      const plain = documentsOf(kind, ctx)
      const trees = documentsOf(kind, signed)
      expect(trees.length, kind).toBe(plain.length)
      for (const [index, tree] of trees.entries()) {
        expect(tree.sections.at(-1)?.id, `${kind} ${tree.id}`).toBe('signatures')
        expect(tree.sections.slice(0, -1)).toEqual(plain[index]?.sections)
      }
    }
  })

  it('names signer, meaning, UTC time, revision and hash, and marks other revisions superseded', () => {
    const signed = {
      ...ctx,
      approvals: record([
        signature({
          meaning: 'approved',
          signerName: 'Ari Approver',
          signedAt: '2026-11-21T10:00:00.000Z',
        }),
        signature({
          modelRevision: 6,
          contentHash: HASH_BEFORE,
          signedAt: '2026-11-01T08:00:00.000Z',
        }),
      ]),
    }
    const [tree] = documentsOf('traceability', signed)
    if (tree === undefined) throw new Error('no traceability document')
    const part = signaturesOf(tree)
    const table = part?.blocks.find((block) => block.kind === 'table')
    if (table?.kind !== 'table') throw new Error('no signatures table')
    // Oldest first, as a record reads.
    expect(table.table.rows).toEqual([
      {
        signedAt: '2026-11-01 08:00:00',
        signer: 'Dana Reviewer',
        meaning: 'Reviewed',
        subject: 'risk-register',
        release: null,
        reason: 'risk register reviewed for release',
        revision: 6,
        contentHash: HASH_BEFORE,
        status: 'Superseded (signed on revision 6)',
      },
      expect.objectContaining({ signer: 'Ari Approver', meaning: 'Approved', status: 'Current' }),
    ])
    expect(table.highlights).toEqual([{ row: 0, column: 'status', tone: 'gap' }])
    expect(part?.blocks.some((block) => block.kind === 'note')).toBe(true)
    expect(JSON.stringify(part)).toContain(HASH_NOW)
    // The xlsx renderer writes one sheet per table: the signatures are there too.
    expect(tablesOf(tree).at(-1)?.table.title).toBe('Signatures')
  })

  it('leaves out signatures on another deliverable or another release', () => {
    const release = ctx.release
    if (release === undefined) throw new Error('the example documents a release')
    const signed = {
      ...ctx,
      approvals: record([
        signature({ subject: 'document:mds2', meaning: 'approved' }),
        signature({ subject: 'document:traceability', meaning: 'approved' }),
        signature({ subject: 'release:0.0.1-never' }),
        signature({ subject: `release:${release}`, release }),
        signature({ subject: 'risk-register', release: '0.0.1-never' }),
      ]),
    }
    const [tree] = documentsOf('traceability', signed)
    const table = tree === undefined ? undefined : tablesOf(tree).at(-1)
    expect(table?.table.rows.map((row) => row.subject)).toEqual([
      'document:traceability',
      `release:${release}`,
    ])
  })

  it('says so when nothing is signed, and speaks Japanese in Japanese documents', () => {
    const signed = { ...ctx, language: 'ja' as const, approvals: record([]) }
    const [tree] = documentsOf('labeling', signed)
    expect(tree?.language).toBe('ja')
    const part = tree === undefined ? undefined : signaturesOf(tree)
    expect(part?.title).toBe('電子署名')
    expect(JSON.stringify(part?.blocks)).toContain('記録された電子署名はない')
    expect(part?.blocks.some((block) => block.kind === 'table')).toBe(false)
  })
})
