export { DELIVERABLE_KINDS, type DeliverableKind, type DeliverablePart } from './deliverable.js'
export {
  createReportContext,
  documentedRelease,
  type KnownVulnerabilities,
  type ReportContext,
  type ReportInputs,
  type ViewFigure,
} from './report-context.js'
export { buildDeliverable } from './build-deliverable.js'
export { DELIVERABLE_LANGUAGES } from './deliverable-languages.js'
export type { Mds2Form } from './mds2/index.js'
export {
  SIGNATURE_MEANINGS,
  type ApprovalRecord,
  type DocumentSignature,
  type SignatureMeaning,
} from './signatures.js'
