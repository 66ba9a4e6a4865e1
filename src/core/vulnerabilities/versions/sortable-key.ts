/**
 * Building blocks of sortable version keys. A sortable key is a string whose plain `<` order is
 * the ecosystem's version order, so comparing two pre-parsed versions is one string comparison.
 * Every code unit stays below U+D800, so UTF-16 order equals code point order equals UTF-8 byte
 * order: a database can index the same keys with a binary collation.
 *
 * Each family builds its key from tokens: a tag character that places the token among the kinds
 * that may meet at the same position, then a prefix-free value (a natural number, or text closed
 * by a terminator that sorts below every text character). Prefix-free values keep two keys aligned
 * token by token until the first difference, which is where the ecosystem decides too.
 */

/** Longer strings are refused: no ecosystem publishes such versions, and keys stay bounded. */
export const MAX_VERSION_LENGTH = 256

export type Ordering = -1 | 0 | 1

/** The lowest code unit used in keys: ends a text token, so a shorter text sorts first. */
export const TEXT_END = '\u0001'

const LENGTH_BASE = 0x30

/**
 * A natural number of any size from its decimal digits: the count of significant digits, then the
 * digits. Leading zeros do not count (`007` equals `7`); zero is the empty digit string.
 */
export const encodeNatural = (digits: string): string => {
  let start = 0
  while (start < digits.length && digits.charCodeAt(start) === 0x30) start += 1
  const significant = digits.slice(start)
  return String.fromCharCode(LENGTH_BASE + significant.length) + significant
}

export const isDigitCode = (code: number): boolean => code >= 0x30 && code <= 0x39

export const isLetterCode = (code: number): boolean =>
  (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)

/** End index of the run of characters from `start` that satisfy `test`. */
export const runEnd = (text: string, start: number, test: (code: number) => boolean): number => {
  let end = start
  while (end < text.length && test(text.charCodeAt(end))) end += 1
  return end
}

/** Printable ASCII without spaces: what every ecosystem's version grammar is drawn from. */
export const isPrintableAscii = (text: string): boolean => /^[\x21-\x7e]+$/.test(text)

export const compareSortable = (a: string, b: string): Ordering => (a < b ? -1 : a > b ? 1 : 0)
