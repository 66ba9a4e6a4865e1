/** A place in a JSON-like document: property names and array indexes from the root. */
export type DocumentPath = readonly (string | number)[]

export const ISSUE_SEVERITIES = ['error', 'warning'] as const
export type IssueSeverity = (typeof ISSUE_SEVERITIES)[number]

/**
 * A problem found in input. Issues are data, never thrown: validation collects them all so a
 * person can fix a file in one pass.
 */
export interface Issue {
  readonly severity: IssueSeverity
  /** Stable machine-readable code, e.g. `model/unknown-reference`. */
  readonly code: string
  /** Worded for people; lower-case start, no trailing period. */
  readonly message: string
  readonly path: DocumentPath
  /** Which input (file) the path belongs to, when the caller knows it. */
  readonly source?: string
  /** A second place that explains the first, e.g. where a duplicate id was first defined. */
  readonly related?: { readonly path: DocumentPath; readonly source?: string }
}

export const hasErrors = (issues: readonly Issue[]): boolean =>
  issues.some((issue) => issue.severity === 'error')

/** `$.interfaces[2].type`: a JSONPath (RFC 9535) people can read and tools can follow. */
export const formatPath = (path: DocumentPath): string =>
  '$' +
  path
    .map((part) =>
      typeof part === 'number'
        ? `[${String(part)}]`
        : /^[A-Za-z_$][\w$-]*$/.test(part)
          ? `.${part}`
          : `['${part.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`,
    )
    .join('')
