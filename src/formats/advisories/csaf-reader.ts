import type { DocumentPath } from '../../core/index.js'

export interface CsafReadLimits {
  readonly maxTextLength: number
  /** Products of all kinds (branch leaves, full product names, relationships). */
  readonly maxProducts: number
  /** Nesting of branches; the CSAF schema sets none, real trees use 3 to 6. */
  readonly maxBranchDepth: number
  readonly maxVulnerabilities: number
}

export const CSAF_READ_LIMITS: CsafReadLimits = {
  maxTextLength: 50_000_000,
  maxProducts: 100_000,
  maxBranchDepth: 30,
  maxVulnerabilities: 10_000,
}

/** Receives each problem found while reading, at its path in the document. */
export type CsafProblem = (path: DocumentPath, code: string, message: string) => void

/** What reading a CSAF document carries along: where problems go, the limits, products so far. */
export interface CsafReader {
  readonly problem: CsafProblem
  readonly limits: CsafReadLimits
  products: number
}

export const text = (
  value: unknown,
  path: DocumentPath,
  reader: CsafReader,
): string | undefined => {
  if (typeof value === 'string' && value.trim() !== '') return value
  reader.problem(path, 'not-a-string', `'${String(path.at(-1))}' must be a non-empty string`)
  return undefined
}

export const optionalText = (
  value: unknown,
  path: DocumentPath,
  reader: CsafReader,
): string | undefined => (value === undefined ? undefined : text(value, path, reader))

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export const list = (
  value: unknown,
  path: DocumentPath,
  reader: CsafReader,
): readonly unknown[] => {
  if (value === undefined) return []
  if (Array.isArray(value)) return value as unknown[]
  reader.problem(path, 'not-a-list', `'${String(path.at(-1))}' must be a list`)
  return []
}

export const strings = (value: unknown, path: DocumentPath, reader: CsafReader): string[] =>
  list(value, path, reader).flatMap((item, index) => {
    const found = text(item, [...path, index], reader)
    return found === undefined ? [] : [found]
  })
