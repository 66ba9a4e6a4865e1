import { formatPath, type DocumentPath, type IssueSeverity } from '../../core/index.js'
import type { LocatedIssue } from '../located-issue.js'

/**
 * A problem found while reading an SBOM, placed by JSON path and, where the parser gives one, by
 * line; the file is added when it is reported.
 */
export interface SbomProblem {
  readonly severity: IssueSeverity
  readonly code: string
  readonly message: string
  readonly path: DocumentPath
  readonly line?: number
  readonly column?: number
  /** The other place of a pair, e.g. the first of two duplicates. */
  readonly related?: { readonly path: DocumentPath; readonly line?: number }
}

export const problem = (
  code: string,
  message: string,
  path: DocumentPath = [],
  extra: Partial<Omit<SbomProblem, 'code' | 'message' | 'path'>> = {},
): SbomProblem => ({ severity: 'error', code, message, path, ...extra })

export const locateProblem = (file: string, found: SbomProblem): LocatedIssue => ({
  file,
  line: found.line ?? 0,
  column: found.column ?? 0,
  path: formatPath(found.path),
  severity: found.severity,
  code: found.code,
  message: found.message,
  ...(found.related === undefined
    ? {}
    : {
        related: {
          file,
          line: found.related.line ?? 0,
          column: 0,
          path: formatPath(found.related.path),
        },
      }),
})

/** 1-based line and column of a character offset. */
export const lineAndColumn = (text: string, offset: number): { line: number; column: number } => {
  let line = 1
  let start = 0
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line += 1
    start = at + 1
  }
  return { line, column: offset - start + 1 }
}
