import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'

import { closestMatch, type DocumentPath } from '../../core/index.js'
import type { Position } from '../model-yaml/parse-yaml-text.js'
import { isRecord, showValue } from './source-data.js'
import type { ImportIssue } from './threat-model-import.js'
import { pointerToPath, valueAt } from '../files/json-pointer.js'

/** Beyond this many schema problems the rest are noise; say how many were left out. */
const MAX_ISSUES = 100

/**
 * Where a path of the checked data was written: the file, the line and column in it, and the path
 * inside that file when it differs (a model merged from several files).
 */
export type Locator = (
  path: DocumentPath,
) => Position & { readonly source: string; readonly path?: DocumentPath }

/**
 * Says why a violation is tolerated (its own tool accepts it), or undefined when it is an error.
 * Tolerated violations become warnings.
 */
export type Tolerance = (error: ErrorObject, path: DocumentPath) => string | undefined

export interface SchemaProblems {
  readonly errors: ImportIssue[]
  readonly warnings: ImportIssue[]
}

/**
 * A checker for one vendored official schema (draft-07). `strict: false` because upstream schemas
 * use keywords ajv does not define (`nullable`) and Threagile's still names its id `id`; both are
 * removed or ignored, never the constraints. Compiled on first use.
 */
export const createSchemaCheck = (
  label: string,
  schema: Readonly<Record<string, unknown>>,
): ((data: unknown, locate: Locator, tolerate?: Tolerance) => SchemaProblems) => {
  let validate: ValidateFunction | undefined
  return (data, locate, tolerate) => {
    if (validate === undefined) {
      const ajv = new Ajv({
        allErrors: true,
        verbose: true,
        strict: false,
        allowUnionTypes: true,
        logger: false,
      })
      addFormats.default(ajv)
      // Draft-04 style `id` and an `https:` meta-schema URL that ajv does not know: drop both.
      const { $schema: _meta, id: _id, ...rest } = schema
      validate = ajv.compile(rest)
    }
    if (validate(data)) return { errors: [], warnings: [] }
    const errors: ImportIssue[] = []
    const warnings: ImportIssue[] = []
    for (const error of (validate.errors ?? []).filter(isUseful)) {
      const path = pointerToPath(error.instancePath, data)
      const reason = tolerate?.(error, path)
      const text = `${label}: ${describe(error, data, path)}`
      const place = locate(path)
      const base = {
        path: place.path ?? path,
        source: place.source,
        line: place.line,
        column: place.column,
      }
      if (reason === undefined) {
        errors.push({ ...base, severity: 'error', code: 'import/schema', message: text })
      } else {
        warnings.push({
          ...base,
          severity: 'warning',
          code: 'import/schema-tolerated',
          message: `${text} (${reason})`,
        })
      }
    }
    return { errors: capped(errors), warnings: capped(warnings) }
  }
}

const capped = (issues: ImportIssue[]): ImportIssue[] => {
  if (issues.length <= MAX_ISSUES) return issues
  const first = issues[0]
  const rest: ImportIssue = {
    severity: first?.severity ?? 'error',
    code: 'import/too-many-issues',
    message: `${String(issues.length - MAX_ISSUES)} more schema problems not shown`,
    path: [],
    ...(first?.source === undefined ? {} : { source: first.source }),
  }
  return [...issues.slice(0, MAX_ISSUES), rest]
}

/** `if`/`anyOf`/`oneOf` wrappers repeat what the specific errors beneath them say. */
const isUseful = (error: ErrorObject): boolean =>
  error.keyword !== 'if' && error.keyword !== 'anyOf' && error.keyword !== 'oneOf'

const param = (error: ErrorObject, name: string): unknown =>
  (error.params as Record<string, unknown>)[name]

const describe = (error: ErrorObject, data: unknown, path: DocumentPath): string => {
  const at = path.length === 0 ? 'the document' : `'${String(path[path.length - 1])}'`
  switch (error.keyword) {
    case 'required':
      return describeMissing(String(param(error, 'missingProperty')), error, data, path)
    case 'type':
      return `${at} must be ${String(param(error, 'type')).replace(/,/g, ' or ')}, not ${typeName(valueAt(data, path))}`
    case 'enum': {
      const allowed = (param(error, 'allowedValues') as unknown[]).map(String)
      const value = valueAt(data, path)
      const guess = typeof value === 'string' ? closestMatch(value, allowed) : undefined
      const shown =
        allowed.length > 12 ? `${allowed.slice(0, 12).join(', ')}, ...` : allowed.join(', ')
      return (
        `${at} ${showValue(value)} is not one of: ${shown}` +
        (guess === undefined ? '' : `; did you mean '${guess}'?`)
      )
    }
    case 'format':
      return `${at} ${showValue(valueAt(data, path))} is not a valid ${String(param(error, 'format'))}`
    case 'additionalProperties':
      return `unknown property '${String(param(error, 'additionalProperty'))}'`
    default:
      return `${at} ${error.message ?? 'is invalid'}`
  }
}

/** Names the property, and the misspelt one that was probably meant (`details` for `detail`). */
const describeMissing = (
  missing: string,
  error: ErrorObject,
  data: unknown,
  path: DocumentPath,
): string => {
  const node = valueAt(data, path)
  const known = Object.keys(
    (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {},
  )
  const unknown = isRecord(node) ? Object.keys(node).filter((key) => !known.includes(key)) : []
  const guess =
    closestMatch(missing, unknown) ?? unknown.find((key) => sharedPrefix(key, missing) >= 5)
  return (
    `missing required property '${missing}'` +
    (guess === undefined ? '' : `; the file has '${guess}': did you mean '${missing}'?`)
  )
}

const sharedPrefix = (a: string, b: string): number => {
  let n = 0
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1
  return n
}

const typeName = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value
