import { Buffer } from 'node:buffer'

import { err, ok, type Result } from '../../core/index.js'
import {
  cachedPurlNormalizer,
  type SbomDocument,
  type SbomEncoding,
  type SbomStandard,
} from '../../core/sbom/index.js'
import type { FileReader } from '../files/file-reader.js'
import { placesOfPaths } from '../files/json-places.js'
import type { LocatedIssue } from '../located-issue.js'
import { readCycloneDxXml } from './cyclonedx-xml.js'
import { decodeSbomText } from './decode-sbom-text.js'
import {
  describeUnknownJson,
  detectJsonFormat,
  sniffText,
  type DetectedFormat,
} from './detect-sbom-format.js'
import { isRecord, type JsonRecord } from './json-access.js'
import { normalizeCycloneDx, type Normalized } from './normalize-cyclonedx.js'
import { normalizeSpdx2 } from './normalize-spdx2.js'
import { normalizeSpdx3 } from './normalize-spdx3.js'
import { parseJsonText } from './parse-json-text.js'
import { DEFAULT_SBOM_LIMITS, type SbomLimits } from './sbom-limits.js'
import { locateProblem, problem, type SbomProblem } from './sbom-problem.js'
import type { SbomSchemas } from './sbom-schemas.js'
import { parseSpdxTagValue } from './spdx-tag-value.js'
import { isCycloneDxVersion, type JsonSchemaName } from './vendored-schemas.js'

export interface SbomReport {
  readonly file: string
  readonly format?: SbomStandard
  readonly encoding?: SbomEncoding
  readonly specVersion?: string
  /** The file was read and is a supported format and version, so its content was checked. */
  readonly readable: boolean
  /** Errors and warnings: syntax, official schema, structure (duplicate refs), unusable purls. */
  readonly issues: readonly LocatedIssue[]
  /** The normalized SBOM, present when there are no errors. */
  readonly document?: SbomDocument
}

interface Outcome {
  readonly detected?: DetectedFormat
  readonly readable: boolean
  readonly problems: readonly SbomProblem[]
  readonly document?: SbomDocument
}

interface Context {
  readonly schemas: SbomSchemas
  readonly limits: SbomLimits
}

const unreadable = (found: SbomProblem, detected?: DetectedFormat): Outcome => ({
  readable: false,
  problems: [found],
  ...(detected === undefined ? {} : { detected }),
})

const unsupportedVersion = (detected: DetectedFormat, supported: string): Outcome =>
  unreadable(
    problem(
      'sbom/unsupported-version',
      `${detected.format === 'cyclonedx' ? 'CycloneDX' : 'SPDX'} ${detected.specVersion} is not supported; medcyber reads ${supported}`,
    ),
    detected,
  )

/** Checked and normalized: problems from the schema and from reading the structure, together. */
const finish = (
  detected: DetectedFormat,
  before: readonly SbomProblem[],
  normalized: Normalized,
): Outcome => {
  const problems = [...before, ...normalized.problems]
  const failed = problems.some((found) => found.severity === 'error')
  return {
    detected,
    readable: true,
    problems,
    ...(failed ? {} : { document: normalized.document }),
  }
}

const SPDX2_VERSIONS = ['2.2', '2.3']

/**
 * Problems found in the parsed value know their JSON path only; each gets the line and column
 * where its value starts in the text (and its related place the line), found in one more scan
 * of the text, made only when there are problems.
 */
const placedInText = (text: string, outcome: Outcome): Outcome => {
  const unplaced = (found: SbomProblem): boolean =>
    found.line === undefined && found.path.length > 0
  const paths = outcome.problems.flatMap((found) => [
    ...(unplaced(found) ? [found.path] : []),
    ...(found.related !== undefined && found.related.line === undefined
      ? [found.related.path]
      : []),
  ])
  if (paths.length === 0) return outcome
  const placeOf = placesOfPaths(text, paths)
  const problems = outcome.problems.map((found): SbomProblem => {
    const place = unplaced(found) ? placeOf(found.path) : undefined
    const related = found.related
    const relatedLine =
      related !== undefined && related.line === undefined ? placeOf(related.path)?.line : undefined
    return {
      ...found,
      ...place,
      ...(related === undefined || relatedLine === undefined
        ? {}
        : { related: { ...related, line: relatedLine } }),
    }
  })
  return { ...outcome, problems }
}

const readJson = async (text: string, context: Context): Promise<Outcome> =>
  placedInText(text, await checkJson(text, context))

