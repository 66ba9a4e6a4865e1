export {
  NVD_READ_LIMITS,
  nvdCveToAdvisory,
  nvdRecordsToAdvisories,
  parseNvdJson,
  type AdvisoryReading,
  type NvdReadLimits,
} from './nvd-record.js'
export { csafDocumentToAdvisory, parseCsafJson } from './csaf-document.js'
export { CSAF_READ_LIMITS, type CsafReadLimits } from './csaf-reader.js'
export { readCsafProductTree } from './csaf-product-tree.js'
export { osvRecordToAdvisory } from './osv-record.js'
