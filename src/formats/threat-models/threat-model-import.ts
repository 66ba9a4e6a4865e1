import {
  formatPath,
  type DocumentPath,
  type Issue,
  type ModelDocument,
  type Result,
} from '../../core/index.js'

/** An issue in the imported file: its JSON path, and its line and column where known. */
export interface ImportIssue extends Issue {
  /** 1-based. */
  readonly line?: number
  readonly column?: number
}

/** What an import made of another tool's threat model. */
export interface ThreatModelImport {
  /** One `medcyber/v1` model file as plain data, ready to write as YAML; passes validation. */
  readonly document: ModelDocument
  /** Facts of the source that medcyber could not carry over, each with its path in the source. */
  readonly dropped: readonly string[]
  /** Placeholders and guesses a person must check, each naming the item in the new model. */
  readonly review: readonly string[]
  /** Deviations from the source format's schema that its own tool accepts, so the import did. */
  readonly warnings: readonly ImportIssue[]
}

export type ThreatModelImportResult = Result<ThreatModelImport, ImportIssue[]>

/** What an export made of a medcyber model. */
export interface ThreatModelExport {
  /** The exported file as plain data, ready to write as JSON. */
  readonly document: Readonly<Record<string, unknown>>
  /** medcyber facts the target format cannot hold, item by item. */
  readonly dropped: readonly string[]
  /** Values the target format requires that medcyber does not have, set to placeholders. */
  readonly review: readonly string[]
}

/** Collects what was dropped and what needs review, in the order the importer met it. */
export interface ImportNotes {
  readonly drop: (path: DocumentPath, what: string) => void
  readonly review: (subject: string, what: string) => void
  readonly dropped: string[]
  readonly reviewed: string[]
}

export const createImportNotes = (): ImportNotes => {
  const dropped: string[] = []
  const reviewed: string[] = []
  return {
    drop: (path, what) => dropped.push(`${formatPath(path)}: ${what}`),
    review: (subject, what) => reviewed.push(`${subject}: ${what}`),
    dropped,
    reviewed,
  }
}

/** An error about the input as a whole or at a path, for `Result` errors. */
export const importError = (
  code: string,
  message: string,
  path: DocumentPath,
  source: string,
  position?: { readonly line: number; readonly column: number },
): ImportIssue => ({
  severity: 'error',
  code,
  message,
  path,
  source,
  ...(position === undefined ? {} : { line: position.line, column: position.column }),
})
