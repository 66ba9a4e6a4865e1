import {
  code,
  COMMON_TEXT,
  note,
  paragraph,
  section,
  tableBlock,
  type CellHighlight,
  type CellValue,
  type DocumentSection,
  type DocumentTree,
} from '../documents/index.js'
import type { DeliverableKind, DeliverablePart } from './deliverable.js'

/** What a signer declares by signing (21 CFR 11.50(a)(3)); each needs its own permission. */
export const SIGNATURE_MEANINGS = ['reviewed', 'approved', 'risk-accepted'] as const
export type SignatureMeaning = (typeof SIGNATURE_MEANINGS)[number]

/** One electronic signature as documents show it: who, when, what it means, on what. */
export interface DocumentSignature {
  readonly signerName: string
  readonly meaning: SignatureMeaning
  /** ISO 8601 in UTC. */
  readonly signedAt: string
  /** What was signed: `risk-register`, `threat:<id>`, `release:<version>`, `document:<kind>`. */
  readonly subject: string
  readonly release?: string
  readonly reason?: string
  readonly modelRevision: number
  /** SHA-256 over the model files at that revision. */
  readonly contentHash: string
}

/**
 * A product's signatures, and the model revision and content hash the documents are generated
 * from, so that a signature made on another revision shows as superseded instead of seeming to
 * cover the new content.
 */
export interface ApprovalRecord {
  readonly modelRevision: number
  readonly contentHash: string
  readonly signatures: readonly DocumentSignature[]
}

/**
 * Signatures on another deliverable or on another release say nothing about this document;
 * everything else about the product (risk register, threats, the documented release) does.
 */
const appliesTo = (
  signature: DocumentSignature,
  kind: DeliverableKind,
  release: string | undefined,
): boolean => {
  if (signature.release !== undefined && signature.release !== release) return false
  const [scope, ...rest] = signature.subject.split(':')
  const target = rest.join(':')
  if (scope === 'document') return target === kind
  if (scope === 'release') return release === undefined || target === release
  return true
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** `2026-11-28T09:15:00.000Z` → `2026-11-28 09:15:00`: the column title says UTC. */
const utcTime = (iso: string): string => iso.replace('T', ' ').replace(/(\.\d+)?Z$/, '')

const superseded = (signature: DocumentSignature, record: ApprovalRecord): boolean =>
  signature.modelRevision !== record.modelRevision || signature.contentHash !== record.contentHash

/** The signatures section of one document, in the document's own language. */
export const signaturesSection = (
  record: ApprovalRecord,
  kind: DeliverableKind,
  tree: DocumentTree,
): DocumentSection => {
  const T = COMMON_TEXT[tree.language].signatures
  const shown = record.signatures
    .filter((signature) => appliesTo(signature, kind, tree.release))
    .sort(
      (a, b) =>
        compareText(a.signedAt, b.signedAt) ||
        compareText(a.subject, b.subject) ||
        compareText(a.meaning, b.meaning) ||
        compareText(a.signerName, b.signerName),
    )
  const intro = [
    paragraph(T.intro(record.modelRevision)),
    paragraph(T.documentModel, ' ', code(record.contentHash)),
  ]
  if (shown.length === 0) return section('signatures', T.title, [...intro, paragraph(T.none)])
  const rows: Readonly<Record<string, CellValue>>[] = shown.map((signature) => ({
    signedAt: utcTime(signature.signedAt),
    signer: signature.signerName,
    meaning: T.meanings[signature.meaning],
    subject: signature.subject,
    release: signature.release ?? null,
    reason: signature.reason ?? null,
    revision: signature.modelRevision,
    contentHash: signature.contentHash,
    status: superseded(signature, record) ? T.superseded(signature.modelRevision) : T.current,
  }))
  const highlights: CellHighlight[] = shown.flatMap((signature, row) =>
    superseded(signature, record) ? [{ row, column: 'status', tone: 'gap' as const }] : [],
  )
  const table = {
    title: T.tableTitle,
    columns: [
      { key: 'signedAt', title: T.columns.signedAt, type: 'text' as const, width: 20 },
      { key: 'signer', title: T.columns.signer, type: 'text' as const, width: 24 },
      { key: 'meaning', title: T.columns.meaning, type: 'text' as const, width: 14 },
      { key: 'subject', title: T.columns.subject, type: 'text' as const, width: 28 },
      { key: 'release', title: T.columns.release, type: 'text' as const, width: 10 },
      { key: 'reason', title: T.columns.reason, type: 'text' as const, width: 36 },
      { key: 'revision', title: T.columns.revision, type: 'number' as const, width: 10 },
      { key: 'contentHash', title: T.columns.contentHash, type: 'text' as const, width: 66 },
      { key: 'status', title: T.columns.status, type: 'text' as const, width: 22 },
    ],
    rows,
  }
  return section('signatures', T.title, [
    ...intro,
    tableBlock(table, { highlights }),
    ...(highlights.length === 0 ? [] : [note(T.supersededNote)]),
  ])
}

/** Every document part of a deliverable with its signatures section last; data parts as they are. */
export const withSignatures = (
  parts: readonly DeliverablePart[],
  kind: DeliverableKind,
  record: ApprovalRecord,
): DeliverablePart[] =>
  parts.map((part) =>
    part.kind === 'data'
      ? part
      : {
          kind: 'document',
          tree: {
            ...part.tree,
            sections: [...part.tree.sections, signaturesSection(record, kind, part.tree)],
          },
        },
  )
