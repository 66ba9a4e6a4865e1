export {
  CVSS_VERSIONS,
  parseCvss,
  type CvssError,
  type CvssErrorCode,
  type CvssVersion,
  type ParsedCvss,
} from './cvss-metrics.js'
export { cvssSeverity, scoreCvss, type CvssScore, type CvssSeverity } from './cvss.js'
