export { DEFAULT_FORMATS, type ReportFormat } from './report-formats.js'
export { renderDeliverable } from './render-deliverable.js'
