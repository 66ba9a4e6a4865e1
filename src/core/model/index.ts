export type {
  Actor,
  Asset,
  DataFlow,
  Element,
  Interface,
  Role,
  TrustBoundary,
} from './architecture-schema.js'
export { closestMatch } from './closest-match.js'
export { isPartOfDevice } from './device-scope.js'
export {
  FORMAT_VERSION,
  LIST_SECTIONS,
  modelJsonSchema,
  SCHEMA_ID,
  type DeviceModel,
  type ModelDocument,
} from './model-document-schema.js'
export {
  parseDeviceModel,
  type ModelFragment,
  type ModelParseOutcome,
} from './parse-device-model.js'
export type { ClinicalFunction, Product } from './product-schema.js'
export type { Harm, Hazard, HazardousSituation, SeverityLevel } from './safety-schema.js'
export type {
  Control,
  FindingAssessment,
  RiskAcceptance,
  RiskEstimate,
  RiskEvaluation,
  ThreatScenario,
  ThreatAssessment,
  Verification,
} from './security-schema.js'
export {
  EVIDENCE_TOPIC_PATTERN,
  MDS2_ANSWERS,
  type Anomaly,
  type Evidence,
  type ManagementPlan,
  type Mds2Answer,
  type PatchTimeline,
  type ThreatModelNotes,
} from './documentation-schema.js'
export { FDA_SEVERITY_SCALE } from './severity-scale.js'
export { checkSbomLinks, type SbomIdentities } from './check-sbom-links.js'
export type { Component, Release, Sbom } from './supply-chain-schema.js'
export * from './vocabulary.js'
export { modelReferenceMarkdown } from './model-reference.js'
export { createSchemaChecker, type SchemaChecker } from './check-document-schema.js'
export { ITEM_SCHEMAS } from './item-schemas.js'
export type { ItemKind } from './model-index.js'
export {
  diffModels,
  type FieldChange,
  type ItemChange,
  type ModelDiff,
  type SectionDiff,
} from './diff-models.js'
