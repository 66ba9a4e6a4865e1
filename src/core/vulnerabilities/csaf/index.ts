export {
  flattenProductTree,
  type CsafBranch,
  type CsafFullProductName,
  type CsafProductIdentificationHelper,
  type CsafProductTree,
  type CsafRelationship,
  type CsafVulnerabilityStatus,
} from './product-tree.js'
export {
  normalizeVersionWords,
  parseCsafVersionText,
  type VersComparator,
  type VersionConstraint,
  type VersionSpec,
} from './version-spec.js'
export { checkVersion, type VersionVerdict } from './version-check.js'
export { createNameComparer, type NameComparer, type NameRelation } from './names.js'
export {
  createCsafMatcher,
  CSAF_MATCH_CONFIDENCES,
  matchCsafProducts,
  type CsafMatcher,
  type CsafComponent,
  type CsafMatchConfidence,
  type CsafMatchOptions,
  type CsafProductMatch,
} from './match-products.js'
