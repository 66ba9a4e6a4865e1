import { err, ok, type DocumentPath, type Result } from '../../core/index.js'
import { parseYamlText, type Position } from '../model-yaml/parse-yaml-text.js'
import { importError, type ImportIssue } from './threat-model-import.js'

/** A parsed YAML or JSON file of another tool, with the place of every path in its text. */
export interface ParsedSource {
  readonly source: string
  readonly content: unknown
  readonly locate: (path: DocumentPath) => Position
  /** YAML warnings (not errors) found while parsing. */
  readonly warnings: readonly ImportIssue[]
}

/**
 * Parses YAML or JSON text (JSON is YAML), with every syntax problem placed at its line and
 * column; YAML 1.2 core schema, so dates and `no` stay strings.
 */
export const parseSource = (text: string, source: string): Result<ParsedSource, ImportIssue[]> => {
  const parsed = parseYamlText(text, source)
  const issues: ImportIssue[] = parsed.issues.map((issue) => ({
    severity: issue.severity,
    code: issue.code,
    message: issue.message,
    path: [],
    source,
    line: issue.line,
    column: issue.column,
  }))
  const errors = issues.filter((issue) => issue.severity === 'error')
  if (errors.length > 0) return err(errors)
  if (parsed.content === undefined || parsed.content === null) {
    return err([
      importError('import/empty', 'the file is empty or holds only comments', [], source, {
        line: 1,
        column: 1,
      }),
    ])
  }
  const warnings = issues.filter((issue) => issue.severity === 'warning')
  return ok({ source, content: parsed.content, locate: parsed.locate, warnings })
}
