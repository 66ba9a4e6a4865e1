import { encodePaddedSequence, type PaddedItem, withoutTrailingZeros } from './padded-sequence.js'
import { isDigitCode, isLetterCode, MAX_VERSION_LENGTH, runEnd } from './sortable-key.js'

// Pre-release words, oldest first; single letters count only right before digits (`1.0b2`).
const PRE_RELEASE_RANK: ReadonlyMap<string, number> = new Map(
  Object.entries({
    dev: -7,
    alpha: -6,
    beta: -5,
    milestone: -4,
    pre: -3,
    preview: -3,
    rc: -2,
    cr: -2,
    snapshot: -1,
  }),
)
const PRE_RELEASE_LETTER: ReadonlyMap<string, string> = new Map(
  Object.entries({
    a: 'alpha',
    b: 'beta',
    m: 'milestone',
    c: 'rc',
  }),
)
const RELEASE_WORDS = new Set(['final', 'ga', 'release', 'stable'])

const wordItem = (word: string, beforeDigit: boolean): PaddedItem | undefined => {
  if (RELEASE_WORDS.has(word)) return undefined
  const name = beforeDigit ? (PRE_RELEASE_LETTER.get(word) ?? word) : word
  const rank = PRE_RELEASE_RANK.get(name)
  // Aliases of one pre-release are the same item; other words order as text.
  return rank === undefined
    ? { kind: 'word', rank: 0, text: word }
    : { kind: 'word', rank, text: '' }
}

const genericItems = (version: string): PaddedItem[] => {
  const items: PaddedItem[] = []
  let index = 0
  while (index < version.length) {
    const code = version.charCodeAt(index)
    if (isDigitCode(code)) {
      const end = runEnd(version, index, isDigitCode)
      items.push({ kind: 'number', digits: version.slice(index, end) })
      index = end
    } else if (isLetterCode(code)) {
      const end = runEnd(version, index, isLetterCode)
      const item = wordItem(version.slice(index, end), isDigitCode(version.charCodeAt(end)))
      if (item !== undefined) items.push(item)
      index = end
    } else {
      index += 1
    }
  }
  return items
}

const isPreRelease = (item: PaddedItem): boolean => item.kind === 'word' && item.rank < 0

/**
 * `1.0.0-rc1` = `1-rc1`: zeros right before a pre-release word do not count. Zeros before other
 * words do (`1.0.0-sp1` stays between `1.0.0` and `1.0.1`).
 */
const withoutZerosBeforePreRelease = (items: readonly PaddedItem[]): PaddedItem[] =>
  items.reduce<PaddedItem[]>(
    (kept, item) => [...(isPreRelease(item) ? withoutTrailingZeros(kept) : kept), item],
    [],
  )

/**
 * The "generic" order, for NVD/CPE versions and ecosystems without a known order. No standard
 * defines one, so this is ours, chosen to get the usual cases right:
 * - case is ignored, a leading `v` before a digit is dropped, any non-alphanumeric is a separator;
 * - digit runs compare as numbers; missing parts are zeros (`1.0` = `1.0.0`), and zeros right
 *   before a pre-release word do not count (`1.0.0-rc1` = `1-rc1`);
 * - pre-release words sort below the release: dev < alpha = a(N) < beta = b(N) < milestone = m(N)
 *   < pre = preview < rc = cr = c(N) < snapshot < release (`1.0.0-rc1 < 1.0.0`);
 * - `final`, `ga`, `release`, `stable` are the release itself (`1.0-final` = `1.0`);
 * - any other letters follow the release and precede the next number, in text order: OpenSSL's
 *   `1.0.2 < 1.0.2a < 1.0.2k < 1.0.2za < 1.0.3`, `5.0 < 5.0 sp1`.
 */
export const genericKey = (version: string): string | undefined => {
  const trimmed = version.trim().toLowerCase()
  if (trimmed === '' || trimmed.length > MAX_VERSION_LENGTH) return undefined
  if (!/^[\x20-\x7e]+$/.test(trimmed)) return undefined
  const body = /^v[0-9]/.test(trimmed) ? trimmed.slice(1) : trimmed
  return encodePaddedSequence(withoutZerosBeforePreRelease(genericItems(body)))
}

/** Orders two version strings: negative when `a` comes first, 0 when equal, positive otherwise. */
export type VersionComparator = (a: string, b: string) => number

/**
 * Keys of the versions compared lately, bounded: NVD bounds and component versions repeat
 * across thousands of criteria.
 */
const KEY_CACHE_LIMIT = 50_000
const keys = new Map<string, string>()

/**
 * The generic key of any text: characters outside printable ASCII separate parts like
 * punctuation does, overlong text is cut, and text with no version in it gets the lowest key.
 */
const comparableKey = (version: string): string => {
  const cached = keys.get(version)
  if (cached !== undefined) return cached
  const printable = version.replace(/[^\x20-\x7e]/g, ' ').slice(0, MAX_VERSION_LENGTH)
  const key = genericKey(printable) ?? ''
  if (keys.size >= KEY_CACHE_LIMIT) keys.clear()
  keys.set(version, key)
  return key
}

/**
 * The generic order (`genericKey`) as a comparator over any text, for CPE version bounds and
 * CSAF version ranges, whose scheme is unknown. It is total, so it sorts consistently.
 */
export const compareGenericVersions: VersionComparator = (a, b) => {
  const [left, right] = [comparableKey(a), comparableKey(b)]
  return left < right ? -1 : left > right ? 1 : 0
}
