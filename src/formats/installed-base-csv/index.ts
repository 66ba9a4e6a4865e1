export {
  INSTALLED_BASE_COLUMNS,
  INSTALLED_BASE_LIMITS,
  type InstalledBaseColumn,
} from './installed-base-columns.js'
export {
  formatCsvProblem,
  parseInstalledBaseCsv,
  type InstalledBaseCsvProblem,
  type InstalledBaseCsvResult,
  type InstalledBaseLine,
} from './parse-installed-base.js'
