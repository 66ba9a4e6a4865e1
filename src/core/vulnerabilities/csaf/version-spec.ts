/** A comparator of the purl `vers` specification. */
export type VersComparator = '=' | '!=' | '<' | '<=' | '>' | '>='

export interface VersionConstraint {
  readonly comparator: VersComparator
  readonly version: string
  /**
   * Set for `6.x` or `12.2.x.x`: only this many leading dot-separated segments of a tested
   * version are compared (`12.2`), so `<= 12.2.x.x` holds for 12.2.9 and not for 12.3.
   */
  readonly segments?: number
}

/**
 * What a CSAF version or version-range text says:
 * - `all`: every version;
 * - `constraints`: a `vers` constraint list. When `decisive` is false, a version outside it may
 *   still be meant (a bare product_version such as `24950` or `MMT-1710` may be a model, not a
 *   version), so "outside" counts as unknown;
 * - `unknown`: text we do not read (dates, prose): the version cannot be checked.
 */
export type VersionSpec =
  | { readonly kind: 'all' }
  | {
      readonly kind: 'constraints'
      readonly constraints: readonly VersionConstraint[]
      readonly decisive: boolean
    }
  | { readonly kind: 'unknown' }

const ALL: VersionSpec = { kind: 'all' }
const UNKNOWN: VersionSpec = { kind: 'unknown' }

/** Words CISA writes for service packs and updates, made one spelling on both sides. */
export const normalizeVersionWords = (text: string): string =>
  text
    .replace(/\bservice\s+pack\b/gi, 'sp')
    .replace(/\bupdate\b/gi, 'upd')
    .replace(/\s+/g, ' ')
    .trim()

const MONTH =
  /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\d{1,2}\/\d{1,2}\/\d{2,4}/i

/** One version as CISA writes it: `1.52`, `V2.0.1`, `B.06.18`, `V17 upd 1`, `3.0 D15`, `L81`. */
const VERSION_TEXT = /^[a-z0-9][a-z0-9._\-+]*( [a-z]{1,5} ?[a-z0-9][a-z0-9._\-+]*)?$/i

/** A bare product_version that is surely a version: a dotted number, `V1.2`, `B.02`, `2.X`. */
const CLEARLY_A_VERSION = /^(v?\d+([._][0-9a-z]+)+|v\d+|[a-z]{1,2}\.\d+(\.\d+)*|\d+(\.x)+)$/i

const xWildcard = (
  version: string,
): { readonly version: string; readonly segments?: number } | undefined => {
  const match = /^(.*?)((\.[x*])+)$/i.exec(version)
  if (match === null) return { version }
  const prefix = match[1] ?? ''
  if (prefix === '' || /[x*]/i.test(prefix)) return undefined
  return { version: prefix, segments: prefix.split('.').length }
}

const constraint = (comparator: VersComparator, raw: string): VersionConstraint | undefined => {
  const text = raw.trim()
  if (text === '' || MONTH.test(text) || !VERSION_TEXT.test(text)) return undefined
  const wildcard = xWildcard(text)
  return wildcard === undefined ? undefined : { comparator, ...wildcard }
}

/** `>= V2.0 < V2.1.4` or `>=V1.80<V2.20`: comparators glued to or spaced from their versions. */
const CONSTRAINT = /\s*(<=|>=|!=|<|>|=)?\s*([^<>=!|\s][^<>=!|]*)/g

const constraintList = (text: string): VersionConstraint[] | undefined => {
  const found: VersionConstraint[] = []
  for (const piece of text.split('|')) {
    if (piece.trim() === '') continue
    let consumed = 0
    for (const match of piece.matchAll(CONSTRAINT)) {
      // Characters no constraint accounts for (`!!1.0`) make the text unreadable, not ignorable.
      if (match.index !== consumed) return undefined
      consumed += match[0].length
      const [, comparator = '=', version = ''] = match
      const parsed = constraint(comparator as VersComparator, version)
      if (parsed === undefined) return undefined
      found.push(parsed)
    }
    if (consumed !== piece.trimEnd().length && consumed !== piece.length) return undefined
  }
  return found.length === 0 ? undefined : found
}

