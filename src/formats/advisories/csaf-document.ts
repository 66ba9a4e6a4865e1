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
  type CsafVulnerabilityStatus,
} from '../../core/vulnerabilities/csaf/index.js'
import { readCsafProductTree } from './csaf-product-tree.js'
import {
  CSAF_READ_LIMITS,
  isRecord,
  list,
  optionalText,
  strings,
  text,
  type CsafReader,
  type CsafReadLimits,
} from './csaf-reader.js'

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
const WITHDRAWING_CATEGORIES = new Set(['csaf_withdrawn', 'csaf_superseded'])

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

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i

const instant = (value: unknown, path: DocumentPath, reader: CsafReader): string | undefined => {
  if (typeof value === 'string' && TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value))) {
    return value
  }
  reader.problem(path, 'bad-timestamp', `'${String(path.at(-1))}' must be an RFC 3339 timestamp`)
  return undefined
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

const vulnerability = (value: unknown, index: number, reader: CsafReader): VulnerabilityFacts => {
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

const documentFacts = (document: Record<string, unknown>, reader: CsafReader): DocumentFacts => {
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
  const reader: CsafReader = {
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
  const tree = readCsafProductTree(json['product_tree'], reader)
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
