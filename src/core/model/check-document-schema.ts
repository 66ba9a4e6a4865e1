import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'

import type { DocumentPath, Issue } from '../issue.js'
import { closestMatch } from './closest-match.js'
import { modelJsonSchema } from './model-document-schema.js'
import { PATTERN_HINTS } from './schema-helpers.js'

/** Beyond this many schema errors in one file the rest are noise; say how many were left out. */
const MAX_SCHEMA_ISSUES = 200

export type SchemaChecker = (document: unknown, source?: string) => Issue[]

/**
 * A checker for one of our JSON Schemas that turns ajv's errors into plain-language issues.
 * The schema is compiled on first use: compiling is the slow part (~50 ms).
 */
export const createSchemaChecker = (schema: () => Record<string, unknown>): SchemaChecker => {
  let validator: ValidateFunction | undefined
  return (document, source) => {
    if (validator === undefined) {
      const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true })
      addFormats.default(ajv, ['date', 'uri'])
      validator = ajv.compile(schema())
    }
    return schemaIssues(validator, document, source)
  }
}

/** Checks one model file's parsed content against the `medcyber/v1` schema. */
export const checkDocumentSchema: SchemaChecker = createSchemaChecker(modelJsonSchema)

const schemaIssues = (
  validate: ValidateFunction,
  document: unknown,
  source: string | undefined,
): Issue[] => {
  if (validate(document)) return []
  const errors = (validate.errors ?? []).filter(isUseful)
  const issues = errors.slice(0, MAX_SCHEMA_ISSUES).map((error) => toIssue(error, document, source))
  if (errors.length > MAX_SCHEMA_ISSUES) {
    issues.push({
      severity: 'error',
      code: 'model/too-many-errors',
      message: `${String(errors.length - MAX_SCHEMA_ISSUES)} more schema errors not shown`,
      path: [],
      ...(source === undefined ? {} : { source }),
    })
  }
  return issues
}

/** `if`/`anyOf` wrappers repeat what the specific errors beneath them already say. */
const isUseful = (error: ErrorObject): boolean =>
  error.keyword !== 'if' && error.keyword !== 'anyOf' && error.keyword !== 'oneOf'

const toIssue = (error: ErrorObject, document: unknown, source: string | undefined): Issue => {
  const base = pointerToPath(error.instancePath)
  const { path, code, text } = describe(error, base)
  const subject = describeSubject(document, path)
  return {
    severity: 'error',
    code,
    message: subject === '' ? text : `${subject}: ${text}`,
    path,
    ...(source === undefined ? {} : { source }),
  }
}

interface Description {
  readonly path: DocumentPath
  readonly code: string
  readonly text: string
}

type Describer = (error: ErrorObject, path: DocumentPath, field: string) => Description

const param = (error: ErrorObject, name: string): unknown =>
  (error.params as Record<string, unknown>)[name]

const propertiesOf = (error: ErrorObject): string[] =>
  Object.keys((error.parentSchema as { properties?: Record<string, unknown> }).properties ?? {})

const invalid = (path: DocumentPath, text: string): Description => ({
  path,
  code: 'model/invalid-value',
  text,
})

