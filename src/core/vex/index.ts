export { resolveTriage, splitFindingId, type ReleaseTriage } from './triage.js'
export { vexStatement, type VexStatement } from './statement.js'
export { buildCycloneDxVex, type JsonObject } from './cyclonedx.js'
export { buildCsafVex, componentBranches } from './csaf.js'
export { buildOpenVex, OPENVEX_CONTEXT } from './openvex.js'
export { exportVex, type VexExport, type VexExportOptions } from './export.js'
export { VEX_FORMATS, type VexFormat } from './vex-formats.js'
export {
  CSAF_FLAG_LABELS,
  CYCLONEDX_JUSTIFICATIONS,
  CYCLONEDX_STATES,
  csafFlagLabel,
  cycloneDxJustification,
  cycloneDxStateOf,
  isCycloneDxJustification,
  statusOfCycloneDxState,
  type CsafFlagLabel,
  type CycloneDxJustification,
  type CycloneDxState,
  type Justification,
  type Response,
  type VexStatus,
} from './vocabulary-map.js'
export { checkCsafVex, type CsafVexProblem } from './csaf-vex-checks.js'
