import type { LocatedIssue, Place } from '../formats/index.js'

const where = (place: Place): string =>
  place.line === 0 ? place.file : `${place.file}:${String(place.line)}:${String(place.column)}`

/**
 * `file:line:column: severity: message [code]`, the form compilers use, so editors and CI
 * annotations can jump to the place.
 */
export const formatIssue = (issue: LocatedIssue): string => {
  const head = `${where(issue)}: ${issue.severity}: ${issue.message} [${issue.code}]`
  const at = issue.path === '$' ? '' : `\n    at ${issue.path}`
  const related =
    issue.related === undefined ? '' : `\n    see ${where(issue.related)} (${issue.related.path})`
  return head + at + related
}

export const countIssues = (issues: readonly LocatedIssue[]): string => {
  const errors = issues.filter((issue) => issue.severity === 'error').length
  const warnings = issues.length - errors
  return `${String(errors)} error${errors === 1 ? '' : 's'}, ${String(warnings)} warning${warnings === 1 ? '' : 's'}`
}
