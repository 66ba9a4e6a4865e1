import type { ErrorObject, KeywordDefinition } from 'ajv'

/**
 * The keyword that stands in for a long `enum` of plain values in the schemas we compile. Ajv
 * checks an enum of 200 values or more by deep-comparing the value with each one in turn: the
 * SPDX licence list of CycloneDX (811 ids) cost ~2 µs per licence, a fifth of validating a whole
 * SBOM. A set gives the same answer in one look-up.
 */
export const HASHED_ENUM = 'enumHashed'

/** Below this length ajv's chain of `===` is as fast as a set. */
const HASH_FROM = 16

/**
 * Keywords that may sit beside the enum without changing what the schema object checks or the
 * order of its errors: `type` is checked before any other keyword either way.
 */
const SIBLINGS = new Set([
  'type',
  'title',
  'description',
  '$comment',
  '$id',
  '$schema',
  'default',
  'examples',
  'deprecated',
  'readOnly',
  'writeOnly',
  'meta:enum',
])

type Plain = string | number | boolean | null

const isPlain = (value: unknown): value is Plain => value === null || typeof value !== 'object'

/**
 * Schema objects with a long enum of plain values get the hashed keyword instead (a JSON.parse
 * reviver). Objects with other keywords keep theirs, so no error changes place in the report.
 */
export const replaceLargeEnums = (_key: string, value: unknown): unknown => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
  const schema = value as Record<string, unknown>
  const values = schema['enum']
  if (!Array.isArray(values) || values.length < HASH_FROM || !values.every(isPlain)) return value
  for (const key in schema) if (key !== 'enum' && !SIBLINGS.has(key)) return value
  const { enum: _dropped, ...rest } = schema
  return { ...rest, [HASHED_ENUM]: values }
}

/**
 * JSON Schema equality with a plain value is `===` on parsed JSON (no NaN, and `-0 === 0` as in
 * ajv's own check); an object or array never equals one. The error is ajv's own `enum` error.
 */
export const hashedEnumKeyword: KeywordDefinition = {
  keyword: HASHED_ENUM,
  schemaType: 'array',
  errors: true,
  compile: (schema: Plain[]) => {
    const allowed = new Set<unknown>(schema)
    const error: Partial<ErrorObject> = {
      keyword: 'enum',
      params: { allowedValues: schema },
      message: 'must be equal to one of the allowed values',
    }
    const validate: ((data: unknown) => boolean) & { errors?: Partial<ErrorObject>[] } = (data) => {
      if (allowed.has(data)) return true
      validate.errors = [{ ...error }]
      return false
    }
    return validate
  },
}
