import {
  err,
  ok,
  type Advisory,
  type AffectedPackage,
  type DocumentPath,
  type Issue,
  type OsvEvent,
  type OsvRange,
  type Result,
  type SeverityScore,
} from '../../core/index.js'

/**
 * One OSV record (https://ossf.github.io/osv-schema/) → the shared `Advisory`. Only what
 * matching needs is kept (prose stays in the source); withdrawn records are kept with
 * `withdrawn` set, so a later sync can tell "withdrawn" from "never seen". Every problem is an
 * issue at the JSON path of the offending field, under codes `osv/...`.
 */
export const osvRecordToAdvisory = (
  json: unknown,
  source?: string,
): Result<Advisory, readonly Issue[]> => {
  const issues: Issue[] = []
  const problem: Problem = (path, code, message) => {
    issues.push({
      severity: 'error',
      code: `osv/${code}`,
      message,
      path,
      ...(source === undefined ? {} : { source }),
    })
  }
  if (!isRecord(json)) {
    problem([], 'not-an-object', 'an OSV record is a JSON object')
    return err(issues)
  }
  const id = requiredString(json, 'id', problem)
  const modified = requiredInstant(json, 'modified', problem)
  const published = optionalInstant(json, 'published', problem)
  const withdrawn = optionalInstant(json, 'withdrawn', problem)
  const summary = optionalString(json, 'summary', problem)
  const aliases = stringList(json['aliases'], ['aliases'], problem)
  const affected = affectedPackages(json['affected'], problem)
  const severity = dedupeScores([
    ...scores(json['severity'], ['severity'], problem),
    ...affectedScores(json['affected'], problem),
  ])
  if (issues.length > 0 || id === undefined || modified === undefined) return err(issues)
  return ok({
    id,
    source: 'osv',
    aliases,
    modified,
    ...(published === undefined ? {} : { published }),
    ...(withdrawn === undefined ? {} : { withdrawn }),
    ...(summary === undefined ? {} : { summary }),
    severity,
    affected,
    configurations: [],
    products: [],
  })
}

type Problem = (path: DocumentPath, code: string, message: string) => void

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const requiredString = (
  json: Record<string, unknown>,
  key: string,
  problem: Problem,
): string | undefined => {
  const value = json[key]
  if (typeof value === 'string' && value.trim() !== '') return value
  if (value === undefined) problem([key], 'missing-field', `'${key}' is required`)
  else problem([key], 'not-a-string', `'${key}' must be a non-empty string`)
  return undefined
}

const optionalString = (
  json: Record<string, unknown>,
  key: string,
  problem: Problem,
): string | undefined => {
  const value = json[key]
  if (value === undefined || value === null || typeof value === 'string') return value ?? undefined
  problem([key], 'not-a-string', `'${key}' must be a string`)
  return undefined
}

/** RFC 3339 as OSV requires: a date, a time and a zone (`Z` or an offset). */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i

const checkInstant = (value: string, key: string, problem: Problem): string | undefined => {
  if (RFC3339.test(value) && !Number.isNaN(Date.parse(value))) return value
  problem([key], 'bad-timestamp', `'${key}' is not an RFC 3339 timestamp: '${value}'`)
  return undefined
}

const requiredInstant = (json: Record<string, unknown>, key: string, problem: Problem) => {
  const value = requiredString(json, key, problem)
  return value === undefined ? undefined : checkInstant(value, key, problem)
}

const optionalInstant = (json: Record<string, unknown>, key: string, problem: Problem) => {
  const value = optionalString(json, key, problem)
  return value === undefined ? undefined : checkInstant(value, key, problem)
}

const stringList = (value: unknown, path: DocumentPath, problem: Problem): string[] => {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value)) {
    problem(path, 'not-a-list', 'must be a list of strings')
    return []
  }
  const strings: string[] = []
  value.forEach((item: unknown, index) => {
    if (typeof item === 'string') strings.push(item)
    else problem([...path, index], 'not-a-string', 'must be a string')
  })
  return strings
}

const list = (value: unknown, path: DocumentPath, problem: Problem): readonly unknown[] => {
  if (value === undefined || value === null) return []
  if (Array.isArray(value)) return value as unknown[]
  problem(path, 'not-a-list', 'must be a list')
  return []
}

