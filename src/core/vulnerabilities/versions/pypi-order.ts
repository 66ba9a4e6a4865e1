import { VERSION_PATTERN } from '@renovatebot/pep440/lib/version.js'

import { legacyPythonKeyBody } from './python-legacy-order.js'
import { encodeNatural, MAX_VERSION_LENGTH, TEXT_END } from './sortable-key.js'

// PEP 440's grammar as @renovatebot/pep440 spells it, with the surrounding whitespace that
// packaging's Version accepts. Numbers are read from the text, not through JavaScript numbers,
// so release segments longer than 2^53 (date-stamped builds) still order exactly.
const PEP440 = new RegExp(`^\\s*${VERSION_PATTERN}\\s*$`, 'i')

const LEGACY = '\u0001'
const PEP440_VERSION = '\u0002'
const LOW = '\u0001'
const VALUE = '\u0002'
const HIGH = '\u0003'
const PRE_RANK: ReadonlyMap<string, string> = new Map(
  Object.entries({
    a: '\u0001',
    alpha: '\u0001',
    b: '\u0002',
    beta: '\u0002',
    c: '\u0003',
    rc: '\u0003',
    pre: '\u0003',
    preview: '\u0003',
  }),
)

type Groups = Partial<Record<string, string>>

/** Release segments without trailing zeros (`1.0` = `1`), each a natural, then an end mark. */
const releaseKey = (release: string): string => {
  const segments = release.split('.')
  while (segments.length > 0 && /^0+$/.test(segments.at(-1) ?? '')) segments.pop()
  return segments.map((segment) => VALUE + encodeNatural(segment)).join('') + LOW
}

/** packaging's `_cmpkey` pre-release slot: a dev-only release sorts before its pre-releases. */
const preKey = (groups: Groups): string => {
  const letter = groups['pre_l']
  if (letter !== undefined) {
    return (
      VALUE + (PRE_RANK.get(letter.toLowerCase()) ?? HIGH) + encodeNatural(groups['pre_n'] ?? '')
    )
  }
  const isPost = groups['post_n1'] !== undefined || groups['post_l'] !== undefined
  return !isPost && groups['dev_l'] !== undefined ? LOW : HIGH
}

const postKey = (groups: Groups): string => {
  const number = groups['post_n1'] ?? groups['post_n2']
  if (number === undefined && groups['post_l'] === undefined) return LOW
  return VALUE + encodeNatural(number ?? '')
}

const devKey = (groups: Groups): string =>
  groups['dev_l'] === undefined ? HIGH : VALUE + encodeNatural(groups['dev_n'] ?? '')

/** Local labels: numeric parts above text parts, a shorter label first; none sorts lowest. */
const localKey = (local: string | undefined): string => {
  if (local === undefined) return LOW
  const parts = local.toLowerCase().split(/[-_.]/)
  const body = parts.map((part) =>
    /^[0-9]+$/.test(part) ? HIGH + encodeNatural(part) : VALUE + part + TEXT_END,
  )
  return VALUE + body.join('') + LOW
}

const pep440Key = (groups: Groups): string =>
  PEP440_VERSION +
  encodeNatural(groups['epoch'] ?? '') +
  releaseKey(groups['release'] ?? '') +
  preKey(groups) +
  postKey(groups) +
  devKey(groups) +
  localKey(groups['local'])

/** Whether `version` is a PEP 440 version (else PyPI versions take the legacy order). */
export const isPep440Version = (version: string): boolean =>
  version.length <= MAX_VERSION_LENGTH && PEP440.test(version)

/**
 * PyPI. PEP 440 versions order as Python's `packaging.version.Version`. Versions PEP 440 rejects
 * (`0.3m1`, `2.0.1rc2-git`, `1.0-final`, dates) are not dropped: they order as `packaging` 21's
 * LegacyVersion did, before every PEP 440 version, which is how osv.dev generated the `versions`
 * lists of PyPI advisories. Only printable ASCII takes that fallback.
 */
export const pypiKey = (version: string): string | undefined => {
  if (version.length > MAX_VERSION_LENGTH) return undefined
  const groups = PEP440.exec(version)?.groups
  if (groups !== undefined) return pep440Key(groups)
  if (!/^[\x20-\x7e]+$/.test(version)) return undefined
  return LEGACY + legacyPythonKeyBody(version)
}
