/** The eleven attributes of a CPE 2.3 well-formed name (NISTIR 7695 §5.2), in binding order. */
export const CPE_ATTRIBUTES = [
  'part',
  'vendor',
  'product',
  'version',
  'update',
  'edition',
  'language',
  'sw_edition',
  'target_sw',
  'target_hw',
  'other',
] as const
export type CpeAttribute = (typeof CPE_ATTRIBUTES)[number]

/**
 * Unquoted wildcards at one end of a value: none (0), one `*` (any run of characters), or a run
 * of `?` (NIST's reference matcher lets each `?` stand for at most one character).
 */
export type CpeWildcard = '*' | number

/**
 * One attribute value. `text` is the value with its escapes removed and lower-cased, because
 * CPE matching is case-insensitive: `tcp\/ip` is stored as `tcp/ip`.
 */
export type CpeValue =
  | { readonly kind: 'any' }
  | { readonly kind: 'na' }
  | { readonly kind: 'value'; readonly text: string }
  | {
      readonly kind: 'pattern'
      readonly text: string
      readonly leading: CpeWildcard
      readonly trailing: CpeWildcard
    }

export type CpeName = Readonly<Record<CpeAttribute, CpeValue>>

export const ANY: CpeValue = { kind: 'any' }
export const NA: CpeValue = { kind: 'na' }
