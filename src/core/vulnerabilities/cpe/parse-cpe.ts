import { err, ok, type Result } from '../../result.js'
import {
  ANY,
  CPE_ATTRIBUTES,
  NA,
  type CpeAttribute,
  type CpeName,
  type CpeValue,
} from './cpe-name.js'
import {
  languageValue,
  logicalValue,
  partValue,
  QUESTION,
  STAR,
  valueFromTokens,
  type ValueToken,
} from './cpe-value.js'

/** Longer names are not CPEs but input meant to exhaust the parser. */
export const MAX_CPE_LENGTH = 1000

const FS_PREFIX = 'cpe:2.3:'
/** Characters a formatted-string value may carry unescaped besides the wildcards. */
const PLAIN = /^[A-Za-z0-9._-]$/
/**
 * Characters that may follow a backslash: the punctuation of NISTIR 7695 (as the CSAF schema's
 * pattern lists it), plus `-`, `.` and `_`, whose quoting the reference unbinder also accepts.
 */
const ESCAPABLE = new Set('\\*?!"#$%&\'()+,/:;<=>@[]^`{|}~-._')

/**
 * Parses a CPE 2.3 formatted string (`cpe:2.3:a:openssl:openssl:1.0.2k:*:*:*:*:*:*:*`) or a CPE
 * 2.2 URI (`cpe:/a:openssl:openssl:1.0.2k`) into its eleven attributes; or says why it is not one.
 */
