import { err, ok, type Result } from '../result.js'

export const CVSS_VERSIONS = ['2.0', '3.0', '3.1', '4.0'] as const
export type CvssVersion = (typeof CVSS_VERSIONS)[number]

export type CvssErrorCode =
  | 'cvss/empty-vector'
  | 'cvss/unknown-version'
  | 'cvss/malformed-metric'
  | 'cvss/unknown-metric'
  | 'cvss/invalid-value'
  | 'cvss/duplicate-metric'
  | 'cvss/missing-metric'

export interface CvssError {
  readonly code: CvssErrorCode
  /** Names the offending metric (or part) so a user can fix the vector. */
  readonly message: string
  readonly metric?: string
}

type MetricGroup = 'base' | 'temporal' | 'environmental' | 'supplemental'

interface MetricTable {
  readonly [metric: string]: { readonly group: MetricGroup; readonly values: readonly string[] }
}

const table = (group: MetricGroup, entries: Record<string, string>): MetricTable =>
  Object.fromEntries(
    Object.entries(entries).map(([metric, values]) => [
      metric,
      { group, values: values.split(' ') },
    ]),
  )

// Allowed values per the FIRST specifications (v2 guide §3, v3.1 spec §2-4, v4.0 spec §2-4).
// `ND` (v2) and `X` (v3, v4) mean "not defined" and are accepted for every optional metric.
const V2: MetricTable = {
  ...table('base', { AV: 'L A N', AC: 'H M L', Au: 'M S N', C: 'N P C', I: 'N P C', A: 'N P C' }),
  ...table('temporal', { E: 'U POC F H ND', RL: 'OF TF W U ND', RC: 'UC UR C ND' }),
  ...table('environmental', {
    CDP: 'N L LM MH H ND',
    TD: 'N L M H ND',
    CR: 'L M H ND',
    IR: 'L M H ND',
    AR: 'L M H ND',
  }),
}

const V3: MetricTable = {
  ...table('base', {
    AV: 'N A L P',
    AC: 'L H',
    PR: 'N L H',
    UI: 'N R',
    S: 'U C',
    C: 'H L N',
    I: 'H L N',
    A: 'H L N',
  }),
  ...table('temporal', { E: 'X H F P U', RL: 'X U W T O', RC: 'X C R U' }),
  ...table('environmental', {
    CR: 'X H M L',
    IR: 'X H M L',
    AR: 'X H M L',
    MAV: 'X N A L P',
    MAC: 'X L H',
    MPR: 'X N L H',
    MUI: 'X N R',
    MS: 'X U C',
    MC: 'X H L N',
    MI: 'X H L N',
    MA: 'X H L N',
  }),
}

// v4.0 calls the temporal group "threat"; we keep one group name across versions.
const V4: MetricTable = {
  ...table('base', {
    AV: 'N A L P',
    AC: 'L H',
    AT: 'N P',
    PR: 'N L H',
    UI: 'N P A',
    VC: 'H L N',
    VI: 'H L N',
    VA: 'H L N',
    SC: 'H L N',
    SI: 'H L N',
    SA: 'H L N',
  }),
  ...table('temporal', { E: 'X A P U' }),
  ...table('environmental', {
    CR: 'X H M L',
    IR: 'X H M L',
    AR: 'X H M L',
    MAV: 'X N A L P',
    MAC: 'X L H',
    MAT: 'X N P',
    MPR: 'X N L H',
    MUI: 'X N P A',
    MVC: 'X H L N',
    MVI: 'X H L N',
    MVA: 'X H L N',
    MSC: 'X H L N',
    MSI: 'X S H L N',
    MSA: 'X S H L N',
  }),
  // Supplemental metrics carry information only; they never change the score.
  ...table('supplemental', {
    S: 'X N P',
    AU: 'X N Y',
    R: 'X A U I',
    V: 'X D C',
    RE: 'X L M H',
    U: 'X Clear Green Amber Red',
  }),
}

const TABLES: Record<CvssVersion, MetricTable> = { '2.0': V2, '3.0': V3, '3.1': V3, '4.0': V4 }

export interface ParsedCvss {
  readonly version: CvssVersion
  /** Metric → value as written, including explicit "not defined" values. */
  readonly metrics: ReadonlyMap<string, string>
  /** Whether any temporal/threat metric has a value other than "not defined". */
  readonly hasTemporal: boolean
  /** Whether any environmental metric has a value other than "not defined". */
  readonly hasEnvironmental: boolean
}

const failure = (code: CvssErrorCode, message: string, metric?: string): Result<never, CvssError> =>
  err(metric === undefined ? { code, message } : { code, message, metric })

const splitVersion = (
  vector: string,
): Result<{ version: CvssVersion; body: string }, CvssError> => {
  // v2 vectors are usually written without a prefix (NVD, Red Hat); accept `CVSS:2.0/` too.
  if (!vector.startsWith('CVSS:')) return ok({ version: '2.0', body: vector })
  const slash = vector.indexOf('/')
  const prefix = slash < 0 ? vector : vector.slice(0, slash)
  const version = CVSS_VERSIONS.find((candidate) => prefix === `CVSS:${candidate}`)
  if (version === undefined) {
    return failure(
      'cvss/unknown-version',
      `unknown CVSS version prefix '${prefix}'; expected CVSS:3.0, CVSS:3.1, CVSS:4.0 or a v2 vector without prefix`,
    )
  }
  return ok({ version, body: slash < 0 ? '' : vector.slice(slash + 1) })
}

const isNotDefined = (value: string): boolean => value === 'X' || value === 'ND'

/** Checks a vector against its version's metric table; the error names the offending metric. */
export const parseCvss = (input: string): Result<ParsedCvss, CvssError> => {
  const vector = input.trim()
  if (vector === '') return failure('cvss/empty-vector', 'empty CVSS vector')
  const split = splitVersion(vector)
  if (!split.ok) return split
  const { version, body } = split.value
  const known = TABLES[version]
  const metrics = new Map<string, string>()
  for (const part of body === '' ? [] : body.split('/')) {
    const [metric, value, ...rest] = part.split(':')
    if (metric === undefined || metric === '' || value === undefined || rest.length > 0) {
      return failure('cvss/malformed-metric', `'${part}' is not METRIC:VALUE in CVSS ${version}`)
    }
    const definition = known[metric]
    if (definition === undefined) {
      return failure('cvss/unknown-metric', `unknown metric ${metric} in CVSS ${version}`, metric)
    }
    if (!definition.values.includes(value)) {
      return failure(
        'cvss/invalid-value',
        `metric ${metric} has no value '${value}' in CVSS ${version}; allowed: ${definition.values.join(', ')}`,
        metric,
      )
    }
    if (metrics.has(metric)) {
      return failure('cvss/duplicate-metric', `metric ${metric} appears twice`, metric)
    }
    metrics.set(metric, value)
  }
  const missing = Object.keys(known).find(
    (metric) => known[metric]?.group === 'base' && !metrics.has(metric),
  )
  if (missing !== undefined) {
    return failure(
      'cvss/missing-metric',
      `missing base metric ${missing} in CVSS ${version}`,
      missing,
    )
  }
  const defines = (group: MetricGroup): boolean =>
    [...metrics].some(([metric, value]) => known[metric]?.group === group && !isNotDefined(value))
  return ok({
    version,
    metrics,
    hasTemporal: defines('temporal'),
    hasEnvironmental: defines('environmental'),
  })
}
