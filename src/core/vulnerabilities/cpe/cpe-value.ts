import { err, ok, type Result } from '../../result.js'
import { ANY, NA, type CpeValue, type CpeWildcard } from './cpe-name.js'

/** A character of a value after its binding's escapes are undone, or an unquoted wildcard. */
export type ValueToken = { readonly wildcard: '*' | '?' } | { readonly literal: string }

export const STAR: ValueToken = { wildcard: '*' }
export const QUESTION: ValueToken = { wildcard: '?' }

const isWildcard = (token: ValueToken | undefined, which: '*' | '?'): boolean =>
  token !== undefined && 'wildcard' in token && token.wildcard === which

/** Reads `*` or a run of `?` at `start`; returns the wildcard and where the next token is. */
const readWildcards = (
  tokens: readonly ValueToken[],
  start: number,
): { wildcard: CpeWildcard; next: number } => {
  if (isWildcard(tokens[start], '*')) return { wildcard: '*', next: start + 1 }
  let next = start
  while (isWildcard(tokens[next], '?')) next += 1
  return { wildcard: next - start, next }
}

/**
 * The value the tokens spell, under the rule both bindings share (NISTIR 7695 §5.3.2): unquoted
 * wildcards only at the start or end, `*` alone or a run of `?`, and at least one other character.
 */
export const valueFromTokens = (tokens: readonly ValueToken[]): Result<CpeValue, string> => {
  const leading = readWildcards(tokens, 0)
  let body = ''
  let index = leading.next
  for (let token = tokens[index]; token !== undefined && 'literal' in token;) {
    body += token.literal
    index += 1
    token = tokens[index]
  }
  const trailing = readWildcards(tokens, index)
  if (trailing.next < tokens.length) {
    return err('an unquoted * or ? may appear only at the start or end of a value, and not both')
  }
  if (body === '') return err('has no characters besides wildcards')
  const text = body.toLowerCase()
  if (leading.wildcard === 0 && trailing.wildcard === 0) return ok({ kind: 'value', text })
  return ok({ kind: 'pattern', text, leading: leading.wildcard, trailing: trailing.wildcard })
}

export const logicalValue = (raw: string): CpeValue | undefined =>
  raw === '*' ? ANY : raw === '-' ? NA : undefined

const LANGUAGE_TAG = /^[a-z]{2,3}(-([a-z]{2}|[0-9]{3}))?$/i

/** Language is the one attribute with its own syntax: an RFC 5646 tag, never a pattern. */
export const languageValue = (value: CpeValue): Result<CpeValue, string> =>
  value.kind === 'any' ||
  value.kind === 'na' ||
  (value.kind === 'value' && LANGUAGE_TAG.test(value.text))
    ? ok(value)
    : err('must be a language tag such as en or de-de (RFC 5646), * or -')

/** Part is `a` (application), `o` (operating system) or `h` (hardware). */
export const partValue = (value: CpeValue): Result<CpeValue, string> =>
  value.kind === 'any' ||
  value.kind === 'na' ||
  (value.kind === 'value' && ['a', 'o', 'h'].includes(value.text))
    ? ok(value)
    : err('must be a (application), o (operating system) or h (hardware)')
