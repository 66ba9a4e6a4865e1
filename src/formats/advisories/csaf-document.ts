import {
  err,
  ok,
  CSAF_PRODUCT_STATUSES,
  type Advisory,
  type CsafProductStatus,
  type DocumentPath,
  type Issue,
  type Result,
  type SeverityScore,
} from '../../core/index.js'
import {
  flattenProductTree,
  type CsafBranch,
  type CsafFullProductName,
  type CsafProductTree,
  type CsafRelationship,
  type CsafVulnerabilityStatus,
} from '../../core/vulnerabilities/csaf/index.js'

/**
 * A CSAF 2.0 document (https://docs.oasis-open.org/csaf/csaf/v2.0/) → the shared `Advisory`:
 * id = `document.tracking.id`; aliases = the tracking aliases and every vulnerability's CVE and
 * ids; severity = every CVSS vector of the scores (CSAF 2.1 metrics too), scored by the
 * publisher; products = the product tree flattened, each with its status per vulnerability.
 *
 * Withdrawal: CSAF 2.0 has none (tracking.status is draft, interim or final). CSAF 2.1 added the
 * document categories `csaf_withdrawn` and `csaf_superseded`; a document of either category is
 * kept with `withdrawn` = its `current_release_date`, so it matches nothing (the superseding
 * document carries the current data). Producers of 2.0 may name categories freely, so the two
 * names are unambiguous there too. A draft is not withdrawn.
 */
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

const WITHDRAWING_CATEGORIES = new Set(['csaf_withdrawn', 'csaf_superseded'])

type Problem = (path: DocumentPath, code: string, message: string) => void

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const issueAt = (path: DocumentPath, code: string, message: string, source?: string): Issue => ({
  severity: 'error',
  code: `csaf/${code}`,
  message,
  path,
  ...(source === undefined ? {} : { source }),
})

export const parseCsafJson = (
  text: string,
  source?: string,
  limits: CsafReadLimits = CSAF_READ_LIMITS,
): Result<Advisory, readonly Issue[]> => {
  if (text.length > limits.maxTextLength) {
    const message = `the text is longer than ${String(limits.maxTextLength)} characters`
    return err([issueAt([], 'too-large', message, source)])
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    const message = `not JSON: ${error instanceof Error ? error.message : String(error)}`
    return err([issueAt([], 'not-json', message, source)])
  }
  return csafDocumentToAdvisory(json, source, limits)
}

interface Reader {
  readonly problem: Problem
  readonly limits: CsafReadLimits
  products: number
}

const text = (value: unknown, path: DocumentPath, reader: Reader): string | undefined => {
  if (typeof value === 'string' && value.trim() !== '') return value
  reader.problem(path, 'not-a-string', `'${String(path.at(-1))}' must be a non-empty string`)
  return undefined
}

const optionalText = (value: unknown, path: DocumentPath, reader: Reader): string | undefined =>
  value === undefined ? undefined : text(value, path, reader)

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i

const instant = (value: unknown, path: DocumentPath, reader: Reader): string | undefined => {
  if (typeof value === 'string' && TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value))) {
    return value
  }
  reader.problem(path, 'bad-timestamp', `'${String(path.at(-1))}' must be an RFC 3339 timestamp`)
  return undefined
}

const list = (value: unknown, path: DocumentPath, reader: Reader): readonly unknown[] => {
  if (value === undefined) return []
  if (Array.isArray(value)) return value as unknown[]
  reader.problem(path, 'not-a-list', `'${String(path.at(-1))}' must be a list`)
  return []
}

const strings = (value: unknown, path: DocumentPath, reader: Reader): string[] =>
  list(value, path, reader).flatMap((item, index) => {
    const found = text(item, [...path, index], reader)
    return found === undefined ? [] : [found]
  })

const countProduct = (path: DocumentPath, reader: Reader): boolean => {
  reader.products += 1
  if (reader.products === reader.limits.maxProducts + 1) {
    reader.problem(path, 'too-many', `more than ${String(reader.limits.maxProducts)} products`)
  }
  return reader.products <= reader.limits.maxProducts
}

