import { describe, expect, it } from 'vitest'

import { sha1, uuidV5 } from './name-based-uuid.js'

const hex = (bytes: readonly number[]): string =>
  bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('')
const bytesOf = (text: string): number[] => [...new TextEncoder().encode(text)]

describe('name-based UUIDs', () => {
  it('computes SHA-1 as the FIPS 180-4 examples give it', () => {
    expect(hex(sha1(bytesOf('abc')))).toBe('a9993e364706816aba3e25717850c26c9cd0d89d')
    expect(hex(sha1(bytesOf('')))).toBe('da39a3ee5e6b4b0d3255bfef95601890afd80709')
    expect(hex(sha1(bytesOf('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')))).toBe(
      '84983e441c3bd26ebaae4aa1f95129e5e54670f1',
    )
    expect(hex(sha1(bytesOf('a'.repeat(1000))))).toBe('291e9a6c66994949b57ba5e650361e98fc36b1ba')
  })

  it('gives the RFC 9562 version-5 UUID for a DNS name', () => {
    // RFC 9562 appendix A.4: "www.example.com" in the DNS namespace.
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    )
  })
})