const checkJson = async (text: string, context: Context): Promise<Outcome> => {
  const parsed = parseJsonText(text)
  if (!parsed.ok) return unreadable(parsed.error)
  const detected = detectJsonFormat(parsed.value)
  if (detected === undefined || !isRecord(parsed.value)) {
    return unreadable(
      problem(
        'sbom/unknown-format',
        `not an SBOM medcyber reads: ${describeUnknownJson(parsed.value)}`,
      ),
    )
  }
  const value = parsed.value
  const normalizePurl = cachedPurlNormalizer()
  const check = (name: JsonSchemaName) =>
    context.schemas.json.check(name, value, context.limits.maxIssues)
  if (detected.format === 'cyclonedx') {
    const version = detected.specVersion
    if (!isCycloneDxVersion(version)) return unsupportedVersion(detected, 'CycloneDX 1.2 to 1.7')
    const problems = await check(`cyclonedx-${version}`)
    return finish(detected, problems, normalizeCycloneDx(value, version, 'json', normalizePurl))
  }
  if (detected.encoding === 'json') {
    if (!SPDX2_VERSIONS.includes(detected.specVersion)) {
      return unsupportedVersion(detected, 'SPDX 2.2, 2.3 and 3.0.1')
    }
    const problems = await check('spdx-2.3')
    return finish(
      detected,
      problems,
      normalizeSpdx2(value, detected.specVersion, 'json', normalizePurl),
    )
  }
  if (detected.specVersion !== '3.0.1')
    return unsupportedVersion(detected, 'SPDX 2.2, 2.3 and 3.0.1')
  const problems = await check('spdx-3.0.1')
  return finish(detected, problems, normalizeSpdx3(value, detected.specVersion, normalizePurl))
}

const readXml = async (text: string, context: Context): Promise<Outcome> => {
  const parsed = readCycloneDxXml(text)
  if (!parsed.ok) return unreadable(parsed.error)
  const detected: DetectedFormat = {
    format: 'cyclonedx',
    encoding: 'xml',
    specVersion: parsed.value.version,
  }
  const version = detected.specVersion
  if (!isCycloneDxVersion(version)) return unsupportedVersion(detected, 'CycloneDX 1.2 to 1.7')
  const problems = await context.schemas.xsd.check(version, text, context.limits.maxIssues)
  const bom: JsonRecord = parsed.value.toJson()
  return finish(detected, problems, normalizeCycloneDx(bom, version, 'xml', cachedPurlNormalizer()))
}

const readTagValue = async (text: string, context: Context): Promise<Outcome> => {
  const parsed = parseSpdxTagValue(text)
  const stated = parsed.document['spdxVersion']
  const specVersion = typeof stated === 'string' ? stated.replace(/^SPDX-/, '') : ''
  const detected: DetectedFormat = { format: 'spdx', encoding: 'tag-value', specVersion }
  if (!SPDX2_VERSIONS.includes(specVersion))
    return unsupportedVersion(detected, 'SPDX 2.2 and 2.3 tag-value')
  const schema = await context.schemas.json.check(
    'spdx-2.3',
    parsed.document,
    context.limits.maxIssues,
  )
  const placed = schema.map((found) => {
    const line = found.line ?? parsed.lineOf(found.path)
    const related = found.related
    return {
      ...found,
      ...(line === undefined ? {} : { line }),
      ...(related === undefined
        ? {}
        : {
            related: { ...related, ...optionalLine(related.line ?? parsed.lineOf(related.path)) },
          }),
    }
  })
  return finish(
    detected,
    [...parsed.problems, ...placed],
    normalizeSpdx2(
      parsed.document,
      specVersion,
      'tag-value',
      cachedPurlNormalizer(),
      parsed.lineOf,
    ),
  )
}

const optionalLine = (line: number | undefined): { line?: number } =>
  line === undefined ? {} : { line }

const readText = (text: string, context: Context): Promise<Outcome> | Outcome => {
  switch (sniffText(text)) {
    case 'json':
      return readJson(text, context)
    case 'xml':
      return readXml(text, context)
    case 'tag-value':
      return readTagValue(text, context)
    case 'yaml':
      return unreadable(
        problem(
          'sbom/unsupported-encoding',
          'YAML SBOMs are not supported; convert the file to JSON',
        ),
      )
    case 'unknown':
      return unreadable(
        problem(
          'sbom/unknown-format',
          'not an SBOM medcyber reads: expected CycloneDX (JSON or XML) or SPDX (JSON, tag-value or SPDX 3 JSON-LD)',
        ),
      )
  }
}

