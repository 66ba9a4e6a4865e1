import type { IssueSeverity } from '../core/index.js'

export interface Place {
  readonly file: string
  /** 1-based; 0 when the problem is about the file as a whole. */
  readonly line: number
  readonly column: number
  /** JSONPath inside the file, `$` for the whole document. */
  readonly path: string
}

/** An issue placed in a file at a line and column: what people and editors need to act on it. */
export interface LocatedIssue extends Place {
  readonly severity: IssueSeverity
  readonly code: string
  readonly message: string
  readonly related?: Place
}

/** Files first, then lines: the order people fix things in. */
export const compareLocatedIssues = (a: LocatedIssue, b: LocatedIssue): number =>
  a.file.localeCompare(b.file) ||
  a.line - b.line ||
  a.column - b.column ||
  a.code.localeCompare(b.code) ||
  a.message.localeCompare(b.message)
