export {
  NVD_READ_LIMITS,
  nvdCveToAdvisory,
  nvdRecordsToAdvisories,
  parseNvdJson,
  type AdvisoryReading,
  type NvdReadLimits,
} from './nvd-record.js'
export {
  CSAF_READ_LIMITS,
  csafDocumentToAdvisory,
  parseCsafJson,
  type CsafReadLimits,
} from './csaf-document.js'
export { osvRecordToAdvisory } from './osv-record.js'
