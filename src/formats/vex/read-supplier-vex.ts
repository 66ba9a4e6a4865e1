import type { Component } from '../../core/index.js'
import { csafSuggestions } from './csaf-vex.js'
import { cycloneDxSuggestions } from './cyclonedx-vex.js'
import { openVexSuggestions } from './openvex-vex.js'
import {
  asObject,
  lastPerFinding,
  vexIssue,
  type Json,
  type SupplierVexReport,
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

/**
 * Reads a supplier's VEX (CycloneDX 1.4-1.7 JSON, OpenVEX, CSAF 2.0) into the finding assessments
 * it suggests for the model's components, one per finding; it never changes the model.
 */
export const readSupplierVex = (
  text: string,
  file: string,
  components: readonly Component[],
): SupplierVexReport => {
  if (text.length > MAX_VEX_BYTES) {
    return {
      suggestions: [],
      issues: [
        vexIssue(
          file,
          '$',
          'vex/too-large',
          `the file is larger than ${String(MAX_VEX_BYTES)} bytes`,
          'error',
        ),
      ],
    }
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'not JSON'
    return {
      suggestions: [],
      issues: [vexIssue(file, '$', 'vex/not-json', `not JSON: ${reason}`, 'error')],
    }
  }
  const document = asObject(parsed)
  const format = document === undefined ? undefined : formatOf(document)
  if (document === undefined || format === undefined) {
    return {
      suggestions: [],
      issues: [
        vexIssue(
          file,
          '$',
          'vex/unknown-format',
          'neither a CycloneDX BOM, an OpenVEX document nor a CSAF document',
          'error',
        ),
      ],
    }
  }
  const result = PARSERS[format](document, file, components)
  return { format, suggestions: lastPerFinding(result.suggestions), issues: result.issues }
}
