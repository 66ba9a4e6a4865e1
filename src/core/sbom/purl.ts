import { PackageURL } from 'packageurl-js'

import { err, ok, type Result } from '../result.js'

const LOWER = '[a-z0-9][a-z0-9.-]*'
const ANY_CASE = '[A-Za-z0-9][A-Za-z0-9._-]*'
const VERSION = '(?:@[A-Za-z0-9][A-Za-z0-9._+~-]*)?'
const QUALIFIER = '[a-z][a-z0-9._-]*=[A-Za-z0-9._-]+'
// packageurl-js refuses a Go version that starts with `v` unless a SemVer 2.0 version follows.
const NUMBER = '(?:0|[1-9][0-9]*)'
const PRERELEASE = `(?:${NUMBER}|[0-9]*[A-Za-z-][0-9A-Za-z-]*)`
const SEMVER = `${NUMBER}\\.${NUMBER}\\.${NUMBER}(?:-${PRERELEASE}(?:\\.${PRERELEASE})*)?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?`
const GO_VERSION = `(?:@(?:[A-Za-uw-z0-9][A-Za-z0-9._+~-]*|v${SEMVER}))?`
const CANONICAL = new RegExp(
  '^pkg:(?:' +
    [
      `npm/(?:(?:%40)?${LOWER}/)?${LOWER}${VERSION}`,
      `(?:pypi|composer|deb|github|gitlab|bitbucket|apk|hex|alpm)/(?:${LOWER}/)*${LOWER}${VERSION}`,
      `maven/(?:${ANY_CASE}/)+${ANY_CASE}${VERSION}`,
      `(?:generic|nuget|gem|cargo)/(?:${ANY_CASE}/)*${ANY_CASE}${VERSION}`,
      `golang/(?:${ANY_CASE}/)*${ANY_CASE}${GO_VERSION}`,
    ].join('|') +
    `)(?:\\?${QUALIFIER}(?:&${QUALIFIER})*)?$`,
)

/**
 * True for purls of common types that are certainly canonical already: lower case where the type
 * asks for it, nothing to percent-encode, qualifier keys sorted. Most purls in real SBOMs are, and
 * parsing each with packageurl-js costs microseconds that add up at 100k components; a test holds
 * this shortcut to packageurl-js's answer.
 */
export const isCanonicalPurl = (text: string): boolean => {
  if (!CANONICAL.test(text)) return false
  const query = text.indexOf('?')
  if (query === -1) return true
  let previous = ''
  for (const pair of text.slice(query + 1).split('&')) {
    const key = pair.slice(0, pair.indexOf('='))
    if (key <= previous) return false
    previous = key
  }
  return true
}

/**
 * The canonical form of a package URL (type and name rules of the purl spec applied by
 * packageurl-js: `pkg:pypi/Some_Name` becomes `pkg:pypi/some-name`, qualifiers sorted), so the
 * same package is one string in every SBOM; or why it is not a purl.
 */
export const normalizePurl = (text: string): Result<string, string> => {
  if (isCanonicalPurl(text)) return ok(text)
  try {
    return ok(PackageURL.fromString(text).toString())
  } catch (error) {
    return err(error instanceof Error ? error.message : String(error))
  }
}

/**
 * `normalizePurl` with a memory: SBOMs of one product repeat the same packages, and parsing a purl
 * costs a few microseconds. Canonical purls are answered before the memory (the check is cheaper
 * than remembering 100k distinct purls). The cache lives as long as the returned function.
 */
export const cachedPurlNormalizer = (): ((text: string) => Result<string, string>) => {
  const seen = new Map<string, Result<string, string>>()
  return (text) => {
    if (isCanonicalPurl(text)) return ok(text)
    let known = seen.get(text)
    if (known === undefined) {
      known = normalizePurl(text)
      seen.set(text, known)
    }
    return known
  }
}
