import {
  err,
  ok,
  type Advisory,
  type CpeConfiguration,
  type CpeMatchCriterion,
  type CpeNode,
  type DocumentPath,
  type Issue,
  type Result,
  type SeverityScore,
} from '../../core/index.js'
import { parseCpe } from '../../core/vulnerabilities/cpe/index.js'

/**
 * NVD CVE API 2.0 (https://nvd.nist.gov/developers/vulnerabilities) → the shared `Advisory`.
 * Fields the 2023 schema does not know (`cveTags`, `cvssMetricV40`, `ssvc…`) are ignored, not
 * refused; a record that breaks what matching relies on is refused with issues at JSON paths
 * under codes `nvd/…`, and the other records of the page still convert.
 */
export interface NvdReadLimits {
  /** Characters of JSON text; an API page of 2,000 CVEs is tens of MB. */
  readonly maxTextLength: number
  readonly maxRecords: number
  /** `cpeMatch` entries in one record (Log4Shell has 408). */
  readonly maxCriteria: number
}

export const NVD_READ_LIMITS: NvdReadLimits = {
  maxTextLength: 200_000_000,
  maxRecords: 10_000,
  maxCriteria: 50_000,
}

export interface AdvisoryReading {
  readonly advisories: readonly Advisory[]
  /** Why a record or the whole input was refused; the advisories are the records that were not. */
  readonly issues: readonly Issue[]
}

type Problem = (path: DocumentPath, code: string, message: string) => void

const issueAt = (path: DocumentPath, code: string, message: string, source?: string): Issue => ({
  severity: 'error',
  code: `nvd/${code}`,
  message,
  path,
  ...(source === undefined ? {} : { source }),
})

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** JSON text of an API response, one `{cve}` item or one CVE object. */
export const parseNvdJson = (
  text: string,
  source?: string,
  limits: NvdReadLimits = NVD_READ_LIMITS,
): AdvisoryReading => {
  if (text.length > limits.maxTextLength) {
    const message = `the text is longer than ${String(limits.maxTextLength)} characters`
    return { advisories: [], issues: [issueAt([], 'too-large', message, source)] }
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    const message = `not JSON: ${error instanceof Error ? error.message : String(error)}`
    return { advisories: [], issues: [issueAt([], 'not-json', message, source)] }
  }
  return nvdRecordsToAdvisories(json, source, limits)
}

/**
 * An API 2.0 response (`{"vulnerabilities": [{"cve": …}]}`), one item (`{"cve": …}`, as
 * Dependency-Track's fixtures hold it) or one bare CVE object (as the fkie-cad mirror does).
 */
export const nvdRecordsToAdvisories = (
  json: unknown,
  source?: string,
  limits: NvdReadLimits = NVD_READ_LIMITS,
): AdvisoryReading => {
  const fail = (path: DocumentPath, code: string, message: string): AdvisoryReading => ({
    advisories: [],
    issues: [issueAt(path, code, message, source)],
  })
  if (!isRecord(json)) return fail([], 'unknown-shape', 'an NVD response is a JSON object')
  const items = json['vulnerabilities']
  if (Array.isArray(items)) {
    if (items.length > limits.maxRecords) {
      return fail(['vulnerabilities'], 'too-many', `more than ${String(limits.maxRecords)} CVEs`)
    }
    return collect(
      items.map((item: unknown, index) =>
        isRecord(item) && isRecord(item['cve'])
          ? nvdCveToAdvisory(item['cve'], source, ['vulnerabilities', index, 'cve'], limits)
          : err([
              issueAt(['vulnerabilities', index], 'bad-item', 'an item is {"cve": {…}}', source),
            ]),
      ),
    )
  }
  if (isRecord(json['cve']))
    return collect([nvdCveToAdvisory(json['cve'], source, ['cve'], limits)])
  if (typeof json['id'] === 'string') return collect([nvdCveToAdvisory(json, source, [], limits)])
  return fail(
    [],
    'unknown-shape',
    'expected an NVD CVE API 2.0 response {"vulnerabilities": [{"cve": …}]}, one {"cve": …} item or one CVE object',
  )
}

const collect = (results: readonly Result<Advisory, readonly Issue[]>[]): AdvisoryReading => ({
  advisories: results.flatMap((result) => (result.ok ? [result.value] : [])),
  issues: results.flatMap((result) => (result.ok ? [] : result.error)),
})

const CVE_ID = /^CVE-\d{4}-\d{4,}$/