const fullProductName = (
  value: unknown,
  path: DocumentPath,
  reader: Reader,
): CsafFullProductName | undefined => {
  if (!isRecord(value)) {
    reader.problem(path, 'not-an-object', 'a full product name is an object')
    return undefined
  }
  if (!countProduct(path, reader)) return undefined
  const name = text(value['name'], [...path, 'name'], reader)
  const productId = text(value['product_id'], [...path, 'product_id'], reader)
  const helperValue = value['product_identification_helper']
  const helperPath = [...path, 'product_identification_helper']
  if (helperValue !== undefined && !isRecord(helperValue)) {
    reader.problem(helperPath, 'not-an-object', 'product_identification_helper is an object')
  }
  const helper = isRecord(helperValue) ? helperValue : {}
  const cpe = optionalText(helper['cpe'], [...helperPath, 'cpe'], reader)
  const purl = optionalText(helper['purl'], [...helperPath, 'purl'], reader)
  const purls = strings(helper['purls'], [...helperPath, 'purls'], reader)
  const modelNumbers = strings(helper['model_numbers'], [...helperPath, 'model_numbers'], reader)
  if (name === undefined || productId === undefined) return undefined
  return {
    name,
    product_id: productId,
    product_identification_helper: {
      ...(cpe === undefined ? {} : { cpe }),
      ...(purl === undefined ? {} : { purl }),
      purls,
      model_numbers: modelNumbers,
    },
  }
}

const branches = (
  value: unknown,
  path: DocumentPath,
  reader: Reader,
  depth: number,
): CsafBranch[] => {
  if (depth > reader.limits.maxBranchDepth) {
    reader.problem(
      path,
      'too-deep',
      `branches nest deeper than ${String(reader.limits.maxBranchDepth)}`,
    )
    return []
  }
  return list(value, path, reader).flatMap((item, index) => {
    const here = [...path, index]
    if (!isRecord(item)) {
      reader.problem(here, 'not-an-object', 'a branch is an object')
      return []
    }
    const category = text(item['category'], [...here, 'category'], reader)
    const name = text(item['name'], [...here, 'name'], reader)
    const below = branches(item['branches'], [...here, 'branches'], reader, depth + 1)
    const product =
      item['product'] === undefined
        ? undefined
        : fullProductName(item['product'], [...here, 'product'], reader)
    if (category === undefined || name === undefined) return []
    return [{ category, name, branches: below, ...(product === undefined ? {} : { product }) }]
  })
}

const relationships = (value: unknown, path: DocumentPath, reader: Reader): CsafRelationship[] =>
  list(value, path, reader).flatMap((item, index) => {
    const here = [...path, index]
    if (!isRecord(item)) {
      reader.problem(here, 'not-an-object', 'a relationship is an object')
      return []
    }
    const category = text(item['category'], [...here, 'category'], reader)
    const productReference = text(item['product_reference'], [...here, 'product_reference'], reader)
    const relatesTo = text(
      item['relates_to_product_reference'],
      [...here, 'relates_to_product_reference'],
      reader,
    )
    const product = fullProductName(
      item['full_product_name'],
      [...here, 'full_product_name'],
      reader,
    )
    if (!category || !productReference || !relatesTo || !product) return []
    return [
      {
        category,
        product_reference: productReference,
        relates_to_product_reference: relatesTo,
        full_product_name: product,
      },
    ]
  })

const productTree = (value: unknown, reader: Reader): CsafProductTree => {
  if (value === undefined) return {}
  if (!isRecord(value)) {
    reader.problem(['product_tree'], 'not-an-object', 'product_tree is an object')
    return {}
  }
  return {
    branches: branches(value['branches'], ['product_tree', 'branches'], reader, 1),
    full_product_names: list(
      value['full_product_names'],
      ['product_tree', 'full_product_names'],
      reader,
    ).flatMap((item, index) => {
      const product = fullProductName(item, ['product_tree', 'full_product_names', index], reader)
      return product === undefined ? [] : [product]
    }),
    relationships: relationships(value['relationships'], ['product_tree', 'relationships'], reader),
  }
}

interface VulnerabilityFacts {
  readonly status: CsafVulnerabilityStatus
  readonly aliases: readonly string[]
  readonly vectors: readonly string[]
}

/** CVSS vectors of one `scores` entry (2.0) or `metrics[].content` (2.1), newest version first. */
const vectorsOf = (holder: unknown): string[] =>
  isRecord(holder)
    ? ['cvss_v4', 'cvss_v3', 'cvss_v2'].flatMap((key) => {
        const cvss = holder[key]
        return isRecord(cvss) && typeof cvss['vectorString'] === 'string'
          ? [cvss['vectorString']]
          : []
      })
    : []

