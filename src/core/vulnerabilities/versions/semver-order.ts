import { parse } from 'semver'

import { encodeSemverKey, isDigits } from './semver-key.js'
import { MAX_VERSION_LENGTH } from './sortable-key.js'

/**
 * SemVer 2.0 (npm, crates.io, Hex, Pub, and every OSV `SEMVER` range). node-semver's own parser
 * decides what is a version (strict grammar, optional leading `v`), and the key orders as its
 * `compare` does. OSV `SEMVER` events have no npm range rule that hides pre-releases, so this is
 * `compare`, never `satisfies`.
 */
export const semverKey = (version: string): string | undefined => {
  if (version.length > MAX_VERSION_LENGTH) return undefined
  const parsed = parse(version)
  if (parsed === null) return undefined
  return encodeSemverKey(
    [String(parsed.major), String(parsed.minor), String(parsed.patch)],
    parsed.prerelease.map(String),
    isDigits,
  )
}
