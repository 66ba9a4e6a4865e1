export {
  CPE_ATTRIBUTES,
  type CpeAttribute,
  type CpeName,
  type CpeValue,
  type CpeWildcard,
} from './cpe-name.js'
export { MAX_CPE_LENGTH, parseCpe } from './parse-cpe.js'
export { formatCpe23, formatCpeValue } from './format-cpe.js'
export {
  compareCpeNames,
  compareCpeValues,
  CPE_RELATIONS,
  type CpeAttributeRelations,
  type CpeNameComparison,
  type CpeRelation,
} from './compare-cpe.js'
export { CPE_MATCH_POLICIES, criterionApplies, type CpeMatchPolicy } from './criterion-applies.js'
export { compareGenericVersions, type VersionComparator } from '../versions/generic-order.js'
export { hasVersionBounds, withinVersionBounds } from './version-bounds.js'
export {
  componentCpe,
  evaluateConfiguration,
  type ComponentCpe,
  type ConfigurationMatch,
  type CpeMatchOptions,
  type CriterionMatch,
  type Satisfiers,
} from './configuration-match.js'
export {
  matchAdvisoriesBruteForce,
  matchConfigurations,
  type AdvisoryCpeMatch,
} from './match-configurations.js'
export {
  buildCpeCriteriaIndex,
  matchCpeIndex,
  type CpeCriteriaIndex,
  type IndexedCriterion,
  type SkippedCriterion,
} from './criteria-index.js'
