import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import type { RegExpLike } from 'ajv/dist/types/index.js'

import { HASH_CONTENT_PATTERN, schemaRegExp } from './schema-patterns.js'

/** The key ajv keeps a compiled pattern under. */
const keyOf = (compiled: RegExpLike): string =>
  (compiled as RegExpLike & { toString: () => string }).toString()

const hexOrNot = fc.string({
  unit: fc.constantFrom(...'0123456789abcdefABCDEFgG \n-'.split('')),
  maxLength: 140,
})
/** Any one character up to U+02FF: the neighbours of each hex range, control characters too. */
const anyCharacter = fc.integer({ min: 0, max: 0x2ff }).map((code) => String.fromCharCode(code))
const digestLike = fc
  .tuple(fc.constantFrom(31, 32, 33, 40, 64, 96, 128, 129), fc.option(fc.nat(130)), anyCharacter)
  .chain(([length, at, odd]) =>
    fc
      .string({
        unit: fc.constantFrom(...'0123456789abcdefABCDEF'.split('')),
        minLength: length,
        maxLength: length,
      })
      .map((digits) =>
        at === null ? digits : `${digits.slice(0, at)}${odd}${digits.slice(at + 1)}`,
      ),
  )

describe('schema patterns', () => {
  it('tests hash contents exactly as the schema pattern does', () => {
    const reference = new RegExp(HASH_CONTENT_PATTERN, 'u')
    const fast = schemaRegExp(HASH_CONTENT_PATTERN, 'u')
    expect(fast).not.toBeInstanceOf(RegExp)
    fc.assert(
      fc.property(fc.oneof(hexOrNot, digestLike), (value) => {
        expect(fast.test(value)).toBe(reference.test(value))
      }),
      { numRuns: 20_000 },
    )
    expect(fast.test('a'.repeat(64))).toBe(true)
    expect(fast.test(`${'a'.repeat(64)}\n`)).toBe(false)
  })

  it('compiles every other pattern as a RegExp', () => {
    const compiled = schemaRegExp('^[a-z]+$', 'u')
    expect(compiled).toBeInstanceOf(RegExp)
    expect(compiled.test('abc')).toBe(true)
    expect(keyOf(compiled)).not.toBe(keyOf(schemaRegExp(HASH_CONTENT_PATTERN, 'u')))
  })
})
