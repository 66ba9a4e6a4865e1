import { encodeNatural, TEXT_END } from './sortable-key.js'

/**
 * Several orders (RubyGems, our generic one) compare sequences of numbers and words as if the
 * shorter one went on with zeros. A zero therefore has no fixed place against "the end": it is
 * above the end when the next non-zero item is above zero, below it when that item is below.
 * Writing each zero with the side of what follows it keeps the plain string order exact (two
 * zeros with different sides differ in the same direction as the rest of their sequences).
 */
export type PaddedItem =
  | { readonly kind: 'number'; readonly digits: string }
  | { readonly kind: 'word'; readonly rank: number; readonly text: string }

// Tag order: words ranked below zero, zero-then-lower, end, zero-then-higher, other words, numbers.
const LOW_WORD = '\u0002'
const ZERO_THEN_LOWER = '\u0003'
const END = '\u0004'
const ZERO_THEN_HIGHER = '\u0005'
const HIGH_WORD = '\u0006'
const NUMBER = '\u0007'
const RANK_BASE = 0x60

export const isZeroItem = (item: PaddedItem): boolean =>
  item.kind === 'number' && /^0*$/.test(item.digits)

/** The items without the zeros at their end (`1.0.0` = `1`). */
export const withoutTrailingZeros = (items: readonly PaddedItem[]): PaddedItem[] => {
  const kept = [...items]
  for (let last = kept.at(-1); last !== undefined && isZeroItem(last); last = kept.at(-1)) {
    kept.pop()
  }
  return kept
}

const itemKey = (item: PaddedItem): string => {
  if (item.kind === 'number') return NUMBER + encodeNatural(item.digits)
  const tag = item.rank < 0 ? LOW_WORD : HIGH_WORD
  return tag + String.fromCharCode(RANK_BASE + item.rank) + item.text + TEXT_END
}

/**
 * The key of a sequence. Words of negative rank sort below zero (pre-release words), words of
 * rank >= 0 above zero and below 1; between words, rank (-32..31) then text decide.
 */
export const encodePaddedSequence = (items: readonly PaddedItem[]): string => {
  let key = END
  for (let index = items.length - 1; index >= 0; index -= 1) {
    const item = items[index]
    if (item === undefined) continue
    if (!isZeroItem(item)) {
      key = itemKey(item) + key
    } else if (key !== END) {
      // A trailing zero equals the end and is dropped; any other takes the side of what follows.
      const followedByLower = key.startsWith(LOW_WORD) || key.startsWith(ZERO_THEN_LOWER)
      key = (followedByLower ? ZERO_THEN_LOWER : ZERO_THEN_HIGHER) + key
    }
  }
  return key
}
