import {
  flattenProductTree,
  formatPath,
  type Component,
  type FindingAssessment,
} from '../../core/index.js'
import { CSAF_FLAG_LABELS, type CsafFlagLabel } from '../../core/vex/index.js'
import { CSAF_READ_LIMITS, readCsafProductTree } from '../advisories/index.js'
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
  type VexIssue,
} from './suggestion.js'

type Response = NonNullable<FindingAssessment['response']>[number]

const STATUS: Readonly<Record<string, FindingAssessment['status']>> = {
  known_not_affected: 'not_affected',
  known_affected: 'affected',
  first_affected: 'affected',
  last_affected: 'affected',
  fixed: 'fixed',
  first_fixed: 'fixed',
  under_investigation: 'under_investigation',
}

const RESPONSE: Readonly<Record<string, Response>> = {
  vendor_fix: 'update',
  workaround: 'workaround_available',
  mitigation: 'workaround_available',
  no_fix_planned: 'will_not_fix',
  none_available: 'can_not_fix',
}

const keyOf = (vulnerability: Json): string | undefined =>
  asString(vulnerability['cve']) ?? asString(asObjects(vulnerability['ids'])[0]?.['text'])

const namesProduct = (
  item: Json,
  productId: string,
  groups: ReadonlyMap<string, string[]>,
): boolean =>
  (Array.isArray(item['product_ids']) && item['product_ids'].includes(productId)) ||
  (Array.isArray(item['group_ids']) &&
    item['group_ids'].some(
      (id) => typeof id === 'string' && (groups.get(id) ?? []).includes(productId),
    ))

/** The flag, impact and remediations a CSAF VEX gives one product for one vulnerability. */
const assessmentOf = (
  vulnerability: Json,
  productId: string,
  status: FindingAssessment['status'],
  groups: ReadonlyMap<string, string[]>,
) => {
  const label = asObjects(vulnerability['flags']).find((flag) =>
    namesProduct(flag, productId, groups),
  )?.['label']
  const threats = asObjects(vulnerability['threats']).filter(
    (threat) => threat['category'] === 'impact' && namesProduct(threat, productId, groups),
  )
  const remediations = asObjects(vulnerability['remediations']).filter((item) =>
    namesProduct(item, productId, groups),
  )
  const responses = [
    ...new Set(
      remediations.flatMap((item) => {
        const response = RESPONSE[String(item['category'])]
        return response === undefined ? [] : [response]
      }),
    ),
  ]
  const texts = (status === 'not_affected' ? threats : status === 'affected' ? remediations : [])
    .map((item) => asString(item['details']))
    .filter((text): text is string => text !== undefined)
  return {
    status,
    ...(status === 'not_affected' && (CSAF_FLAG_LABELS as readonly unknown[]).includes(label)
      ? { justification: label as CsafFlagLabel }
      : {}),
    ...(status === 'affected' && responses.length > 0 ? { response: responses } : {}),
    ...(texts.length === 0 ? {} : { detail: [...new Set(texts)].join(' ') }),
  }
}

/** Suggestions from a CSAF 2.0 document's product statuses, flags, threats and remediations. */
export const csafSuggestions = (
  document: Json,
  file: string,
  components: readonly Component[],
): { suggestions: SuggestedAssessment[]; issues: VexIssue[] } => {
  const suggestions: SuggestedAssessment[] = []
  const issues: VexIssue[] = []
  // The advisory reader's product tree: the same checks, limits and problems, as warnings here.
  const tree = readCsafProductTree(document['product_tree'], {
    problem: (at, code, message) => issues.push(vexIssue(file, at, `vex/${code}`, message)),
    limits: CSAF_READ_LIMITS,
    products: 0,
  })
  const products = new Map(
    flattenProductTree(tree, []).map((product) => [product.productId, product]),
  )
  const groups = new Map(
    asObjects(asObject(document['product_tree'])?.['product_groups']).map((group) => [
      String(group['group_id']),
      (Array.isArray(group['product_ids']) ? group['product_ids'] : []).map(String),
    ]),
  )
  const vulnerabilities = objectEntries(document['vulnerabilities'], ['vulnerabilities'], (at) =>
    issues.push(notAnObject(file, at, 'a vulnerability')),
  )
  for (const [vulnerability, at] of vulnerabilities) {
    const id = keyOf(vulnerability)
    if (id === undefined) {
      issues.push(
        vexIssue(file, at, 'vex/no-vulnerability-id', 'a vulnerability has neither cve nor ids'),
      )
      continue
    }
    for (const [key, ids] of Object.entries(asObject(vulnerability['product_status']) ?? {})) {
      const status = STATUS[key]
      if (status === undefined || !Array.isArray(ids)) continue
      ids.forEach((productId, position) => {
        const statusAt = [...at, 'product_status', key, position]
        const product = products.get(String(productId))
        const matched =
          product === undefined
            ? []
            : matchComponents(
                {
                  name: product.productName ?? product.name,
                  ...(product.version === undefined ? {} : { version: product.version }),
                  ...(product.versionRange === undefined ? {} : { range: product.versionRange }),
                  ...(product.purl === undefined ? {} : { purl: product.purl }),
                  ...(product.cpe === undefined ? {} : { cpe: product.cpe }),
                },
                components,
              )
        const assessment = assessmentOf(vulnerability, String(productId), status, groups)
        for (const component of matched) {
          suggestions.push({
            finding: `${id}@${component.id}`,
            ...assessment,
            'x-source': `${file}#${formatPath(statusAt)}`,
          })
        }
        if (matched.length === 0) {
          issues.push(
            vexIssue(
              file,
              statusAt,
              'vex/unknown-product',
              `${id}: '${product?.name ?? String(productId)}' matches no component of the model`,
            ),
          )
        }
      })
    }
  }
  return { suggestions, issues }
}
