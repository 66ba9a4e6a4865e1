import { encodeNatural, TEXT_END } from './sortable-key.js'

// SemVer 2.0 §11 precedence, shared by npm-style SemVer, Go modules and NuGet: numeric core parts
// in order, then a release sorts after all of its pre-releases, pre-release identifiers compare
// one by one (numeric ones by value and before alphanumeric ones, alphanumeric ones in ASCII
// order), and a longer list of equal identifiers sorts last. Build metadata does not count.
const PRERELEASE = '\u0002'
const RELEASE = '\u0003'
const IDENTIFIERS_END = '\u0001'
const NUMERIC_IDENTIFIER = '\u0002'
const ALPHANUMERIC_IDENTIFIER = '\u0003'

export const encodeSemverKey = (
  core: readonly string[],
  prerelease: readonly string[],
  isNumeric: (identifier: string) => boolean,
): string => {
  let key = ''
  for (const part of core) key += encodeNatural(part)
  if (prerelease.length === 0) return key + RELEASE
  key += PRERELEASE
  for (const identifier of prerelease) {
    key += isNumeric(identifier)
      ? NUMERIC_IDENTIFIER + encodeNatural(identifier)
      : ALPHANUMERIC_IDENTIFIER + identifier + TEXT_END
  }
  return key + IDENTIFIERS_END
}

export const isDigits = (text: string): boolean => /^[0-9]+$/.test(text)
