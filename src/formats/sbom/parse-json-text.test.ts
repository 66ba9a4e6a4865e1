import { describe, expect, it } from 'vitest'

import { parseJsonText } from './parse-json-text.js'

/** 1-based line and column of the one occurrence of `needle`, counted independently. */
const placeOf = (text: string, needle: string): { line: number; column: number } => {
  const at = text.indexOf(needle)
  expect(at).toBeGreaterThanOrEqual(0)
  expect(text.indexOf(needle, at + 1)).toBe(-1)
  const before = text.slice(0, at).split('\n')
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 }
}

describe('parseJsonText', () => {
  it('gives the value of JSON text', () => {
    expect(parseJsonText('{"a": [1, true, null]}')).toEqual({
      ok: true,
      value: { a: [1, true, null] },
    })
  })

  it.each([
    ['a literal cut short', '{\n  "a": tru\n}', 'tru'],
    ['a word that is no literal', '{\n  "a": [1, nope]\n}', 'nope'],
    ['a trailing comma', '{\n  "a": 1,\n}', '}'],
    ['a single-quoted string', "{\n  'a': 1\n}", "'a'"],
    ['a comment', '{\n  "a": 1 // why\n}', '//'],
  ])('places %s at its line and column, whatever the message says', (_name, text, needle) => {
    const parsed = parseJsonText(text)
    expect(parsed.ok).toBe(false)
    if (parsed.ok) return
    expect(parsed.error).toMatchObject({ code: 'sbom/not-json', ...placeOf(text, needle) })
    expect(parsed.error.message).toMatch(/^not valid JSON: /)
  })

  it('places the end of a text that ends too early', () => {
    const parsed = parseJsonText('{\n  "a": [1,\n')
    expect(parsed.ok ? undefined : parsed.error).toMatchObject({ line: 3, column: 1 })
  })

  it('leaves unplaced, without throwing, an error deeper than the locating scan follows', () => {
    const parsed = parseJsonText('['.repeat(1_000_000))
    expect(parsed.ok ? undefined : parsed.error).toMatchObject({ code: 'sbom/not-json' })
  })
})
