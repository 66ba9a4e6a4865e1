import { Ajv } from 'ajv'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { HASHED_ENUM, hashedEnumKeyword, replaceLargeEnums } from './hashed-enum.js'

const ALLOWED = [...Array.from({ length: 40 }, (_, i) => `id-${String(i)}`), 0, 1.5, true, null, '']

const schema = { type: 'object', properties: { list: { type: 'array', items: { enum: ALLOWED } } } }
const revive = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value), replaceLargeEnums) as unknown

const reference = new Ajv({ allErrors: true }).compile(schema)
const ours = new Ajv({ allErrors: true, strict: false })
  .addKeyword(hashedEnumKeyword)
  .compile(revive(schema) as object)

const candidate = fc.oneof(
  fc.constantFrom(...ALLOWED),
  fc.constantFrom('id-40', 'ID-1', 1, -0, false, '0'),
  fc.constant({ a: 1 }),
  fc.constant(['id-1']),
)

describe('long enums by hashing', () => {
  it('replaces a long enum of plain values, and nothing else', () => {
    const revived = revive(schema) as { properties: { list: { items: Record<string, unknown> } } }
    expect(revived.properties.list.items).toEqual({ [HASHED_ENUM]: ALLOWED })
    const short = { enum: ['a', 'b'] }
    const objects = { enum: [...ALLOWED, { a: 1 }] }
    const withSiblings = { enum: ALLOWED, not: { const: 'id-1' } }
    for (const kept of [short, objects, withSiblings]) expect(revive(kept)).toEqual(kept)
  })

  it("gives ajv's own verdict and errors, at the same places", () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 6 }), (list) => {
        const data = { list }
        expect(ours(data)).toBe(reference(data))
        const shape = (errors: typeof reference.errors) =>
          (errors ?? []).map(({ instancePath, keyword, params, message }) => ({
            instancePath,
            keyword,
            params,
            message,
          }))
        expect(shape(ours.errors)).toEqual(shape(reference.errors))
      }),
      { numRuns: 500 },
    )
  })
})
