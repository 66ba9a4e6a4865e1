import type { RegExpEngine, RegExpLike } from 'ajv/dist/types/index.js'

/** CycloneDX's hash content: 32, 40, 64, 96 or 128 hexadecimal digits. */
export const HASH_CONTENT_PATTERN =
  '^([a-fA-F0-9]{32}|[a-fA-F0-9]{40}|[a-fA-F0-9]{64}|[a-fA-F0-9]{96}|[a-fA-F0-9]{128})$'

const HEX = /^[a-fA-F0-9]*$/
const DIGEST_LENGTHS = new Set([32, 40, 64, 96, 128])

/**
 * The same test as the pattern, in one pass: V8 tries the alternatives in turn, reading a
 * 64-digit hash up to three times before `$` lets one through, once per hash of every component.
 */
class HashContent implements RegExpLike {
  test(value: string): boolean {
    return DIGEST_LENGTHS.has(value.length) && HEX.test(value)
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
