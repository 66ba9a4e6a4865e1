import { Ajv, type AnySchema } from 'ajv'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { withoutNestedInstancePaths } from './verdict-only-code.js'

/** Recursive, with refs, arrays, a custom keyword and escaped property names: what ajv calls out for. */
const SCHEMA: AnySchema = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1 },
    parts: { type: 'array', items: { $ref: '#/definitions/part' } },
    'odd/~name': { $ref: '#/definitions/part' },
  },
  additionalProperties: { $ref: '#/definitions/leaf' },
  definitions: {
    part: {
      type: 'object',
      properties: {
        id: { $ref: '#/definitions/leaf' },
        parts: { type: 'array', items: { $ref: '#/definitions/part' } },
      },
      evenLength: true,
    },
    leaf: { type: 'string', pattern: '^[a-z]+$' },
  },
}

const compile = (process?: (code: string) => string) => {
  const ajv = new Ajv({ allErrors: false, code: { source: true, ...(process ? { process } : {}) } })
  ajv.addKeyword({
    keyword: 'evenLength',
    validate: (_schema: unknown, data: unknown) => Object.keys(data as object).length % 2 === 0,
  })
  return ajv.compile(SCHEMA)
}

/** The text of the validator and of every function in its scope, as ajv made them (processed). */
const sourceOf = (validate: ReturnType<typeof compile>): string =>
  [validate, ...Object.values(validate.source?.scopeValues ?? {}).flat()]
    .map((entry) => (entry as { value?: { ref?: unknown } }).value?.ref ?? entry)
    .map((ref) => (typeof ref === 'function' ? ref.toString() : ''))
    .join('\n')

const leaf = fc.oneof(fc.stringMatching(/^[a-z]{0,3}$/), fc.string({ maxLength: 3 }), fc.integer())
const part = fc.letrec((tie) => ({
  part: fc.dictionary(
    fc.constantFrom('id', 'parts', 'x', 'y'),
    fc.oneof(leaf, fc.array(tie('part'), { maxLength: 3 })),
    { maxKeys: 4 },
  ),
})).part
const document = fc.dictionary(
  fc.constantFrom('name', 'parts', 'odd/~name', 'extra', 'other'),
  fc.oneof(leaf, part, fc.array(part, { maxLength: 3 })),
  { maxKeys: 5 },
)

describe('verdict-only validator code', () => {
  it('gives the same verdict as the code ajv generates', () => {
    const plain = compile()
    const verdictOnly = compile(withoutNestedInstancePaths)
    fc.assert(
      fc.property(document, (data) => {
        expect(verdictOnly(data)).toBe(plain(data))
      }),
      { numRuns: 3_000 },
    )
    expect(verdictOnly({ name: 'a', parts: [{ id: 'b', x: 'c' }] })).toBe(true)
    expect(verdictOnly({ name: 'a', parts: [{ id: 'B', x: 'c' }] })).toBe(false)
  })

  it('no longer builds the nested paths of calls into sub-validators', () => {
    const nested = /instancePath:instancePath\+"\/parts\/" \+ i0,parentData:/
    expect(sourceOf(compile())).toMatch(nested)
    expect(sourceOf(compile(withoutNestedInstancePaths))).not.toMatch(nested)
  })
})
