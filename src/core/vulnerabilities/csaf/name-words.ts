/** The words of vendor and product names, and the words that do not tell names apart. */

/** Lower case, accents and ™ ® dropped, anything but letters and digits a separator. */
export const nameTokens = (text: string): string[] =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[™®©]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((token) => token !== '')

/** Legal forms and words every medical vendor could carry: they do not tell vendors apart. */
const VENDOR_NOISE = new Set([
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'ltd',
  'limited',
  'llc',
  'gmbh',
  'ag',
  'sa',
  'nv',
  'bv',
  'plc',
  'oy',
  'oyj',
  'ab',
  'as',
  'kg',
  'spa',
  'srl',
  'the',
  'and',
  'of',
  'medical',
  'healthcare',
  'health',
  'systems',
  'technologies',
  'technology',
  'international',
  'group',
  'holdings',
  'solutions',
  'devices',
])

/** Words that name a kind of device, not a product: dropped before names are compared. */
export const GENERIC_PRODUCT_WORDS = new Set([
  'the',
  'and',
  'with',
  'for',
  'of',
  'only',
  'all',
  'monitor',
  'monitors',
  'monitoring',
  'patient',
  'worn',
  'system',
  'systems',
  'software',
  'pump',
  'pumps',
  'infusion',
  'syringe',
  'wireless',
  'wlan',
  'wifi',
  'device',
  'devices',
  'series',
  'family',
  'model',
  'models',
  'station',
  'server',
  'application',
  'app',
  'module',
  'unit',
  'units',
  'product',
  'products',
  'version',
  'versions',
])

export const parenthesised = (text: string): string[] =>
  [...text.matchAll(/\(([^()]*)\)/g)].map((match) => match[1] ?? '').filter((inner) => inner !== '')

export const withoutParentheses = (text: string): string => text.replace(/\([^)]*\)/g, ' ')

/**
 * The names a vendor goes by: its name without legal forms, what it puts in parentheses
 * ("General Electric (GE)"), and the initials of a name of two or more words ("ge").
 */
export const vendorNames = (vendor: string): Set<string> => {
  const names = new Set<string>()
  for (const text of [withoutParentheses(vendor), ...parenthesised(vendor)]) {
    const tokens = nameTokens(text).filter((token) => !VENDOR_NOISE.has(token))
    if (tokens.length === 0) continue
    names.add(tokens.join(' '))
    if (tokens.length > 1) names.add(tokens.map((token) => token.charAt(0)).join(''))
  }
  return names
}

export const editDistance = (a: string, b: string): number => {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i]
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution)
    }
    previous = current
  }
  return previous[b.length] ?? 0
}