/**
 * Reads a `vers:` range (purl vers spec): `vers:<scheme>/*` or `|`-separated constraints. The
 * scheme is ignored: versions are compared with the comparator the caller gives. CISA writes
 * `vers:all/<=4.3.1`; the vers spec's `all` scheme would make that every version, but CISA means
 * the constraint, so the constraint is read. `>=V1.80<V2.20` (no `|`) is read as two constraints.
 */
const parseVers = (text: string): VersionSpec => {
  const slash = text.indexOf('/')
  const body = slash === -1 ? '' : text.slice(slash + 1).replace(/\s+/g, '')
  if (body === '*') return ALL
  const constraints = constraintList(decodeURIComponentSafe(body))
  return constraints === undefined ? UNKNOWN : { kind: 'constraints', constraints, decisive: true }
}

const decodeURIComponentSafe = (text: string): string => {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

/** Free-text phrases CISA uses, rewritten as comparators. */
const PHRASES: readonly (readonly [RegExp, string])[] = [
  [/^(all\s+)?versions?\s+(prior\s+to|before|earlier\s+than|older\s+than)\s+/i, '<'],
  [/^(prior\s+to|before|earlier\s+than)\s+/i, '<'],
  [/^(all\s+)?versions?\s+/i, ''],
  [/^firmware\s+/i, ''],
  [/\s+(and|or)\s+(all\s+)?(prior|earlier|below|older|lower)(\s+versions?)?$/i, '<='],
  [/\s+(and|or)\s+(later|above|newer|higher)(\s+versions?)?$/i, '>='],
  [/\+$/, '>='],
]

/** Applies the phrases: a trailing phrase becomes a leading comparator. */
const rewritePhrases = (text: string): string => {
  let rewritten = text
  for (const [pattern, comparator] of PHRASES) {
    if (!pattern.test(rewritten)) continue
    rewritten = `${comparator}${rewritten.replace(pattern, '').trim()}`
  }
  return rewritten
}

/**
 * What a CSAF `product_version` (`context: 'version'`) or `product_version_range` (`'range'`)
 * branch name says. Understood: `vers:` URIs; `*`, `all`, `All versions`, `all models`;
 * comparator lists with `|` (`>= 1.0.0 | <= 1.3.1`, `<12.2.8.410`, `>= V2.0 < V2.1.4`);
 * `versions prior to 3.2`, `before 3.2`; `2.3.6 and below`, `1.70 and prior`, `4.0 or later`;
 * `x` wildcards (`2.X`, `<= 12.2.x.x`); lists `1.1 | 1.2` and `2131 and 2141`; and service-pack
 * words (`Service Pack 01` = `SP01`, `Update 1` = `Upd 1`). Parenthesised remarks are dropped.
 * Dates (`< july 1 2017`, `<8/30/2024`) and prose are `unknown`.
 */
export const parseCsafVersionText = (text: string, context: 'version' | 'range'): VersionSpec => {
  const trimmed = text.trim()
  if (/^vers:/i.test(trimmed)) return parseVers(trimmed)
  const plain = normalizeVersionWords(trimmed.replace(/\([^)]*\)/g, ' '))
  if (/^(\*|all|all\s+versions?|all\s+models?)$/i.test(plain)) return ALL
  const rewritten = rewritePhrases(plain).replace(/\s+and\s+/gi, ' | ')
  const constraints = constraintList(rewritten)
  if (constraints === undefined) return UNKNOWN
  const bare = constraints.every((item) => item.comparator === '=')
  if (context === 'range' || !bare) return { kind: 'constraints', constraints, decisive: true }
  const decisive = constraints.every((item) =>
    CLEARLY_A_VERSION.test(item.segments === undefined ? item.version : `${item.version}.x`),
  )
  return { kind: 'constraints', constraints, decisive }
}
