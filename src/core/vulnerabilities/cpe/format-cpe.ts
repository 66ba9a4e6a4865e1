import { CPE_ATTRIBUTES, type CpeName, type CpeValue, type CpeWildcard } from './cpe-name.js'

const wildcards = (wildcard: CpeWildcard): string => (wildcard === '*' ? '*' : '?'.repeat(wildcard))

/** Quotes what a formatted string may not carry bare; a lone `-` would read as NA. */
const quote = (text: string): string =>
  text === '-' ? '\\-' : text.replace(/[^a-z0-9._-]/g, (char) => `\\${char}`)

export const formatCpeValue = (value: CpeValue): string => {
  switch (value.kind) {
    case 'any':
      return '*'
    case 'na':
      return '-'
    case 'value':
      return quote(value.text)
    case 'pattern':
      return wildcards(value.leading) + quote(value.text) + wildcards(value.trailing)
  }
}

/** The CPE 2.3 formatted string of a name, lower-cased as matching sees it. */
export const formatCpe23 = (name: CpeName): string =>
  `cpe:2.3:${CPE_ATTRIBUTES.map((attribute) => formatCpeValue(name[attribute])).join(':')}`
