export {
  COMPENSATING_CONTROL_CATALOGUE,
  compensatingControl,
  type CompensatingControlEntry,
} from './compensating-controls.js'
export {
  computeControlCoverage,
  UNCONTROLLED_REASONS,
  type CapabilityCoverage,
  type CategoryCoverage,
  type ControlStatus,
  type ControlSummary,
  type ControlThreats,
  type CoverageReport,
  type CoverageTotals,
  type FailedVerification,
  type ThreatControls,
  type UncontrolledReason,
  type UncontrolledThreat,
  type UnknownThreatLink,
} from './control-coverage.js'
export { coverageMarkdown } from './coverage-markdown.js'
export {
  FDA_CONTROL_CATEGORIES,
  FDA_RECOMMENDATIONS,
  fdaControlCategory,
  type FdaControlCategory,
  type FdaRecommendation,
} from './fda-control-categories.js'
export {
  SECURITY_CAPABILITY_CATALOGUE,
  securityCapability,
  type SecurityCapabilityEntry,
} from './security-capabilities.js'