/** Beyond `max` problems of one code the rest are repetition; say how many were left out. */
const capByCode = (problems: readonly SbomProblem[], max: number): SbomProblem[] => {
  const counts = new Map<string, number>()
  const kept: SbomProblem[] = []
  for (const found of problems) {
    const count = (counts.get(found.code) ?? 0) + 1
    counts.set(found.code, count)
    if (count <= max) kept.push(found)
  }
  for (const [code, count] of counts) {
    if (count > max) {
      kept.push({
        ...problem(
          'sbom/too-many-issues',
          `${String(count - max)} more '${code}' problems not shown`,
        ),
        severity: problems.find((found) => found.code === code)?.severity ?? 'error',
      })
    }
  }
  return kept
}

/**
 * Reads an SBOM of any supported kind from its bytes: detects the format from the content,
 * parses with limits (size; no XML DOCTYPE or entities), validates against the official schema,
 * normalizes, and checks what the schema cannot (unique refs). Never throws for bad input: every
 * problem is an issue placed at a line (when the parser gives one) or a JSON path.
 */
export const readSbomBytes = async (
  bytes: Uint8Array,
  file: string,
  schemas: SbomSchemas,
  limits: SbomLimits = DEFAULT_SBOM_LIMITS,
): Promise<SbomReport> => {
  if (bytes.length > limits.maxBytes) return report(file, tooLarge(bytes.length, limits), limits)
  const text = decodeSbomText(bytes)
  return text.ok
    ? readSbomText(text.value, file, schemas, limits)
    : report(file, unreadable(problem('sbom/not-text', text.error)), limits)
}

/**
 * `readSbomBytes` for a caller that already holds the file's text (a request body, an editor
 * buffer): the same checks and report, without decoding again. The size limit applies to the
 * text's UTF-8 length, as it would to the file.
 */
export const readSbomText = async (
  text: string,
  file: string,
  schemas: SbomSchemas,
  limits: SbomLimits = DEFAULT_SBOM_LIMITS,
): Promise<SbomReport> => {
  // Each UTF-16 unit is at most three UTF-8 bytes: only a text near the limit needs counting.
  const size = text.length * 3 > limits.maxBytes ? Buffer.byteLength(text, 'utf8') : text.length
  const outcome =
    size > limits.maxBytes ? tooLarge(size, limits) : await readGuarded(text, { schemas, limits })
  return report(file, outcome, limits)
}

const tooLarge = (size: number, limits: SbomLimits): Outcome =>
  unreadable(
    problem(
      'sbom/too-large',
      `the file is ${String(size)} bytes; the limit is ${String(limits.maxBytes)}`,
    ),
  )

/** Nesting depth comes from the file; a stack overflow in any step is reported, not thrown. */
const readGuarded = async (text: string, context: Context): Promise<Outcome> => {
  try {
    return await readText(text, context)
  } catch (error) {
    if (error instanceof RangeError) {
      return unreadable(problem('sbom/too-deep', 'the SBOM is nested too deeply to process'))
    }
    throw error
  }
}

const report = (file: string, outcome: Outcome, limits: SbomLimits): SbomReport => ({
  file,
  ...(outcome.detected === undefined
    ? {}
    : {
        format: outcome.detected.format,
        encoding: outcome.detected.encoding,
        specVersion: outcome.detected.specVersion,
      }),
  readable: outcome.readable,
  issues: capByCode(outcome.problems, limits.maxIssues).map((found) => locateProblem(file, found)),
  ...(outcome.document === undefined ? {} : { document: outcome.document }),
})

/** Reads the file through `reader` (refusing it above the size limit before reading) and checks it. */
export const readSbomFile = async (
  file: string,
  reader: FileReader,
  schemas: SbomSchemas,
  limits: SbomLimits = DEFAULT_SBOM_LIMITS,
): Promise<SbomReport> => {
  const bytes = await reader.read(file, limits.maxBytes)
  if (!bytes.ok) {
    return report(
      file,
      unreadable(problem(`sbom/${bytes.error.code}`, bytes.error.message)),
      limits,
    )
  }
  return readSbomBytes(bytes.value, file, schemas, limits)
}

export interface IngestedSbom {
  readonly document: SbomDocument
  readonly warnings: readonly LocatedIssue[]
}

/** An SBOM ready for use, or every reason it is not. */
export const ingestSbom = async (
  file: string,
  reader: FileReader,
  schemas: SbomSchemas,
  limits: SbomLimits = DEFAULT_SBOM_LIMITS,
): Promise<Result<IngestedSbom, readonly LocatedIssue[]>> => {
  const checked = await readSbomFile(file, reader, schemas, limits)
  return checked.document === undefined
    ? err(checked.issues)
    : ok({ document: checked.document, warnings: checked.issues })
}
