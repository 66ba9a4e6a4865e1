export { DEFAULT_FORMATS, REPORT_FORMATS, type ReportFormat } from './report-formats.js'
export { renderDeliverable } from './render-deliverable.js'
