import { encodeNatural, isDigitCode, MAX_VERSION_LENGTH, runEnd, TEXT_END } from './sortable-key.js'

// apk-tools (version.c of apk-tools 3): `digit{.digit}...{letter}{_suffix{#}}...{~hash}{-r#}`.
// Tokens compare pairwise while their kinds agree; where kinds differ, a pre-release suffix
// (`_alpha`, `_beta`, `_pre`, `_rc`) is oldest, then the kind further along the grammar is older
// (so the end of a version is older than `-r1`, which is older than `_p1`, ...), and an invalid
// tail is older than everything but a pre-release suffix. Tags below follow that order.
const PRE_SUFFIX = 'A'
const INVALID = 'B'
const END = 'C'
const REVISION = 'D'
const COMMIT_HASH = 'E'
const SUFFIX_NUMBER = 'F'
const POST_SUFFIX = 'G'
const LETTER = 'H'
const DIGIT = 'I'
const INITIAL_DIGIT = 'J'

const SUFFIXES = ['alpha', 'beta', 'pre', 'rc', '', 'cvs', 'svn', 'git', 'hg', 'p']
const NO_SUFFIX = SUFFIXES.indexOf('')

/** Grammar position of the token just read, as apk's enum: what may legally follow it. */
const STAGE = { digit: 1, letter: 2, suffix: 3, suffixNumber: 4, hash: 5, revision: 6 } as const
type Stage = (typeof STAGE)[keyof typeof STAGE]

interface Token {
  readonly key: string
  readonly stage: Stage | undefined
  readonly next: number
}

const invalid: Token = { key: INVALID, stage: undefined, next: Number.POSITIVE_INFINITY }

const isLowerCode = (code: number): boolean => code >= 0x61 && code <= 0x7a
const isHexCode = (code: number): boolean => isDigitCode(code) || (code >= 0x61 && code <= 0x66)

/**
 * Digits after a dot: apk compares them as numbers, unless either side has a leading zero, in
 * which case both compare as strings ("Gentoo" rule). Every string starting with 0 sorts below
 * every number without one, so the two classes order as a prefix.
 */
const dottedDigits = (digits: string): string =>
  digits.startsWith('0') ? `0${digits}${TEXT_END}` : `1${encodeNatural(digits)}`

const digitToken = (version: string, start: number, stage: Stage): Token => {
  const end = runEnd(version, start, isDigitCode)
  if (end === start) return invalid
  const digits = version.slice(start, end)
  if (stage === STAGE.suffix)
    return { key: SUFFIX_NUMBER + encodeNatural(digits), stage: STAGE.suffixNumber, next: end }
  return { key: DIGIT + dottedDigits(digits), stage: STAGE.digit, next: end }
}

const suffixToken = (version: string, start: number): Token => {
  const end = runEnd(version, start, isLowerCode)
  const index = SUFFIXES.indexOf(version.slice(start, end))
  if (end === start || index < 0) return invalid
  const tag = index < NO_SUFFIX ? PRE_SUFFIX : POST_SUFFIX
  return { key: tag + String.fromCharCode(0x41 + index), stage: STAGE.suffix, next: end }
}

const hashToken = (version: string, start: number): Token => {
  const end = runEnd(version, start, isHexCode)
  if (end === start) return invalid
  return { key: COMMIT_HASH + version.slice(start, end) + TEXT_END, stage: STAGE.hash, next: end }
}

const revisionToken = (version: string, start: number): Token => {
  if (version.charCodeAt(start) !== 0x72) return invalid
  const end = runEnd(version, start + 1, isDigitCode)
  if (end === start + 1) return invalid
  const key = REVISION + encodeNatural(version.slice(start + 1, end))
  return { key, stage: STAGE.revision, next: end }
}

/** apk's token_next: the token starting at `start`, given the stage of the previous one. */
const nextToken = (version: string, start: number, stage: Stage): Token => {
  const code = version.charCodeAt(start)
  if (isLowerCode(code)) {
    if (stage > STAGE.digit) return invalid
    return { key: LETTER + version.charAt(start), stage: STAGE.letter, next: start + 1 }
  }
  if (code === 0x2e)
    return stage > STAGE.digit ? invalid : digitToken(version, start + 1, STAGE.digit)
  if (isDigitCode(code)) return stage === STAGE.suffix ? digitToken(version, start, stage) : invalid
  if (code === 0x5f) return stage > STAGE.suffixNumber ? invalid : suffixToken(version, start + 1)
  if (code === 0x7e) return stage >= STAGE.hash ? invalid : hashToken(version, start + 1)
  if (code === 0x2d) return stage >= STAGE.revision ? invalid : revisionToken(version, start + 1)
  return invalid
}

/**
 * Alpine, Wolfi and Chainguard (apk). Any non-empty string gets a key: like apk, an invalid tail
 * compares as one "invalid" token, so `1.0 < 1.0bc` and all-invalid versions are equal.
 */
export const alpineKey = (version: string): string | undefined => {
  if (version === '' || version.length > MAX_VERSION_LENGTH) return undefined
  const first = runEnd(version, 0, isDigitCode)
  if (first === 0) return INVALID
  let key = INITIAL_DIGIT + encodeNatural(version.slice(0, first))
  let token: Token = { key: '', stage: STAGE.digit, next: first }
  while (token.next < version.length && token.stage !== undefined) {
    token = nextToken(version, token.next, token.stage)
    key += token.key
  }
  return token.stage === undefined ? key : key + END
}

/** apk_version_validate: the whole string follows the grammar. */
export const isValidAlpineVersion = (version: string): boolean =>
  alpineKey(version)?.endsWith(END) ?? false
