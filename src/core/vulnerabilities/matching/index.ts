export {
  toFindings,
  type Enrichment,
  type EpssScore,
  type Finding,
  type FindingSeverity,
  type KevEntry,
  type TriageStatus,
} from './findings.js'
export { fnv1a } from './key-filter.js'
export {
  ecosystemFamily,
  osvPackageKey,
  packageKeyString,
  purlIdentity,
  type PackageKey,
  type PurlIdentity,
} from './package-key.js'
export {
  affectedInstances,
  buildPortfolioIndex,
  type PortfolioIndex,
  type PortfolioInstance,
} from './portfolio-index.js'
export {
  indexPackageEntries,
  type PackageAdvisories,
  type PackageEntry,
} from './package-advisories.js'
export {
  buildAdvisoryIndex,
  entryFields,
  lazyAdvisoryIndex,
  type LazyAdvisoryParts,
  packageEntriesOf,
  findAdvisoryMatches,
  MATCH_CONFIDENCES,
  type AdvisoryIndex,
  type AdvisoryMatch,
  type AffectedPredicate,
  type CompileAffected,
  type CsafTargetMatcher,
  type MatchConfidence,
  type MatchEvidence,
} from './scan.js'
export { scanTargetsOfModel, type ScanTarget } from './scan-target.js'
export { csafTargetMatcher } from './csaf-target-matcher.js'
export {
  attackSurfaceOf,
  EPSS_LIKELY,
  EXTERNAL_INTERFACE_TYPES,
  PRIORITY_LEVELS,
  prioritize,
  prioritizeFindings,
  reachabilityOf,
  type AttackSurface,
  type PrioritizedFinding,
  type Priority,
  type PriorityLevel,
  type Reachability,
} from './prioritize.js'
export { scanTargetsOfSbom } from './sbom-scan-target.js'
