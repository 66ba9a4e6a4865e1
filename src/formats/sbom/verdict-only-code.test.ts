import { Ajv, type AnySchema } from 'ajv'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { verdictOnlyCode } from './verdict-only-code.js'

/** Recursive, with refs, arrays, a custom keyword and escaped property names: what ajv calls out for. */
const SCHEMA: AnySchema = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1 },
    parts: { type: 'array', items: { $ref: '#/definitions/part' } },
    'odd/~name': { $ref: '#/definitions/part' },
    licences: { type: 'array', items: { $ref: '#/definitions/licence' } },
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
    // CycloneDX's licence choice: exactly one branch passes, so the other records an error.
    licence: {
      oneOf: [
        { type: 'object', required: ['id'], properties: { id: { $ref: '#/definitions/leaf' } } },
        { type: 'object', required: ['name'], not: { required: ['id'] } },
      ],
      anyOf: [{ required: ['x'] }, { required: ['id'] }, { required: ['name'] }],
    },
  },
}

const compile = (process?: (code: string) => string) => {
  const ajv = new Ajv({ allErrors: false, code: process ? { process } : {} })
  ajv.addKeyword({
    keyword: 'evenLength',
    validate: (_schema: unknown, data: unknown) => Object.keys(data as object).length % 2 === 0,
  })
  return ajv.compile(SCHEMA)
}

/** All the code ajv generates for the schema, each function as `process` returns it. */
const sourceOf = (process: (code: string) => string = (code) => code): string => {
  const generated: string[] = []
  compile((code) => {
    const processed = process(code)
    generated.push(processed)
    return processed
  })
  return generated.join('\n')
}

const leaf = fc.oneof(fc.stringMatching(/^[a-z]{0,3}$/), fc.string({ maxLength: 3 }), fc.integer())
const part = fc.letrec((tie) => ({
  part: fc.dictionary(
    fc.constantFrom('id', 'parts', 'x', 'y'),
    fc.oneof(leaf, fc.array(tie('part'), { maxLength: 3 })),
    { maxKeys: 4 },
  ),
})).part
const licence = fc.dictionary(fc.constantFrom('id', 'name', 'x'), leaf, { maxKeys: 3 })
const document = fc.dictionary(
  fc.constantFrom('name', 'parts', 'odd/~name', 'licences', 'extra', 'other'),
  fc.oneof(leaf, part, fc.array(part, { maxLength: 3 }), fc.array(licence, { maxLength: 4 })),
  { maxKeys: 5 },
)

describe('verdict-only validator code', () => {
  it('gives the same verdict as the code ajv generates', () => {
    const plain = compile()
    const verdictOnly = compile(verdictOnlyCode)
    fc.assert(
      fc.property(document, (data) => {
        expect(verdictOnly(data)).toBe(plain(data))
      }),
      { numRuns: 3_000 },
    )
    expect(verdictOnly({ name: 'a', parts: [{ id: 'b', x: 'c' }] })).toBe(true)
    expect(verdictOnly({ name: 'a', parts: [{ id: 'B', x: 'c' }] })).toBe(false)
    for (const [licences, valid] of [
      [[{ id: 'mit' }, { name: 'Own' }], true],
      [[{ id: 'MIT' }], false],
      [[{ x: 'y' }], false],
    ] as const) {
      expect(plain({ name: 'a', licences })).toBe(valid)
      expect(verdictOnly({ name: 'a', licences })).toBe(valid)
    }
  })

  it('passes no data contexts and builds no error objects inside branches', () => {
    const plain = sourceOf()
    const verdictOnly = sourceOf(verdictOnlyCode)
    const shapes = [
      // a call's context, with the path concatenated down to the value
      /instancePath:instancePath\+"\/parts\/" \+ i0,parentData:/,
      // a call's context at all (items and named properties), and a validator reading the one
      // it is given
      /\{instancePath[^{}]*,parentData:data\d*,parentDataProperty:(?:i\d+|"[^"]*"),rootData\}/,
      /\(data, \{instancePath="", parentData, parentDataProperty, rootData=data\}=\{\}\)/,
      // an error object of a failing branch, with its message
      /const err\d+ = \{instancePath,schemaPath:"#\/oneOf\/\d\/required"/,
    ]
    for (const shape of shapes) {
      expect(plain).toMatch(shape)
      expect(verdictOnly).not.toMatch(shape)
    }
  })
})
