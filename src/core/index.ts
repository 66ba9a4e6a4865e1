export { InternalError } from './errors.js'
export {
  formatPath,
  hasErrors,
  ISSUE_SEVERITIES,
  type DocumentPath,
  type Issue,
  type IssueSeverity,
} from './issue.js'
export { err, ok, type Result } from './result.js'
export * from './model/index.js'
export * from './lifecycle/index.js'
export * from './regulatory/index.js'
export * from './threats/index.js'
export * from './controls/index.js'
export * from './views/index.js'
export * from './rubric/index.js'
export * from './deadlines/index.js'
export * from './risk/index.js'
export * from './documents/index.js'
export * from './risk-policy/index.js'
export * from './risk-register/index.js'
export * from './installed-base/index.js'
export * from './vulnerabilities/index.js'
export * from './sbom/index.js'
export * from './vex/index.js'
export * from './reports/index.js'
export * from './monitoring/index.js'
