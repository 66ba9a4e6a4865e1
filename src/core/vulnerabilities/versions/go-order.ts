import { encodeSemverKey, isDigits } from './semver-key.js'
import { MAX_VERSION_LENGTH } from './sortable-key.js'

// golang.org/x/mod/semver's grammar: no leading zeros in numbers or numeric identifiers, and the
// shorthands `v1` and `v1.2` (meaning v1.0.0 and v1.2.0) only without pre-release or build.
const NUMBER = '(0|[1-9][0-9]*)'
const IDENTIFIER = '(?:0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)'
const BUILD = '[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*'
const GO_VERSION = new RegExp(
  `^${NUMBER}(?:\\.${NUMBER}(?:\\.${NUMBER}(?:-(${IDENTIFIER}(?:\\.${IDENTIFIER})*))?(?:\\+${BUILD})?)?)?$`,
)

/**
 * Go modules. OSV strips Go's mandatory `v`, so it is optional here. Pseudo-versions
 * (`v0.0.0-20210101000000-abcdef123456`) are pre-releases and order by their timestamp part;
 * `+incompatible` is build metadata and does not count.
 */
export const goKey = (version: string): string | undefined => {
  if (version.length > MAX_VERSION_LENGTH) return undefined
  const match = GO_VERSION.exec(version.startsWith('v') ? version.slice(1) : version)
  if (match === null) return undefined
  const [, major = '0', minor = '0', patch = '0', prerelease] = match
  return encodeSemverKey(
    [major, minor, patch],
    prerelease === undefined ? [] : prerelease.split('.'),
    isDigits,
  )
}
