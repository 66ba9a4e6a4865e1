import { describe, expect, it } from 'vitest'

import { canonicalJson } from './canonical-json.js'

describe('canonicalJson', () => {
  it('gives one text whatever order the keys were built in', () => {
    const a = canonicalJson({ b: 1, a: { d: [2, { z: null, y: 'x' }], c: true } })
    const b = canonicalJson({ a: { c: true, d: [2, { y: 'x', z: null }] }, b: 1 })
    expect(a).toBe(b)
    expect(a).toBe('{"a":{"c":true,"d":[2,{"y":"x","z":null}]},"b":1}')
  })

  it('reads back as the same value', () => {
    const value = { text: 'line\n"quoted" ü \u2028', n: -1.5, list: [] }
    expect(JSON.parse(canonicalJson(value))).toEqual(value)
  })
})
