import { encodeSemverKey } from './semver-key.js'
import { MAX_VERSION_LENGTH } from './sortable-key.js'

const IDENTIFIERS = '[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*'
const NUGET_VERSION = new RegExp(
  `^([0-9]+)(?:\\.([0-9]+)(?:\\.([0-9]+)(?:\\.([0-9]+))?)?)?(?:-(${IDENTIFIERS}))?(?:\\+${IDENTIFIERS})?$`,
)
const INT32_MAX = '2147483647'

/** NuGet counts a label as a number only when it fits Int32.TryParse; longer digit runs are text. */
const isInt32Label = (label: string): boolean => {
  if (!/^[0-9]+$/.test(label)) return false
  const significant = label.replace(/^0+/, '')
  return (
    significant.length < INT32_MAX.length ||
    (significant.length === INT32_MAX.length && significant <= INT32_MAX)
  )
}

/**
 * NuGet (NuGet.Versioning): SemVer 2.0 with an optional fourth `revision` part (missing parts
 * are 0, so `1.0` = `1.0.0.0`) and release labels compared ignoring case (OrdinalIgnoreCase
 * upper-cases both sides, hence the upper-cased labels).
 */
export const nugetKey = (version: string): string | undefined => {
  if (version.length > MAX_VERSION_LENGTH) return undefined
  const match = NUGET_VERSION.exec(version.trim())
  if (match === null) return undefined
  const [, major = '0', minor = '0', patch = '0', revision = '0', labels] = match
  return encodeSemverKey(
    [major, minor, patch, revision],
    labels === undefined ? [] : labels.split('.').map((label) => label.toUpperCase()),
    isInt32Label,
  )
}
