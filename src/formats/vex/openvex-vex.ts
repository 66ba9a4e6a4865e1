import { CSAF_FLAG_LABELS, type CsafFlagLabel } from '../../core/vex/index.js'
import type { Component, FindingAssessment } from '../../core/index.js'
import { VEX_STATUSES } from '../../core/index.js'
import type { LocatedIssue } from '../located-issue.js'
import {
  asObject,
  asObjects,
  asString,
  matchComponents,
  vexIssue,
  type Json,
  type SuggestedAssessment,
  type SupplierProduct,
} from './suggestion.js'

/** A product of an OpenVEX statement: a bare IRI (0.0.x) or `{ @id, identifiers, subcomponents }`. */
const productsOf = (value: unknown): SupplierProduct[][] =>
  (Array.isArray(value) ? value : []).map((item) => {
    if (typeof item === 'string') return [identity(item)]
    const product = asObject(item) ?? {}
    const own = identity(asString(product['@id']) ?? '', asObject(product['identifiers']))
    const parts = asObjects(product['subcomponents']).map((part) =>
      identity(asString(part['@id']) ?? '', asObject(part['identifiers'])),
    )
    return [own, ...parts]
  })

const identity = (id: string, identifiers?: Json): SupplierProduct => {
  const purl = asString(identifiers?.['purl']) ?? (id.startsWith('pkg:') ? id : undefined)
  const cpe =
    asString(identifiers?.['@cpe23']) ??
    asString(identifiers?.['@cpe22']) ??
    (id.startsWith('cpe:') ? id : undefined)
  return { ref: id, ...(purl === undefined ? {} : { purl }), ...(cpe === undefined ? {} : { cpe }) }
}

const isStatus = (value: unknown): value is FindingAssessment['status'] =>
  (VEX_STATUSES as readonly unknown[]).includes(value)
const isLabel = (value: unknown): value is CsafFlagLabel =>
  (CSAF_FLAG_LABELS as readonly unknown[]).includes(value)

const assessmentOf = (statement: Json, status: FindingAssessment['status']) => {
  const justification = statement['justification']
  const detail = [
    statement['impact_statement'],
    statement['action_statement'],
    statement['status_notes'],
  ]
    .map(asString)
    .filter((part): part is string => part !== undefined)
    .join(' ')
  return {
    status,
    ...(status === 'not_affected' && isLabel(justification) ? { justification } : {}),
    ...(detail === '' ? {} : { detail }),
  }
}

/**
 * Suggestions from an OpenVEX document (0.0.x or 0.2.0): a statement's product matches a model
 * component itself, or through one of its subcomponents when the product does not.
 */
export const openVexSuggestions = (
  document: Json,
  file: string,
  components: readonly Component[],
): { suggestions: SuggestedAssessment[]; issues: LocatedIssue[] } => {
  const suggestions: SuggestedAssessment[] = []
  const issues: LocatedIssue[] = []
  asObjects(document['statements']).forEach((statement, index) => {
    const at = `$.statements[${String(index)}]`
    const vulnerability = statement['vulnerability']
    const id =
      typeof vulnerability === 'string'
        ? vulnerability
        : asString(asObject(vulnerability)?.['name'])
    const status = statement['status']
    if (id === undefined || !isStatus(status)) {
      issues.push(
        vexIssue(
          file,
          at,
          'vex/bad-statement',
          'a statement needs a vulnerability name and a VEX status',
        ),
      )
      return
    }
    const assessment = assessmentOf(statement, status)
    const products = [
      ...productsOf(statement['products']),
      ...productsOf(statement['subcomponents']).map((group) => group),
    ]
    products.forEach((group, productIndex) => {
      const matched =
        group
          .map((product) => matchComponents(product, components))
          .find((list) => list.length > 0) ?? []
      for (const component of matched) {
        suggestions.push({
          finding: `${id}@${component.id}`,
          ...assessment,
          'x-source': `${file}#${at}.products[${String(productIndex)}]`,
        })
      }
      if (matched.length === 0) {
        issues.push(
          vexIssue(
            file,
            `${at}.products[${String(productIndex)}]`,
            'vex/unknown-product',
            `${id}: '${group[0]?.ref ?? '?'}' matches no component of the model`,
          ),
        )
      }
    })
  })
  return { suggestions, issues }
}
