export { loadModelFromFiles } from './model-files.js'
export { loadProductModel } from './product-model.js'
export { createProductFromFiles } from './create-product.js'
export { readModelFolder } from './model-folder.js'
export { analyseProduct } from './product-analysis.js'
export type { AnalysisProblem } from './product-analysis.js'
export { saveAssessment, saveProductModel } from './model-edits.js'
export type { ModelSaveProblem } from './model-edits.js'
export { riskEntryJson, riskJson, riskPolicyJson } from './risk-json.js'
export type { RiskReport } from './risk-json.js'
export {
  checkDocumentsRequest,
  drawViews,
  isRenderError,
  lazyPdfPrinter,
  renderDeliverableFiles,
} from './documents.js'
export { documentsGenerateHandler, DocumentsJobData } from './jobs/documents-generate.js'
export { registerJobHandlers } from './jobs/register-handlers.js'
export { PortfolioEvaluateData } from './jobs/portfolio-evaluate.js'
export { FeedsSyncData } from './jobs/feeds-sync.js'
export { drawView } from './architecture-views.js'
export { computeFacts } from './device-facts.js'
export { releaseSbom } from './release-sbom.js'
export { VEX_AT_PATTERN, vexFile } from './vex-export.js'
export { vulnerabilityImpact } from './vulnerability-impact.js'
export type { ProductScope } from './vulnerability-impact.js'
export { FEEDS_SYNC_SINGLETON, scheduleFeedSync } from './jobs/feed-sync-schedule.js'
