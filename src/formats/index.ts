export { readCycloneDxIdentities } from './cyclonedx/read-cyclonedx-identities.js'
export type { FileReadError, FileReader } from './files/file-reader.js'
export { compareLocatedIssues, type LocatedIssue, type Place } from './located-issue.js'
export {
  DEFAULT_MODEL_LOAD_LIMITS,
  loadDeviceModel,
  type LoadedModel,
  type ModelLoadLimits,
} from './model-yaml/load-device-model.js'
export { loadCustomRules } from './threat-rules-yaml/load-custom-rules.js'
export * from './threat-models/index.js'
export { decodeText } from './files/decode-text.js'
export { loadRiskPolicy } from './risk-policy-yaml/load-risk-policy.js'
export * from './advisories/index.js'
export * from './sbom/index.js'
export * from './vex/index.js'
export * from './installed-base-csv/index.js'
