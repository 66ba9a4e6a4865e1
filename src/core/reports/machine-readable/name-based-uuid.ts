/**
 * RFC 9562 name-based UUIDs (version 5, SHA-1). SBOM serial numbers and SPDX namespaces must be
 * the same for the same product and release on every run, so they are derived from names rather
 * than drawn at random; v5 is the standard way to do that, and CycloneDX's serial-number pattern
 * accepts only versions 1 to 5. SHA-1 is used here as a naming function, not for security.
 */

const rotate = (value: number, bits: number): number => (value << bits) | (value >>> (32 - bits))

const utf8 = (text: string): number[] => [...new TextEncoder().encode(text)]

/** Message padded to whole 64-byte blocks, ending in its length in bits (big-endian). */
const pad = (bytes: readonly number[]): number[] => {
  const padded = [...bytes, 0x80]
  while (padded.length % 64 !== 56) padded.push(0)
  const bitsHigh = Math.floor(bytes.length / 0x20000000)
  const bitsLow = (bytes.length * 8) >>> 0
  for (const word of [bitsHigh, bitsLow]) {
    padded.push((word >>> 24) & 0xff, (word >>> 16) & 0xff, (word >>> 8) & 0xff, word & 0xff)
  }
  return padded
}

/** The 80-word message schedule of one block. */
const schedule = (padded: readonly number[], block: number): number[] => {
  const w: number[] = []
  for (let i = 0; i < 16; i++) {
    const at = block + i * 4
    w.push(
      ((padded[at] ?? 0) << 24) |
        ((padded[at + 1] ?? 0) << 16) |
        ((padded[at + 2] ?? 0) << 8) |
        (padded[at + 3] ?? 0),
    )
  }
  for (let i = 16; i < 80; i++) {
    w.push(rotate((w[i - 3] ?? 0) ^ (w[i - 8] ?? 0) ^ (w[i - 14] ?? 0) ^ (w[i - 16] ?? 0), 1))
  }
  return w
}

/** The round function and constant of round `i`. */
const round = (i: number, b: number, c: number, d: number): [number, number] => {
  if (i < 20) return [(b & c) | (~b & d), 0x5a827999]
  if (i < 40) return [b ^ c ^ d, 0x6ed9eba1]
  if (i < 60) return [(b & c) | (b & d) | (c & d), 0x8f1bbcdc]
  return [b ^ c ^ d, 0xca62c1d6]
}

/** SHA-1 (FIPS 180-4) of bytes; core has no node:crypto. */
export const sha1 = (bytes: readonly number[]): number[] => {
  const padded = pad(bytes)
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0]
  for (let block = 0; block < padded.length; block += 64) {
    const w = schedule(padded, block)
    let [a, b, c, d, e] = h as [number, number, number, number, number]
    for (let i = 0; i < 80; i++) {
      const [f, k] = round(i, b, c, d)
      const next = (rotate(a, 5) + f + e + k + (w[i] ?? 0)) | 0
      e = d
      d = c
      c = rotate(b, 30)
      b = a
      a = next
    }
    for (const [index, value] of [a, b, c, d, e].entries()) h[index] = ((h[index] ?? 0) + value) | 0
  }
  return h.flatMap((word) => [
    (word >>> 24) & 0xff,
    (word >>> 16) & 0xff,
    (word >>> 8) & 0xff,
    word & 0xff,
  ])
}

/** The RFC 9562 namespace for URLs; our names are `urn:medcyber:…` URIs. */
export const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8'

const hexBytes = (uuid: string): number[] =>
  (uuid.replace(/-/g, '').match(/../g) ?? []).map((pair) => parseInt(pair, 16))

/** The version-5 UUID of `name` in `namespace`, lower-case as CycloneDX requires. */
export const uuidV5 = (name: string, namespace: string = URL_NAMESPACE): string => {
  const digest = sha1([...hexBytes(namespace), ...utf8(name)]).slice(0, 16)
  digest[6] = ((digest[6] ?? 0) & 0x0f) | 0x50
  digest[8] = ((digest[8] ?? 0) & 0x3f) | 0x80
  const hex = digest.map((byte) => byte.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
