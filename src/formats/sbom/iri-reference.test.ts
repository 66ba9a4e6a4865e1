import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { isIriReference, isUriReference } from './iri-reference.js'

const part = (alphabet: string, maxLength = 12) =>
  fc.string({ unit: fc.constantFrom(...alphabet.split('')), maxLength })

/** URL-like strings around the shortcut's grammar: odd characters, ports, escapes, IPv6. */
const urlish = fc
  .tuple(
    fc.constantFrom('https://', 'http://', 'HTTP://', 'urn:', 'git+ssh://', '1a://', '', '//', '/'),
    fc.oneof(part('abzAZ09.-_~', 16), part('abc.%2F:@[]!"\' ', 10), fc.constant('[::1]')),
    fc.option(part('0123456789a', 5).map((port) => `:${port}`)),
    fc.array(part('abcXZ09._~!$&\'()*+,;=:@-%"<> é', 10), { maxLength: 4 }),
    fc.option(part('a=b&c/?%#', 8)),
    fc.option(part('frag/?#%', 6)),
  )
  .map(
    ([scheme, host, port, segments, query, fragment]) =>
      `${scheme}${host}${port ?? ''}${segments.map((segment) => `/${segment}`).join('')}` +
      `${query === null ? '' : `?${query}`}${fragment === null ? '' : `#${fragment}`}`,
  )

describe('iri-reference format', () => {
  it('answers for ASCII text exactly as the uri-reference pattern does', () => {
    let accepted = 0
    fc.assert(
      fc.property(urlish, (value) => {
        if (/\P{ASCII}/u.test(value)) return
        const answer = isIriReference(value)
        expect(answer, value).toBe(isUriReference(value))
        if (answer) accepted += 1
      }),
      { numRuns: 20_000 },
    )
    expect(accepted).toBeGreaterThan(1_000)
  })

  it('percent-encodes non-ASCII characters before checking', () => {
    expect(isIriReference('https://example.com/ürün')).toBe(true)
    expect(isIriReference('https://example.com/a b')).toBe(false)
    expect(isIriReference('urn:cdx:3e671687-395b-41f5-a30f-a58921a69b79/1#ms-1.example.com')).toBe(
      true,
    )
  })
})
