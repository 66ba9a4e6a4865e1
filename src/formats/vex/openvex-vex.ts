import { CSAF_FLAG_LABELS, type CsafFlagLabel } from '../../core/vex/index.js'
import type { Component, DocumentPath, FindingAssessment } from '../../core/index.js'
import { formatPath, VEX_STATUSES } from '../../core/index.js'
import {
  asObject,
  asObjects,
  asString,
  matchComponents,
  notAnObject,
  objectEntries,
  vexIssue,
  type Json,
  type SuggestedAssessment,
  type SupplierProduct,
  type VexIssue,
} from './suggestion.js'

/**
 * The products of an OpenVEX statement, each a group (the product, then its subcomponents) with
 * its path: a bare IRI (0.0.x) or `{ @id, identifiers, subcomponents }`.
 */
const productsOf = (
  value: unknown,
  path: DocumentPath,
): { readonly group: SupplierProduct[]; readonly productAt: DocumentPath }[] =>
  (Array.isArray(value) ? (value as unknown[]) : []).map((item, index) => {
    const productAt = [...path, index]
    if (typeof item === 'string') return { group: [identity(item)], productAt }
    const product = asObject(item) ?? {}
    const own = identity(asString(product['@id']) ?? '', asObject(product['identifiers']))
    const parts = asObjects(product['subcomponents']).map((part) =>
      identity(asString(part['@id']) ?? '', asObject(part['identifiers'])),
    )
    return { group: [own, ...parts], productAt }
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
): { suggestions: SuggestedAssessment[]; issues: VexIssue[] } => {
  const suggestions: SuggestedAssessment[] = []
  const issues: VexIssue[] = []
  const statements = objectEntries(document['statements'], ['statements'], (at) =>
    issues.push(notAnObject(file, at, 'a statement')),
  )
  for (const [statement, at] of statements) {
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
      continue
    }
    const assessment = assessmentOf(statement, status)
    // Each group's path is in its own list: 0.0.x statements list subcomponents beside products.
    const products = [
      ...productsOf(statement['products'], [...at, 'products']),
      ...productsOf(statement['subcomponents'], [...at, 'subcomponents']),
    ]
    for (const { group, productAt } of products) {
      const matched =
        group
          .map((product) => matchComponents(product, components))
          .find((list) => list.length > 0) ?? []
      for (const component of matched) {
        suggestions.push({
          finding: `${id}@${component.id}`,
          ...assessment,
          'x-source': `${file}#${formatPath(productAt)}`,
        })
      }
      if (matched.length === 0) {
        issues.push(
          vexIssue(
            file,
            productAt,
            'vex/unknown-product',
            `${id}: '${group[0]?.ref ?? '?'}' matches no component of the model`,
          ),
        )
      }
    }
  }
  return { suggestions, issues }
}
