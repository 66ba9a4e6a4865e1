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
