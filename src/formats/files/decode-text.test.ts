import { describe, expect, it } from 'vitest'

import { decodeText } from './decode-text.js'

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values)

describe('decodeText', () => {
  it('decodes UTF-8, multi-byte characters included', () => {
    expect(decodeText(new TextEncoder().encode('ポンプ pump'))).toEqual({
      ok: true,
      value: 'ポンプ pump',
    })
  })

  it.each([
    ['a NUL byte in valid UTF-8', bytes(0x61, 0x00, 0x62)],
    ['a NUL byte in invalid UTF-8', bytes(0xff, 0x00)],
  ])('calls %s binary', (_, input) => {
    expect(decodeText(input)).toEqual({
      ok: false,
      error: 'the file contains NUL bytes; it is binary, not text',
    })
  })

  it('refuses invalid UTF-8 without NUL bytes', () => {
    expect(decodeText(bytes(0x61, 0xc3, 0x28))).toEqual({
      ok: false,
      error: 'the file is not valid UTF-8 text',
    })
  })
})