/** The CVSS severity types of the schema; others (e.g. `Ubuntu` priorities) are not vectors. */
const CVSS_TYPES = new Set(['CVSS_V2', 'CVSS_V3', 'CVSS_V4'])

const scores = (value: unknown, path: DocumentPath, problem: Problem): SeverityScore[] =>
  list(value, path, problem).flatMap((item, index) => {
    if (!isRecord(item) || typeof item['type'] !== 'string' || typeof item['score'] !== 'string') {
      problem([...path, index], 'bad-severity', "a severity has a string 'type' and 'score'")
      return []
    }
    return CVSS_TYPES.has(item['type']) ? [{ vector: item['score'] }] : []
  })

const affectedScores = (value: unknown, problem: Problem): SeverityScore[] =>
  Array.isArray(value)
    ? value.flatMap((entry: unknown, index) =>
        isRecord(entry) ? scores(entry['severity'], ['affected', index, 'severity'], problem) : [],
      )
    : []

const dedupeScores = (all: readonly SeverityScore[]): SeverityScore[] => {
  const seen = new Set<string>()
  return all.filter((score) => !seen.has(score.vector) && seen.add(score.vector))
}

const affectedPackages = (value: unknown, problem: Problem): AffectedPackage[] =>
  list(value, ['affected'], problem).flatMap((entry, index) => {
    const path = ['affected', index]
    if (!isRecord(entry)) {
      problem(path, 'not-an-object', 'an affected entry is an object')
      return []
    }
    // An entry without a package names only a repository (GIT ranges): nothing to match by name.
    if (entry['package'] === undefined) return []
    const pkg = entry['package']
    if (!isRecord(pkg)) {
      problem([...path, 'package'], 'not-an-object', 'package is an object')
      return []
    }
    const ecosystem = requiredString(pkg, 'ecosystem', prefixed(problem, [...path, 'package']))
    const name = requiredString(pkg, 'name', prefixed(problem, [...path, 'package']))
    const purl = optionalString(pkg, 'purl', prefixed(problem, [...path, 'package']))
    const ranges = list(entry['ranges'], [...path, 'ranges'], problem).flatMap((range, r) => {
      const parsed = osvRange(range, [...path, 'ranges', r], problem)
      return parsed === undefined ? [] : [parsed]
    })
    const versions = stringList(entry['versions'], [...path, 'versions'], problem)
    if (ecosystem === undefined || name === undefined) return []
    return [{ ecosystem, name, ...(purl === undefined ? {} : { purl }), ranges, versions }]
  })

const prefixed =
  (problem: Problem, prefix: DocumentPath): Problem =>
  (path, code, message) => {
    problem([...prefix, ...path], code, message)
  }

const RANGE_TYPES = new Set<OsvRange['type']>(['SEMVER', 'ECOSYSTEM', 'GIT'])
const EVENT_KEYS = new Set(['introduced', 'fixed', 'last_affected', 'limit'])

const osvRange = (value: unknown, path: DocumentPath, problem: Problem): OsvRange | undefined => {
  if (!isRecord(value)) {
    problem(path, 'not-an-object', 'a range is an object')
    return undefined
  }
  const type = value['type']
  if (typeof type !== 'string' || !RANGE_TYPES.has(type as OsvRange['type'])) {
    problem(
      [...path, 'type'],
      'bad-range-type',
      `range type must be SEMVER, ECOSYSTEM or GIT, not ${type === undefined ? 'nothing' : JSON.stringify(type)}`,
    )
    return undefined
  }
  const events = list(value['events'], [...path, 'events'], problem).flatMap((event, index) => {
    const parsed = osvEvent(event, [...path, 'events', index], problem)
    return parsed === undefined ? [] : [parsed]
  })
  return { type: type as OsvRange['type'], events }
}

const osvEvent = (value: unknown, path: DocumentPath, problem: Problem): OsvEvent | undefined => {
  const entries = isRecord(value) ? Object.entries(value) : []
  const [only] = entries
  if (entries.length !== 1 || only === undefined || !EVENT_KEYS.has(only[0])) {
    problem(
      path,
      'bad-event',
      'an event has exactly one of introduced, fixed, last_affected or limit',
    )
    return undefined
  }
  const [key, version] = only
  if (typeof version !== 'string') {
    problem([...path, key], 'not-a-string', 'a version is a string')
    return undefined
  }
  return { [key]: version } as unknown as OsvEvent
}
