export { DELIVERABLE_KINDS, type DeliverableKind, type DeliverablePart } from './deliverable.js'
export {
  createReportContext,
  type KnownVulnerabilities,
  type ReportContext,
  type ReportInputs,
  type ViewFigure,
} from './report-context.js'
