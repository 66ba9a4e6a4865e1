import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { firstJsonSyntaxError } from './json-syntax-error.js'

/** The text JSON.parse rejects, checked first: only such text is ever asked about. */
const rejected = (text: string): string => {
  expect(() => {
    JSON.parse(text)
  }).toThrow(SyntaxError)
  return text
}

describe('firstJsonSyntaxError', () => {
  it.each([
    ['a literal cut short', '{"a": tru}', 6],
    ['a trailing comma in an object', '{"a": 1,}', 8],
    ['a trailing comma in a list', '[1, 2,\n]', 7],
    ['a missing comma', '[1 2]', 3],
    ['a single-quoted string', "{'a': 1}", 1],
    ['a comment', '{"a": 1 // no\n}', 8],
    ['NaN', '[NaN]', 1],
    ['a leading plus', '[+1]', 1],
    ['a raw tab in a string', '["a\tb"]', 1],
    ['an unclosed object', '{"a": [1, 2]', 12],
    ['nothing at all', '', 0],
    ['a byte order mark before the value', '\uFEFF{}', 0],
    ['a second value after the first', '{} {}', 3],
  ])('%s: at the offending token', (_name, text, offset) => {
    expect(firstJsonSyntaxError(rejected(text))).toBe(offset)
  })

  it('counts offsets in UTF-16 units, an emoji as two', () => {
    const text = rejected('{"smile": "🙂", "a": tru}')
    expect(firstJsonSyntaxError(text)).toBe(text.indexOf('tru'))
  })

  it('gives up without throwing on nesting deeper than its recursive descent follows', () => {
    expect(firstJsonSyntaxError(rejected('['.repeat(1_000_000)))).toBeUndefined()
  })

  it('finds no error in JSON that JSON.stringify wrote', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(0, 2, '\t'), (value, indent) => {
        expect(firstJsonSyntaxError(JSON.stringify(value, null, indent))).toBeUndefined()
      }),
      { numRuns: 300 },
    )
  })
})
