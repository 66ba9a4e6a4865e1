import {
  encodeNatural,
  isDigitCode,
  isLetterCode,
  isPrintableAscii,
  MAX_VERSION_LENGTH,
} from './sortable-key.js'

// dpkg's verrevcmp: a version part is a sequence of (non-digit run, digit run) pairs. Runs of
// non-digits compare character by character with `~` lowest, then the end of the run (or of the
// string), then letters, then everything else; digit runs compare as numbers. So
// `1.0~rc1 < 1.0 < 1.0+b1 < 1.0.1`, and a missing revision equals `0`.
const TILDE = '\u0001'
const PART_END = '\u0002'
const RUN_END = '\u0003'
const NON_LETTER_OFFSET = 0x100
const EPOCH_MAX = 2147483647

const runCharacter = (code: number): string => {
  if (code === 0x7e) return TILDE
  return String.fromCharCode(isLetterCode(code) ? code : code + NON_LETTER_OFFSET)
}

/**
 * The first pair is always written, even when empty, so a part that ends always meets a
 * non-empty run of the other part, where "end" sorts above `~` and below everything else.
 */
const encodePart = (part: string): string => {
  let key = ''
  let index = 0
  do {
    while (index < part.length && !isDigitCode(part.charCodeAt(index))) {
      key += runCharacter(part.charCodeAt(index))
      index += 1
    }
    const start = index
    while (index < part.length && isDigitCode(part.charCodeAt(index))) index += 1
    key += RUN_END + encodeNatural(part.slice(start, index))
  } while (index < part.length)
  return key + PART_END
}

interface DebianVersion {
  readonly epoch: string
  readonly upstream: string
  readonly revision: string
}

/** dpkg's parseversion, refusing what it refuses with an error (not what it only warns about). */
const parseDebian = (version: string): DebianVersion | undefined => {
  const colon = version.indexOf(':')
  const epoch = colon >= 0 ? version.slice(0, colon) : '0'
  if (!/^[0-9]+$/.test(epoch) || Number(epoch) > EPOCH_MAX) return undefined
  const rest = version.slice(colon + 1)
  const hyphen = rest.lastIndexOf('-')
  const upstream = hyphen >= 0 ? rest.slice(0, hyphen) : rest
  const revision = hyphen >= 0 ? rest.slice(hyphen + 1) : ''
  if (upstream === '' || (hyphen >= 0 && revision === '')) return undefined
  return { epoch, upstream, revision }
}

/**
 * Debian and Ubuntu (dpkg): `[epoch:]upstream[-revision]`. Versions dpkg only warns about (not
 * starting with a digit, unusual characters) still order as dpkg orders them; non-ASCII text is
 * refused because dpkg compares it byte by byte as signed chars.
 */
export const debianKey = (version: string): string | undefined => {
  const trimmed = version.trim()
  if (trimmed.length > MAX_VERSION_LENGTH || !isPrintableAscii(trimmed)) return undefined
  const parsed = parseDebian(trimmed)
  if (parsed === undefined) return undefined
  return encodeNatural(parsed.epoch) + encodePart(parsed.upstream) + encodePart(parsed.revision)
}
