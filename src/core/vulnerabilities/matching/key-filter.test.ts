import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { fnv1a, keyFilter } from './key-filter.js'

describe('key filter', () => {
  // The reference vectors of FNV-1a 32 (Fowler, Noll, Vo; draft-eastlake-fnv), on ASCII, where a
  // UTF-16 code unit is the byte.
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('hashes %j as FNV-1a 32 does', (text, hash) => {
    expect(fnv1a(text)).toBe(hash)
  })

  it('never turns away a key it holds', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ unit: 'binary' }), { maxLength: 300 }), (keys) => {
        const mayHold = keyFilter(keys, keys.length)
        expect(keys.filter((key) => !mayHold(key))).toEqual([])
      }),
    )
  })

  it('turns away nearly every key it does not hold', () => {
    const held = Array.from({ length: 100_000 }, (_, at) => `npm/package-${String(at)}`)
    const mayHold = keyFilter(held, held.length)
    const absent = Array.from({ length: 100_000 }, (_, at) => `pypi/other-${String(at)}`)
    const passed = absent.filter((key) => mayHold(key)).length
    // Two probes at 16 bits per key let about 1.4 % of absent keys through.
    expect(passed / absent.length).toBeLessThan(0.03)
    expect(held.every((key) => mayHold(key))).toBe(true)
  })
})
