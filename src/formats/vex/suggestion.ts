import type { Component, DocumentPath, FindingAssessment } from '../../core/index.js'
import {
  checkVersion,
  compareGenericVersions,
  formatPath,
  parseCsafVersionText,
} from '../../core/index.js'
import type { LocatedIssue } from '../located-issue.js'

/** A finding assessment the supplier's VEX suggests, with where in that file it comes from. */
export type SuggestedAssessment = FindingAssessment & { readonly 'x-source': string }

export interface SupplierVexReport {
  readonly format?: 'cyclonedx' | 'openvex' | 'csaf'
  readonly suggestions: readonly SuggestedAssessment[]
  readonly issues: readonly LocatedIssue[]
}

/** What a supplier's VEX says its product is; any of the identifiers may be missing. */
export interface SupplierProduct {
  readonly name?: string
  readonly version?: string
  /** A version range (`vers:` or CSAF version text) instead of one version. */
  readonly range?: string
  readonly purl?: string
  readonly cpe?: string
  readonly ref?: string
}

/** `pkg:type/ns/name@version?q#s` → lower-case type/ns/name and the version; qualifiers dropped. */
const purlParts = (purl: string): { readonly base: string; readonly version?: string } => {
  const bare = purl.split('#')[0]?.split('?')[0] ?? purl
  const at = bare.lastIndexOf('@')
  const slash = bare.lastIndexOf('/')
  const hasVersion = at > slash
  const base = decodeURIComponent(hasVersion ? bare.slice(0, at) : bare).toLowerCase()
  return hasVersion ? { base, version: decodeURIComponent(bare.slice(at + 1)) } : { base }
}

const normalName = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim()

const versionFits = (product: SupplierProduct, version: string): boolean => {
  if (product.version !== undefined) return product.version === version
  if (product.range !== undefined) {
    return (
      checkVersion(
        version,
        parseCsafVersionText(product.range, 'range'),
        compareGenericVersions,
      ) === 'in'
    )
  }
  return true
}

const byPurl = (product: SupplierProduct, component: Component): boolean => {
  if (product.purl === undefined || component.purl === undefined) return false
  const theirs = purlParts(product.purl)
  const ours = purlParts(component.purl)
  if (theirs.base !== ours.base) return false
  const version = ours.version ?? component.version
  return theirs.version === undefined ? versionFits(product, version) : theirs.version === version
}

const byName = (product: SupplierProduct, component: Component): boolean =>
  product.name !== undefined &&
  (product.version !== undefined || product.range !== undefined) &&
  normalName(product.name) === normalName(component.name) &&
  versionFits(product, component.version)

/**
 * The model's components a supplier's product statement is about: by bom-ref, purl or CPE when
 * both sides have one, else by name with a version or range (never by name alone).
 */
export const matchComponents = (
  product: SupplierProduct,
  components: readonly Component[],
): Component[] =>
  components.filter(
    (component) =>
      (product.ref !== undefined &&
        (component.id === product.ref ||
          (component.sbomRefs ?? []).some((ref) => ref.bomRef === product.ref))) ||
      byPurl(product, component) ||
      (product.cpe !== undefined && product.cpe.toLowerCase() === component.cpe?.toLowerCase()) ||
      byName(product, component),
  )

/**
 * An issue in the supplier's file that still holds its path as steps: the parsed value has no
 * positions, so the line and column are found from the steps in the text afterwards.
 */
export type VexIssue = LocatedIssue & { readonly documentPath: DocumentPath }

/** An issue at `path` (`[]` for the file as a whole), not yet placed at a line. */
export const vexIssue = (
  file: string,
  path: DocumentPath,
  code: string,
  message: string,
  severity: 'error' | 'warning' = 'warning',
): VexIssue => ({
  file,
  line: 0,
  column: 0,
  path: formatPath(path),
  severity,
  code,
  message,
  documentPath: path,
})

/** Fills what the model requires: a not_affected statement always says why. */
export const completeSuggestion = (suggestion: SuggestedAssessment): SuggestedAssessment =>
  suggestion.status === 'not_affected' &&
  suggestion.justification === undefined &&
  suggestion.detail === undefined
    ? { ...suggestion, detail: 'The supplier states it is not affected and gives no reason.' }
    : suggestion

/** One suggestion per finding: the last statement wins, as VEX documents are read in order. */
export const lastPerFinding = (
  suggestions: readonly SuggestedAssessment[],
): SuggestedAssessment[] =>
  [...new Map(suggestions.map((item) => [item.finding, completeSuggestion(item)])).values()].sort(
    (a, b) => a.finding.localeCompare(b.finding),
  )

export type Json = Record<string, unknown>
export const asObject = (value: unknown): Json | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined
/** The object entries of a list, for a list no path indexes; `objectEntries` keeps the index. */
export const asObjects = (value: unknown): Json[] =>
  Array.isArray(value)
    ? value.flatMap((item) => (asObject(item) === undefined ? [] : [item as Json]))
    : []

/**
 * Each object entry of a list with its path. The index counts every entry, objects or not, so the
 * path names the entry in the file; each other entry goes to `other` when reached, which keeps
 * the issues about a list in file order.
 */
export function* objectEntries(
  value: unknown,
  path: DocumentPath,
  other: (at: DocumentPath) => void,
): Generator<readonly [Json, DocumentPath]> {
  if (!Array.isArray(value)) return
  for (const [index, item] of (value as unknown[]).entries()) {
    const entry = asObject(item)
    if (entry === undefined) other([...path, index])
    else yield [entry, [...path, index]]
  }
}

/** An entry of a list the parser reads that is not an object: skipped, and said so. */
export const notAnObject = (file: string, path: DocumentPath, what: string): VexIssue =>
  vexIssue(file, path, 'vex/not-an-object', `${what} is not an object; it is skipped`)

export const asString = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value : undefined