/**
 * One NVD CVE object. `modified` is `lastModified`; a `Rejected` record (NVD's word for a
 * withdrawn CVE) is kept with `withdrawn` set to its `lastModified`, so it matches nothing but a
 * sync can tell it from one never seen. NVD's timestamps carry no zone and are UTC: a `Z` is added.
 */
export const nvdCveToAdvisory = (
  cve: unknown,
  source?: string,
  at: DocumentPath = [],
  limits: NvdReadLimits = NVD_READ_LIMITS,
): Result<Advisory, readonly Issue[]> => {
  const issues: Issue[] = []
  const problem: Problem = (path, code, message) => {
    issues.push(issueAt([...at, ...path], code, message, source))
    return undefined
  }
  if (!isRecord(cve)) {
    problem([], 'not-an-object', 'a CVE is a JSON object')
    return err(issues)
  }
  const id = typeof cve['id'] === 'string' && CVE_ID.test(cve['id']) ? cve['id'] : undefined
  if (id === undefined) problem(['id'], 'bad-id', `'id' must be a CVE id such as CVE-2014-0160`)
  const modified = instant(cve['lastModified'], ['lastModified'], problem, true)
  const published = instant(cve['published'], ['published'], problem, false)
  const summary = englishDescription(cve['descriptions'])
  const severity = metrics(cve['metrics'], problem)
  const configurations = cpeConfigurations(cve['configurations'], problem, limits)
  if (issues.length > 0 || id === undefined || modified === undefined) return err(issues)
  return ok({
    id,
    source: 'nvd',
    aliases: [],
    modified,
    ...(published === undefined ? {} : { published }),
    ...(cve['vulnStatus'] === 'Rejected' ? { withdrawn: modified } : {}),
    ...(summary === undefined ? {} : { summary }),
    severity,
    affected: [],
    configurations,
    products: [],
  })
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/

const instant = (
  value: unknown,
  path: DocumentPath,
  problem: Problem,
  required: boolean,
): string | undefined => {
  if (value === undefined && !required) return undefined
  const zoned =
    typeof value !== 'string' || !TIMESTAMP.test(value)
      ? undefined
      : /(Z|[+-]\d{2}:\d{2})$/.test(value)
        ? value
        : `${value}Z`
  if (zoned === undefined || Number.isNaN(Date.parse(zoned))) {
    problem(path, 'bad-timestamp', `'${String(path[0])}' must be a timestamp`)
    return undefined
  }
  return zoned
}

const englishDescription = (value: unknown): string | undefined => {
  if (!Array.isArray(value)) return undefined
  const english = value.find((item: unknown) => isRecord(item) && item['lang'] === 'en') as unknown
  return isRecord(english) && typeof english['value'] === 'string' ? english['value'] : undefined
}

/** Newest CVSS version first: a consumer taking the first score gets the most current scheme. */
const METRIC_KEYS = ['cvssMetricV40', 'cvssMetricV31', 'cvssMetricV30', 'cvssMetricV2'] as const

const NVD_SOURCE = 'nvd@nist.gov'

/**
 * Every CVSS vector of the record, newest CVSS version first; within a version the Primary score
 * first, then NVD's own (records re-analysed since 2024 mark NVD's score Secondary beside the
 * CNA's, e.g. CVE-2020-1472), then the others in record order; a vector from one source once.
 */
const metrics = (value: unknown, problem: Problem): SeverityScore[] => {
  if (value === undefined) return []
  if (!isRecord(value)) {
    problem(['metrics'], 'not-an-object', "'metrics' is an object")
    return []
  }
  const seen = new Set<string>()
  return METRIC_KEYS.flatMap((key) => {
    const list = value[key]
    if (list === undefined) return []
    if (!Array.isArray(list)) {
      problem(['metrics', key], 'not-a-list', `'${key}' must be a list`)
      return []
    }
    return list
      .flatMap((metric: unknown, index) => {
        const score = metricScore(metric)
        if (score === undefined) {
          problem(['metrics', key, index], 'bad-metric', 'a metric has cvssData.vectorString')
          return []
        }
        return [score]
      })
      .sort((a, b) => rank(a) - rank(b))
      .map(({ score }) => score)
  }).filter((score) => {
    const key = `${score.vector}\u0000${score.source ?? ''}`
    return !seen.has(key) && Boolean(seen.add(key))
  })
}

interface RankedScore {
  readonly score: SeverityScore
  readonly primary: boolean
}

const rank = ({ score, primary }: RankedScore): number =>
  primary ? 0 : score.source === NVD_SOURCE ? 1 : 2

const metricScore = (metric: unknown): RankedScore | undefined => {
  const data = isRecord(metric) ? metric['cvssData'] : undefined
  const vector = isRecord(data) ? data['vectorString'] : undefined
  if (!isRecord(metric) || typeof vector !== 'string') return undefined
  const source = typeof metric['source'] === 'string' ? metric['source'] : undefined
  return {
    score: { vector, ...(source === undefined ? {} : { source }) },
    primary: metric['type'] === 'Primary',
  }
}

const operatorOf = (value: unknown): 'AND' | 'OR' | undefined =>
  value === 'AND' || value === 'OR' ? value : undefined

const cpeConfigurations = (
  value: unknown,
  problem: Problem,
  limits: NvdReadLimits,
): CpeConfiguration[] => {
  if (value === undefined) return []
  if (!Array.isArray(value)) {
    problem(['configurations'], 'not-a-list', "'configurations' must be a list")
    return []
  }
  const counted = (value as unknown[])
    .flatMap((item) =>
      isRecord(item) && Array.isArray(item['nodes']) ? (item['nodes'] as unknown[]) : [],
    )
    .reduce<number>(
      (sum, node) =>
        sum + (isRecord(node) && Array.isArray(node['cpeMatch']) ? node['cpeMatch'].length : 0),
      0,
    )
  if (counted > limits.maxCriteria) {
    problem(['configurations'], 'too-many', `more than ${String(limits.maxCriteria)} criteria`)
    return []
  }
  return value.flatMap((item: unknown, index) => {
    const parsed = configuration(item, ['configurations', index], problem)
    return parsed === undefined ? [] : [parsed]
  })
}

const configuration = (
  value: unknown,
  path: DocumentPath,
  problem: Problem,
): CpeConfiguration | undefined => {
  if (!isRecord(value) || !Array.isArray(value['nodes'])) {
    problem(path, 'bad-configuration', 'a configuration is an object with a nodes list')
    return undefined
  }
  // NVD omits the operator of a configuration with one node: its nodes are then alternatives.
  const operator = value['operator'] === undefined ? 'OR' : operatorOf(value['operator'])
  if (operator === undefined) {
    problem([...path, 'operator'], 'bad-operator', 'AND or OR')
    return undefined
  }
  const nodes = value['nodes'].map((node: unknown, index) =>
    cpeNode(node, [...path, 'nodes', index], problem),
  )
  if (nodes.some((node) => node === undefined)) return undefined
  return { operator, negate: value['negate'] === true, nodes: nodes as CpeNode[] }
}

const cpeNode = (value: unknown, path: DocumentPath, problem: Problem): CpeNode | undefined => {
  if (!isRecord(value) || !Array.isArray(value['cpeMatch'])) {
    problem(path, 'bad-node', 'a node is an object with a cpeMatch list')
    return undefined
  }
  const operator = operatorOf(value['operator'])
  if (operator === undefined) {
    problem([...path, 'operator'], 'bad-operator', 'AND or OR')
    return undefined
  }
  const cpeMatch = value['cpeMatch'].map((item: unknown, index) =>
    criterion(item, [...path, 'cpeMatch', index], problem),
  )
  if (cpeMatch.some((item) => item === undefined)) return undefined
  return { operator, negate: value['negate'] === true, cpeMatch: cpeMatch as CpeMatchCriterion[] }
}

const BOUNDS = [
  'versionStartIncluding',
  'versionStartExcluding',
  'versionEndIncluding',
  'versionEndExcluding',
] as const

const criterion = (
  value: unknown,
  path: DocumentPath,
  problem: Problem,
): CpeMatchCriterion | undefined => {
  if (!isRecord(value) || typeof value['vulnerable'] !== 'boolean') {
    problem(path, 'bad-criterion', 'a cpeMatch entry has a boolean vulnerable')
    return undefined
  }
  const criteria = value['criteria']
  if (typeof criteria !== 'string') {
    problem([...path, 'criteria'], 'bad-criterion', "'criteria' must be a CPE 2.3 string")
    return undefined
  }
  const parsed = parseCpe(criteria)
  if (!parsed.ok) {
    problem([...path, 'criteria'], 'bad-cpe', parsed.error)
    return undefined
  }
  const bounds: Partial<Record<(typeof BOUNDS)[number], string>> = {}
  for (const key of BOUNDS) {
    const bound = value[key]
    if (bound === undefined) continue
    if (typeof bound !== 'string' || bound === '') {
      problem([...path, key], 'bad-bound', `'${key}' must be a version string`)
      return undefined
    }
    bounds[key] = bound
  }
  return { vulnerable: value['vulnerable'], criteria, ...bounds }
}
