import type { RegExpEngine, RegExpLike } from 'ajv/dist/types/index.js'

/** CycloneDX's hash content: 32, 40, 64, 96 or 128 hexadecimal digits. */
export const HASH_CONTENT_PATTERN =
  '^([a-fA-F0-9]{32}|[a-fA-F0-9]{40}|[a-fA-F0-9]{64}|[a-fA-F0-9]{96}|[a-fA-F0-9]{128})$'

const DIGEST_LENGTHS = new Set([32, 40, 64, 96, 128])

/** Every character 0-9, a-f or A-F: a loop, as `/^[a-fA-F0-9]*$/` cost 0.2 µs per 64-digit hash. */
const isHexDigits = (value: string): boolean => {
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index)
    const digit = code >= 0x30 && code <= 0x39
    const lower = code >= 0x61 && code <= 0x66
    const upper = code >= 0x41 && code <= 0x46
    if (!digit && !lower && !upper) return false
  }
  return true
}

/**
 * The same test as the pattern, in one pass: V8 tries the alternatives in turn, reading a
 * 64-digit hash up to three times before `$` lets one through, once per hash of every component.
 */
class HashContent implements RegExpLike {
  test(value: string): boolean {
    return DIGEST_LENGTHS.has(value.length) && isHexDigits(value)
  }

  /** ajv keeps compiled patterns under this key. */
  toString(): string {
    return `/${HASH_CONTENT_PATTERN}/ (by length and digits)`
  }
}

const hashContent = new HashContent()

/**
 * The schemas' `pattern`s as ajv compiles them: each one a RegExp, as ajv's default does,
 * except patterns with an exact faster equivalent.
 */
export const schemaRegExp: RegExpEngine = Object.assign(
  (pattern: string, flags: string): RegExpLike =>
    pattern === HASH_CONTENT_PATTERN ? hashContent : new RegExp(pattern, flags),
  // What ajv's standalone code would call: the RegExp, which answers the same.
  { code: 'new RegExp' },
)
