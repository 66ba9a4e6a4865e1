import { TEXT_END } from './sortable-key.js'

// The pre-PEP 440 order that setuptools used and `packaging` kept as LegacyVersion until 22.0;
// osv.dev still orders PyPI versions that PEP 440 rejects this way (through packaging-legacy).
const COMPONENTS = /(\d+|[a-z]+|\.|-)/
const REPLACEMENTS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    pre: 'c',
    preview: 'c',
    '-': 'final-',
    rc: 'c',
    dev: '@',
  }),
)
const ZERO = '00000000'

const legacyParts = (version: string): string[] => {
  const parts: string[] = []
  for (const raw of version.toLowerCase().split(COMPONENTS)) {
    const part = REPLACEMENTS.get(raw) ?? raw
    if (part === '' || part === '.') continue
    parts.push(/^[0-9]/.test(part) ? part.padStart(8, '0') : `*${part}`)
  }
  parts.push('*final')
  return parts
}

/** LegacyVersion's `_legacy_cmpkey` parts: a tuple of strings compared as Python tuples. */
const legacyKeyParts = (version: string): string[] => {
  const key: string[] = []
  for (const part of legacyParts(version)) {
    if (part.startsWith('*')) {
      // "-" before a pre-release tag goes, and so do trailing zeros of each numeric series.
      if (part < '*final') while (key.at(-1) === '*final-') key.pop()
      while (key.at(-1) === ZERO) key.pop()
    }
    key.push(part)
  }
  return key
}

/**
 * The sortable body of a legacy version: each part closed by the lowest code unit, so a shorter
 * string and a shorter tuple sort first, as in Python. Python compares code points; restricting
 * to ASCII (the caller does) keeps that equal to our code-unit order.
 */
export const legacyPythonKeyBody = (version: string): string =>
  legacyKeyParts(version)
    .map((part) => part + TEXT_END)
    .join('')
