export {
  ADVISORY_SOURCES,
  CSAF_PRODUCT_STATUSES,
  type Advisory,
  type AdvisorySource,
  type AffectedPackage,
  type CpeConfiguration,
  type CpeMatchCriterion,
  type CpeNode,
  type CsafProduct,
  type CsafProductStatus,
  type OsvEvent,
  type OsvRange,
  type SeverityScore,
} from './advisory.js'
export * from './matching/index.js'
export * from './versions/index.js'
export * from './cpe/index.js'
export * from './csaf/index.js'