export const parseCpe = (text: string): Result<CpeName, string> => {
  if (text.length > MAX_CPE_LENGTH) {
    return err(`the CPE is longer than ${String(MAX_CPE_LENGTH)} characters`)
  }
  if (text.startsWith(FS_PREFIX)) return parseFormattedString(text)
  if (/^c[pP][eE]:\//.test(text)) return parseUri(text)
  return err(`'${text}' is not a CPE: it must start with 'cpe:2.3:' (CPE 2.3) or 'cpe:/' (CPE 2.2)`)
}

const andThen = <T, U>(
  result: Result<T, string>,
  next: (value: T) => Result<U, string>,
): Result<U, string> => (result.ok ? next(result.value) : result)

const named = (
  text: string,
  values: readonly Result<CpeValue, string>[],
): Result<CpeName, string> => {
  const name: Partial<Record<CpeAttribute, CpeValue>> = {}
  for (const [index, attribute] of CPE_ATTRIBUTES.entries()) {
    const value = values[index] ?? ok(ANY)
    if (!value.ok) return err(`'${text}': ${attribute} ${value.error}`)
    name[attribute] = value.value
  }
  return ok(name as CpeName)
}

/** Splits on colons that no backslash quotes. */
const splitFields = (text: string): string[] => {
  const fields: string[] = []
  let current = ''
  for (let index = 0; index < text.length; index += 1) {
    const char = text.charAt(index)
    if (char === '\\') {
      current += text.slice(index, index + 2)
      index += 1
    } else if (char === ':') {
      fields.push(current)
      current = ''
    } else current += char
  }
  fields.push(current)
  return fields
}

const parseFormattedString = (text: string): Result<CpeName, string> => {
  const fields = splitFields(text.slice(FS_PREFIX.length))
  if (fields.length !== CPE_ATTRIBUTES.length) {
    return err(
      `'${text}' has ${String(fields.length)} values after 'cpe:2.3:'; a CPE 2.3 name has 11 (part, vendor, product, version, update, edition, language, sw_edition, target_sw, target_hw, other)`,
    )
  }
  return named(
    text,
    fields.map((raw, index) => {
      const value = formattedValue(raw)
      if (!value.ok) return err(`'${raw}' ${value.error}`)
      if (index === 0)
        return /^[aho*-]$/.test(raw) ? partValue(value.value) : err(`'${raw}' ${PART}`)
      return index === 6 ? languageValue(value.value) : value
    }),
  )
}

const PART = 'must be a (application), o (operating system) or h (hardware), in lower case'

const formattedValue = (raw: string): Result<CpeValue, string> => {
  if (raw === '') return err('is empty: write * for ANY or - for not applicable')
  const logical = logicalValue(raw)
  if (logical !== undefined) return ok(logical)
  const tokens: ValueToken[] = []
  for (let index = 0; index < raw.length; index += 1) {
    const char = raw.charAt(index)
    if (char === '\\') {
      const quoted = raw.charAt(index + 1)
      if (quoted === '') return err('ends with a backslash that quotes nothing')
      if (!ESCAPABLE.has(quoted)) return err(`quotes '${quoted}', which needs no backslash`)
      tokens.push({ literal: quoted })
      index += 1
    } else if (char === '*') tokens.push(STAR)
    else if (char === '?') tokens.push(QUESTION)
    else if (PLAIN.test(char)) tokens.push({ literal: char })
    else return err(`has '${char}', which must be quoted with a backslash`)
  }
  return valueFromTokens(tokens)
}

/** Percent-encodings a CPE URI may use (NISTIR 7695, URI binding); `%01`, `%02` are wildcards. */
const DECODED = new Map<string, ValueToken>([
  ['%01', QUESTION],
  ['%02', STAR],
  ...'!"#$%&\'()*+,/:;<=>?@[\\]^`{|}~'
    .split('')
    .map((char): [string, ValueToken] => [
      `%${char.charCodeAt(0).toString(16).padStart(2, '0')}`,
      { literal: char },
    ]),
])
const URI_COMPONENT = /^[A-Za-z0-9._\-~%]*$/

const parseUri = (text: string): Result<CpeName, string> => {
  const components = text.slice('cpe:/'.length).split(':')
  if (components.length > 7) {
    return err(
      `'${text}' has ${String(components.length)} components; a CPE 2.2 URI has at most 7 (part, vendor, product, version, update, edition, language)`,
    )
  }
  const bad = components.find((component) => !URI_COMPONENT.test(component))
  if (bad !== undefined) {
    return err(`'${text}': '${bad}' has a character a CPE URI must percent-encode`)
  }
  const [part = '', vendor = '', product = '', version = '', update = '', edition = ''] = components
  const language = components[6] ?? ''
  const packed = unpackEdition(edition)
  if (!packed.ok) return err(`'${text}': edition ${packed.error}`)
  const [packedEdition = '', ...extended] = packed.value
  return named(text, [
    /^[aho]?$/i.test(part) ? andThen(uriValue(part), partValue) : err(`'${part}' ${PART}`),
    uriValue(vendor),
    uriValue(product),
    uriValue(version),
    uriValue(update),
    uriValue(packedEdition),
    andThen(uriValue(language), languageValue),
    ...extended.map(uriValue),
  ])
}

/**
 * A packed edition (`~edition~sw_edition~target_sw~target_hw~other`) carries the five attributes
 * CPE 2.3 added; any other edition is the edition alone.
 */
const unpackEdition = (edition: string): Result<string[], string> => {
  if (!edition.startsWith('~')) return ok([edition, '', '', '', ''])
  const fields = edition.slice(1).split('~')
  return fields.length === 5
    ? ok(fields)
    : err(`'${edition}' is packed (starts with ~) but has ${String(fields.length)} fields, not 5`)
}

const uriValue = (component: string): Result<CpeValue, string> => {
  if (component === '') return ok(ANY)
  if (component === '-') return ok(NA)
  const tokens: ValueToken[] = []
  for (let index = 0; index < component.length; index += 1) {
    const char = component.charAt(index)
    if (char === '%') {
      const code = component.slice(index, index + 3).toLowerCase()
      const token = DECODED.get(code)
      if (token === undefined) return err(`'${component}' has the unknown encoding '${code}'`)
      tokens.push(token)
      index += 2
    } else tokens.push({ literal: char })
  }
  const value = valueFromTokens(tokens)
  return value.ok ? value : err(`'${component}' ${value.error}`)
}
