export {
  compileAffected,
  sortableQueryKey,
  type CompiledAffected,
  type SortableInterval,
  type UnevaluatedRange,
} from './osv-range.js'
export { MAX_VERSION_LENGTH, type Ordering } from './sortable-key.js'
export { versionFamilyOfEcosystem, versionFamilyOfPurlType } from './version-family.js'
export {
  compareVersionKeys,
  compareVersions,
  parseVersionKey,
  VERSION_FAMILIES,
  type SortableFamily,
  type VersionFamily,
  type VersionKey,
} from './version-key.js'
