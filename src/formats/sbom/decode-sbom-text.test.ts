import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { decodeText } from '../files/decode-text.js'
import { decodeSbomText } from './decode-sbom-text.js'

const encode = (text: string) => new TextEncoder().encode(text)

describe('decodeSbomText', () => {
  it('gives what decodeText gives, for ASCII, UTF-8, binary and broken input', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ max: 0x7f, maxLength: 64 }),
      fc.uint8Array({ maxLength: 64 }),
      fc.string({ maxLength: 32 }).map(encode),
      fc.string({ unit: 'binary', maxLength: 32 }).map(encode),
    )
    fc.assert(
      fc.property(bytes, (input) => {
        expect(decodeSbomText(input)).toEqual(decodeText(input))
      }),
      { numRuns: 5_000 },
    )
  })

  it('reads ASCII files, refuses NUL bytes and decodes a byte order mark as decodeText does', () => {
    expect(decodeSbomText(encode('{"bomFormat":"CycloneDX"}'))).toEqual({
      ok: true,
      value: '{"bomFormat":"CycloneDX"}',
    })
    expect(decodeSbomText(Uint8Array.of(0x7b, 0x00, 0x7d)).ok).toBe(false)
    const withBom = Uint8Array.of(0xef, 0xbb, 0xbf, 0x7b, 0x7d)
    expect(decodeSbomText(withBom)).toEqual(decodeText(withBom))
    const inside = encode('xx{}xx').subarray(2, 4)
    expect(decodeSbomText(inside)).toEqual({ ok: true, value: '{}' })
  })
})
