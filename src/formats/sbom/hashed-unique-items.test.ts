import { isDeepStrictEqual } from 'node:util'

import { Ajv } from 'ajv'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import {
  duplicateItems,
  HASHED_UNIQUE_ITEMS,
  hashedUniqueItemsKeyword,
  replaceUniqueItems,
} from './hashed-unique-items.js'

/** Small alphabets, so that arrays often hold equal items, with keys in any order. */
const value = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.constantFrom('a', 'b', '1'),
    fc.constantFrom(1, 2, 1.5),
    fc.boolean(),
    fc.constant(null),
  ),
  array: fc.array(tie('node'), { maxLength: 3 }),
  object: fc.dictionary(fc.constantFrom('x', 'y', 'z'), tie('node'), {
    maxKeys: 3,
    noNullPrototype: true,
  }),
  node: fc.oneof({ depthSize: 'small' }, tie('leaf'), tie('array'), tie('object')),
})).node

const reference = new Ajv().compile({ type: 'array', uniqueItems: true })
const ours = new Ajv({ strict: false }).addKeyword(hashedUniqueItemsKeyword).compile({
  type: 'array',
  [HASHED_UNIQUE_ITEMS]: true,
})

describe('uniqueItems by hashing', () => {
  // Arrays up to 30 items: short ones are compared pairwise, longer ones hashed.
  it("gives ajv's own uniqueItems verdict on every array", () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 30 }), (items) => {
        expect(ours(items)).toBe(reference(items))
      }),
      { numRuns: 2000 },
    )
  })

  it('pairs each repeated item with its first occurrence, and only equal items', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 30 }), (items) => {
        for (const [first, again] of duplicateItems(items)) {
          expect(first).toBeLessThan(again)
          expect(isDeepStrictEqual(items[first], items[again])).toBe(true)
          expect(items.slice(0, first).some((item) => isDeepStrictEqual(item, items[first]))).toBe(
            false,
          )
        }
      }),
    )
  })

  it('treats objects with the same members in another order as equal', () => {
    expect(
      duplicateItems([
        { a: 1, b: [1, { c: 2, d: 3 }] },
        { b: [1, { d: 3, c: 2 }], a: 1 },
      ]),
    ).toEqual([[0, 1]])
    expect(duplicateItems([{ a: 1 }, { a: '1' }, [1], ['1']])).toEqual([])
  })

  it('stays linear where pairwise comparison is quadratic: 200k distinct components', () => {
    const items = Array.from({ length: 200_000 }, (_, i) => ({
      type: 'library',
      name: `c${String(i)}`,
      version: '1',
    }))
    const started = performance.now()
    expect(duplicateItems(items)).toEqual([])
    expect(performance.now() - started).toBeLessThan(5000)
  })

  it('replaces uniqueItems in a schema, leaving everything else', () => {
    const schema = JSON.parse(
      '{"properties":{"uniqueItems":{"type":"string"},"list":{"type":"array","uniqueItems":true}},"uniqueItems":false}',
      replaceUniqueItems,
    ) as unknown
    expect(schema).toEqual({
      properties: {
        uniqueItems: { type: 'string' },
        list: { type: 'array', [HASHED_UNIQUE_ITEMS]: true },
      },
      uniqueItems: false,
    })
  })
})