const vulnerability = (value: unknown, index: number, reader: Reader): VulnerabilityFacts => {
  const path = ['vulnerabilities', index]
  if (!isRecord(value)) {
    reader.problem(path, 'not-an-object', 'a vulnerability is an object')
    return { status: { key: `vulnerabilities[${String(index)}]` }, aliases: [], vectors: [] }
  }
  const cve = optionalText(value['cve'], [...path, 'cve'], reader)
  const ids = list(value['ids'], [...path, 'ids'], reader).flatMap((id, i) => {
    const found = isRecord(id) ? text(id['text'], [...path, 'ids', i, 'text'], reader) : undefined
    return found === undefined ? [] : [found]
  })
  const statusValue = value['product_status']
  const productStatus: Partial<Record<CsafProductStatus, string[]>> = {}
  if (statusValue !== undefined && !isRecord(statusValue)) {
    reader.problem([...path, 'product_status'], 'not-an-object', 'product_status is an object')
  }
  for (const status of CSAF_PRODUCT_STATUSES) {
    const found = isRecord(statusValue)
      ? strings(statusValue[status], [...path, 'product_status', status], reader)
      : []
    if (found.length > 0) productStatus[status] = found
  }
  const vectors = [
    ...list(value['scores'], [...path, 'scores'], reader).flatMap(vectorsOf),
    ...list(value['metrics'], [...path, 'metrics'], reader).flatMap((metric) =>
      isRecord(metric) ? vectorsOf(metric['content']) : [],
    ),
  ]
  return {
    status: {
      key: cve ?? ids[0] ?? `vulnerabilities[${String(index)}]`,
      product_status: productStatus,
    },
    aliases: [...(cve === undefined ? [] : [cve]), ...ids],
    vectors,
  }
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)]

interface DocumentFacts {
  readonly id?: string
  readonly modified?: string
  readonly published?: string
  readonly aliases: readonly string[]
  readonly summary?: string
  readonly withdrawing: boolean
  readonly publisher?: string
}

const documentFacts = (document: Record<string, unknown>, reader: Reader): DocumentFacts => {
  const at = ['document', 'tracking']
  const tracking = isRecord(document['tracking']) ? document['tracking'] : {}
  if (!isRecord(document['tracking'])) reader.problem(at, 'not-an-object', 'tracking is required')
  const id = text(tracking['id'], [...at, 'id'], reader)
  const modified = instant(
    tracking['current_release_date'],
    [...at, 'current_release_date'],
    reader,
  )
  const published =
    tracking['initial_release_date'] === undefined
      ? undefined
      : instant(tracking['initial_release_date'], [...at, 'initial_release_date'], reader)
  const summary = optionalText(document['title'], ['document', 'title'], reader)
  const publisher = isRecord(document['publisher']) ? document['publisher']['name'] : undefined
  const category = document['category']
  return {
    ...(id === undefined ? {} : { id }),
    ...(modified === undefined ? {} : { modified }),
    ...(published === undefined ? {} : { published }),
    aliases: strings(tracking['aliases'], [...at, 'aliases'], reader),
    ...(summary === undefined ? {} : { summary }),
    withdrawing: typeof category === 'string' && WITHDRAWING_CATEGORIES.has(category),
    ...(typeof publisher === 'string' ? { publisher } : {}),
  }
}

export const csafDocumentToAdvisory = (
  json: unknown,
  source?: string,
  limits: CsafReadLimits = CSAF_READ_LIMITS,
): Result<Advisory, readonly Issue[]> => {
  const issues: Issue[] = []
  const reader: Reader = {
    problem: (path, code, message) => issues.push(issueAt(path, code, message, source)),
    limits,
    products: 0,
  }
  if (!isRecord(json) || !isRecord(json['document'])) {
    reader.problem([], 'not-csaf', 'a CSAF document is an object with a document object')
    return err(issues)
  }
  const facts = documentFacts(json['document'], reader)
  const items = list(json['vulnerabilities'], ['vulnerabilities'], reader)
  if (items.length > limits.maxVulnerabilities) {
    const message = `more than ${String(limits.maxVulnerabilities)} vulnerabilities`
    reader.problem(['vulnerabilities'], 'too-many', message)
    return err(issues)
  }
  const vulnerabilities = items.map((item, index) => vulnerability(item, index, reader))
  const tree = productTree(json['product_tree'], reader)
  const { id, modified } = facts
  if (issues.length > 0 || id === undefined || modified === undefined) return err(issues)
  const scoredBy = facts.publisher === undefined ? {} : { source: facts.publisher }
  return ok({
    id,
    source: 'csaf',
    aliases: unique([...facts.aliases, ...vulnerabilities.flatMap((item) => item.aliases)]).filter(
      (alias) => alias !== id,
    ),
    modified,
    ...(facts.published === undefined ? {} : { published: facts.published }),
    ...(facts.withdrawing ? { withdrawn: modified } : {}),
    ...(facts.summary === undefined ? {} : { summary: facts.summary }),
    severity: unique(vulnerabilities.flatMap((item) => item.vectors)).map(
      (vector): SeverityScore => ({ vector, ...scoredBy }),
    ),
    affected: [],
    configurations: [],
    products: flattenProductTree(
      tree,
      vulnerabilities.map((item) => item.status),
    ),
  })
}