/** One plain-language sentence per JSON Schema keyword that the model schema uses. */
const DESCRIBERS: Readonly<Record<string, Describer>> = {
  required: (error, path) => ({
    path,
    code: 'model/missing-property',
    text: `missing required property '${String(param(error, 'missingProperty'))}'`,
  }),
  additionalProperties: (error, path) => {
    const unknown = String(param(error, 'additionalProperty'))
    const allowed = propertiesOf(error)
    const guess = closestMatch(unknown, allowed)
    return {
      path: [...path, unknown],
      code: 'model/unknown-property',
      text:
        `unknown property '${unknown}'` +
        (guess === undefined
          ? `; allowed here: ${allowed.join(', ')}`
          : `; did you mean '${guess}'?`),
    }
  },
  enum: (error, path, field) => {
    const allowed = (param(error, 'allowedValues') as unknown[]).map(String)
    const guess = typeof error.data === 'string' ? closestMatch(error.data, allowed) : undefined
    return invalid(
      path,
      `${field} ${show(error.data)} is not one of: ${allowed.join(', ')}` +
        (guess === undefined ? '' : `; did you mean '${guess}'?`),
    )
  },
  const: (error, path, field) =>
    invalid(
      path,
      `${field} must be ${JSON.stringify(param(error, 'allowedValue'))}, not ${show(error.data)}`,
    ),
  type: (error, path, field) => ({
    path,
    code: 'model/wrong-type',
    text: describeType(field, String(param(error, 'type')), error.data),
  }),
  pattern: (error, path, field) => {
    const pattern = String(param(error, 'pattern'))
    return invalid(
      path,
      `${field} ${show(error.data)} is not ${PATTERN_HINTS[pattern] ?? `in the expected form (${pattern})`}`,
    )
  },
  format: (error, path, field) =>
    invalid(
      path,
      param(error, 'format') === 'date'
        ? `${field} ${show(error.data)} is not a calendar date (YYYY-MM-DD)`
        : `${field} ${show(error.data)} is not a valid ${String(param(error, 'format'))}`,
    ),
  minItems: (error, path, field) => {
    const limit = Number(param(error, 'limit'))
    return {
      path,
      code: 'model/too-few-items',
      text: `${field} needs at least ${String(limit)} item${limit === 1 ? '' : 's'}`,
    }
  },
  uniqueItems: (error, path, field) => {
    // ajv names both positions; point at the later one, the repetition.
    const index = Math.max(Number(param(error, 'i')), Number(param(error, 'j')))
    return {
      path: [...path, index],
      code: 'model/duplicate-item',
      text: `${field} lists ${show((error.data as unknown[])[index])} more than once`,
    }
  },
  minLength: (_error, path, field) => invalid(path, `${field} must not be empty`),
  maxLength: (error, path, field) =>
    invalid(path, `${field} is longer than ${String(param(error, 'limit'))} characters`),
  minProperties: (error, path, field) => ({
    path,
    code: 'model/too-few-items',
    text: `${field} needs at least one of: ${propertiesOf(error).join(', ')}`,
  }),
}

const describe = (error: ErrorObject, path: DocumentPath): Description => {
  const field = lastKey(path)
  const describer = DESCRIBERS[error.keyword]
  return describer === undefined
    ? invalid(path, `${field} ${error.message ?? 'is invalid'}`)
    : describer(error, path, field)
}

const YAML_TYPE_NAMES: Readonly<Record<string, string>> = {
  object: 'a mapping (key: value lines)',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  null: 'nothing',
}

const typeOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value

const describeType = (field: string, expected: string, actual: unknown): string => {
  if (field === 'the document' && actual === null) {
    return "the file is empty or holds only comments; a model file begins with 'medcyber: v1'"
  }
  const found = typeOf(actual)
  const want = YAML_TYPE_NAMES[expected] ?? expected
  const got = YAML_TYPE_NAMES[found] ?? found
  const quoteHint =
    expected === 'string' && (typeof actual === 'number' || typeof actual === 'boolean')
      ? `; quote it: "${String(actual)}"`
      : ''
  const shown = found === 'object' || found === 'array' ? '' : ` (${show(actual)})`
  return `${field} must be ${want}, but is ${got}${shown}${quoteHint}`
}

const show = (value: unknown): string => {
  const text = typeof value === 'string' ? `'${value}'` : JSON.stringify(value)
  return text.length > 80 ? `${text.slice(0, 77)}...` : text
}

const lastKey = (path: DocumentPath): string => {
  for (let i = path.length - 1; i >= 0; i -= 1) {
    const part = path[i]
    if (typeof part === 'string') return part
  }
  return 'the document'
}

const pointerToPath = (pointer: string): DocumentPath =>
  pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
        .map((part) => (/^(0|[1-9][0-9]*)$/.test(part) ? Number(part) : part))

/** "interface 'pump-ble'" for errors inside a list item that has an id, so people find it. */
const describeSubject = (document: unknown, path: DocumentPath): string => {
  let node: unknown = document
  let subject = ''
  for (const part of path) {
    if (node === null || typeof node !== 'object') break
    node = (node as Record<string | number, unknown>)[part]
    if (typeof part === 'number' && node !== null && typeof node === 'object') {
      const item = node as Record<string, unknown>
      const name = item['id'] ?? item['version'] ?? item['threat'] ?? item['finding']
      if (typeof name === 'string') subject = `'${name}'`
    }
  }
  return subject
}
