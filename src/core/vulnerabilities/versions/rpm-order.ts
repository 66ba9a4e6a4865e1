import {
  encodeNatural,
  isDigitCode,
  isLetterCode,
  MAX_VERSION_LENGTH,
  runEnd,
  TEXT_END,
} from './sortable-key.js'

// rpmvercmp: characters other than ASCII letters, digits, `~` and `^` only separate segments.
// At each step `~` sorts below everything (even the end: `1.0~rc1 < 1.0`), `^` above the end but
// below any segment (`1.0 < 1.0^git1 < 1.0.1`), a numeric segment above an alphabetic one, numbers
// by value, letters by strcmp; when one side runs out, the side with segments left is newer.
const TILDE = '\u0001'
const PART_END = '\u0002'
const CARET = '\u0003'
const ALPHA = '\u0004'
const NUMERIC = '\u0005'

const isSegmentCode = (code: number): boolean =>
  isDigitCode(code) || isLetterCode(code) || code === 0x7e || code === 0x5e

const segmentKey = (part: string, start: number): [string, number] => {
  const code = part.charCodeAt(start)
  if (code === 0x7e) return [TILDE, start + 1]
  if (code === 0x5e) return [CARET, start + 1]
  if (isDigitCode(code)) {
    const end = runEnd(part, start, isDigitCode)
    return [NUMERIC + encodeNatural(part.slice(start, end)), end]
  }
  const end = runEnd(part, start, isLetterCode)
  return [ALPHA + part.slice(start, end) + TEXT_END, end]
}

const encodePart = (part: string): string => {
  let key = ''
  let index = 0
  for (;;) {
    while (index < part.length && !isSegmentCode(part.charCodeAt(index))) index += 1
    if (index >= part.length) return key + PART_END
    const [segment, next] = segmentKey(part, index)
    key += segment
    index = next
  }
}

const NO_RELEASE = '\u0001'
const RELEASE = '\u0002'

/**
 * RPM (Red Hat, AlmaLinux, Rocky Linux, SUSE, openSUSE, ...): `[epoch:]version[-release]`, as
 * rpm's own rpmverParse and rpmverCmp (rpm.vercmp) read and compare it: epoch = leading digits
 * before `:` (missing = 0), release after the last `-`, then epoch, version and release each by
 * rpmvercmp, where a missing release sorts before any release, even an empty one.
 */
export const rpmKey = (version: string): string | undefined => {
  if (version === '' || version.length > MAX_VERSION_LENGTH) return undefined
  const epochEnd = runEnd(version, 0, isDigitCode)
  const hasEpoch = version.charCodeAt(epochEnd) === 0x3a
  const epoch = hasEpoch ? version.slice(0, epochEnd) : '0'
  const rest = hasEpoch ? version.slice(epochEnd + 1) : version
  const hyphen = rest.lastIndexOf('-')
  const upstream = hyphen >= 0 ? rest.slice(0, hyphen) : rest
  const release = hyphen >= 0 ? RELEASE + encodePart(rest.slice(hyphen + 1)) : NO_RELEASE
  return encodeNatural(epoch) + encodePart(upstream) + release
}
