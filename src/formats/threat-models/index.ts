export { exportOtm } from './export-otm.js'
export { importOtm } from './import-otm.js'
export { importThreagile, includeReader, type ReadInclude } from './import-threagile.js'
export { importThreatDragon } from './import-threat-dragon.js'
export type {
  ImportIssue,
  ThreatModelExport,
  ThreatModelImport,
  ThreatModelImportResult,
} from './threat-model-import.js'
