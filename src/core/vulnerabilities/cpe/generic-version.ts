/** Orders two version strings: negative when `a` comes first, 0 when equal, positive otherwise. */
export type VersionComparator = (a: string, b: string) => number

type Token = { readonly number: string } | { readonly word: string }

/**
 * Qualifiers that mark a version before its release. Single letters are not among them: in CPE
 * data `1.0.2k` (OpenSSL) and `9.8p1` (OpenSSH) are later than `1.0.2` and `9.8`.
 */
const PRE_RELEASE = new Map([
  ['dev', 0],
  ['snapshot', 0],
  ['alpha', 1],
  ['beta', 2],
  ['milestone', 3],
  ['pre', 4],
  ['preview', 4],
  ['rc', 5],
  ['cr', 5],
])

const tokenize = (version: string): Token[] =>
  (
    version
      .toLowerCase()
      .replace(/^v(?=\d)/, '')
      .match(/\d+|[a-z]+/g) ?? []
  ).map((part) => (/^\d/.test(part) ? { number: part.replace(/^0+(?=\d)/, '') } : { word: part }))

const ZERO: Token = { number: '0' }

const compareNumbers = (a: string, b: string): number =>
  a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0

const compareWords = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Tokens fall into four classes, in this order: pre-release qualifiers, zero (which is also what
 * the shorter version is padded with), other words, positive numbers. So `1.0.beta` < `1` = `1.0` <
 * `1.0.2` < `1.0.2k` < `1.0.2.1`, and the order stays transitive.
 */
const tokenClass = (token: Token): number => {
  if ('word' in token) return PRE_RELEASE.has(token.word) ? 0 : 2
  return token.number === '0' ? 1 : 3
}

const compareTokens = (a: Token, b: Token): number => {
  const byClass = tokenClass(a) - tokenClass(b)
  if (byClass !== 0) return byClass
  if ('number' in a && 'number' in b) return compareNumbers(a.number, b.number)
  if ('word' in a && 'word' in b) {
    const byRank = (PRE_RELEASE.get(a.word) ?? 0) - (PRE_RELEASE.get(b.word) ?? 0)
    return byRank !== 0 ? byRank : compareWords(a.word, b.word)
  }
  return 0
}

/**
 * A generic comparator for versions whose scheme is unknown (CPE versions, vendor firmware):
 * digits and letters are split into runs and other characters only separate them; numbers compare
 * numerically (leading zeros and a leading `v` ignored), words alphabetically; `dev` < `alpha` <
 * `beta` < `milestone` < `pre`/`preview` < `rc` come before the release; any other suffix comes
 * after it (`1.0.2k` > `1.0.2`, `8.5p1` > `8.5`, `V1.0 SP4` > `V1.0`), but before a further number
 * (`1.0.2k` < `1.0.2.1`); trailing zeros do not count (`1.0` = `1`). It is a total order, so it
 * sorts consistently. Ecosystem comparators (semver, PEP 440, Debian) should replace it where the
 * scheme is known.
 */
export const compareGenericVersions: VersionComparator = (a, b) => {
  const left = tokenize(a)
  const right = tokenize(b)
  const length = Math.max(left.length, right.length)
  for (let index = 0; index < length; index += 1) {
    const order = compareTokens(left[index] ?? ZERO, right[index] ?? ZERO)
    if (order !== 0) return order
  }
  return 0
}
