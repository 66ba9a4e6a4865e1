import { encodePaddedSequence, type PaddedItem, withoutTrailingZeros } from './padded-sequence.js'
import { MAX_VERSION_LENGTH } from './sortable-key.js'

const GEM_VERSION = /^\s*([0-9]+(?:\.[0-9a-zA-Z]+)*(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?)\s*$/

/**
 * RubyGems (Gem::Version): `-` means `.pre.`; segments are runs of digits or letters; a segment
 * with letters is a pre-release part and sorts below any number (`1.0.a < 1.0`), letters compare
 * case-sensitively; trailing zeros of the numeric part and of the rest do not count, and missing
 * segments are zeros. Ruby reads the empty string as "0"; here it is not a version.
 */
export const rubygemsKey = (version: string): string | undefined => {
  if (version.length > MAX_VERSION_LENGTH) return undefined
  const body = GEM_VERSION.exec(version)?.[1]
  if (body === undefined) return undefined
  const segments = body.replaceAll('-', '.pre.').match(/[0-9]+|[a-z]+/gi) ?? []
  const items = segments.map((segment): PaddedItem =>
    /^[0-9]/.test(segment)
      ? { kind: 'number', digits: segment }
      : { kind: 'word', rank: -1, text: segment },
  )
  const firstWord = items.findIndex((item) => item.kind === 'word')
  const split = firstWord < 0 ? items.length : firstWord
  return encodePaddedSequence([
    ...withoutTrailingZeros(items.slice(0, split)),
    ...withoutTrailingZeros(items.slice(split)),
  ])
}
