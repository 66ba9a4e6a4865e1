import type { Component } from '../../core/index.js'
import { nearestPlacesOfPaths } from '../files/json-places.js'
import type { LocatedIssue } from '../located-issue.js'
import { parseJsonText } from '../sbom/parse-json-text.js'
import { csafSuggestions } from './csaf-vex.js'
import { cycloneDxSuggestions } from './cyclonedx-vex.js'
import { openVexSuggestions } from './openvex-vex.js'
import {
  asObject,
  lastPerFinding,
  vexIssue,
  type Json,
  type SupplierVexReport,
  type VexIssue,
} from './suggestion.js'

/** A supplier's VEX is one JSON document; larger than this it is not a VEX. */
export const MAX_VEX_BYTES = 32 * 1024 * 1024

const formatOf = (document: Json): SupplierVexReport['format'] => {
  if (document['bomFormat'] === 'CycloneDX') return 'cyclonedx'
  const context = document['@context']
  if (typeof context === 'string' && context.startsWith('https://openvex.dev/ns')) return 'openvex'
  if (asObject(document['document'])?.['csaf_version'] !== undefined) return 'csaf'
  return undefined
}

const PARSERS = {
  cyclonedx: cycloneDxSuggestions,
  openvex: openVexSuggestions,
  csaf: csafSuggestions,
}

type Read = Omit<SupplierVexReport, 'issues'> & { readonly issues: readonly VexIssue[] }

/**
 * Each issue gets the line and column where the value its path names starts, found in one more
 * scan of the text, made only when there are issues; one about a value the file lacks, where the
 * nearest value enclosing it starts (its path still names what is missing). An issue about the
 * file as a whole (`$`) keeps line 0.
 */
const placedInText = (text: string, issues: readonly VexIssue[]): LocatedIssue[] => {
  const paths = issues.flatMap((issue) =>
    issue.documentPath.length > 0 ? [issue.documentPath] : [],
  )
  const placeOf = paths.length === 0 ? undefined : nearestPlacesOfPaths(text, paths)
  return issues.map(({ documentPath, ...issue }) => ({
    ...issue,
    ...(documentPath.length > 0 ? placeOf?.(documentPath) : undefined),
  }))
}

const wholeFile = (issue: VexIssue): Read => ({ suggestions: [], issues: [issue] })

const read = (text: string, file: string, components: readonly Component[]): Read => {
  if (text.length > MAX_VEX_BYTES) {
    return wholeFile(
      vexIssue(
        file,
        [],
        'vex/too-large',
        `the file is larger than ${String(MAX_VEX_BYTES)} bytes`,
        'error',
      ),
    )
  }
  const parsed = parseJsonText(text)
  if (!parsed.ok) {
    // The place, when the parser's message gives one, is the syntax error's own line and column.
    const { message, line, column } = parsed.error
    return wholeFile({
      ...vexIssue(file, [], 'vex/not-json', message, 'error'),
      ...(line === undefined ? {} : { line, column: column ?? 0 }),
    })
  }
  const document = asObject(parsed.value)
  const format = document === undefined ? undefined : formatOf(document)
  if (document === undefined || format === undefined) {
    return wholeFile(
      vexIssue(
        file,
        [],
        'vex/unknown-format',
        'neither a CycloneDX BOM, an OpenVEX document nor a CSAF document',
        'error',
      ),
    )
  }
  const result = PARSERS[format](document, file, components)
  return { format, suggestions: lastPerFinding(result.suggestions), issues: result.issues }
}

/**
 * Reads a supplier's VEX (CycloneDX 1.4-1.7 JSON, OpenVEX, CSAF 2.0) into the finding assessments
 * it suggests for the model's components, one per finding; it never changes the model. Issues are
 * placed at the line and column of the value they are about.
 */
export const readSupplierVex = (
  text: string,
  file: string,
  components: readonly Component[],
): SupplierVexReport => {
  const found = read(text, file, components)
  return { ...found, issues: placedInText(text, found.issues) }
}
