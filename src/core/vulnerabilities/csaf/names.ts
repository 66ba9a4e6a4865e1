import {
  editDistance,
  GENERIC_PRODUCT_WORDS,
  nameTokens,
  parenthesised,
  vendorNames,
  withoutParentheses,
} from './name-words.js'

/**
 * Vendor and product names as advisories and SBOMs spell them differently: "Becton, Dickinson and
 * Company (BD)" and "BD", "Phillips" and "Philips", "IntelliVue MX40 Patient Worn Monitor (WLAN
 * only)" and "IntelliVue MX40".
 */
export type NameRelation = 'equal' | 'similar' | 'different'

/** One typo per eight letters or so: "phillips" ~ "philips", not "ge" ~ "bd". */
const nearlySame = (a: string, b: string): boolean =>
  Math.min(a.length, b.length) >= 5 &&
  Math.abs(a.length - b.length) <= 2 &&
  editDistance(a, b) <= Math.max(1, Math.floor(Math.max(a.length, b.length) / 8))

const containsAll = (outer: readonly string[], inner: readonly string[]): boolean =>
  inner.length > 0 && inner.every((token) => outer.includes(token))

/** A designation such as `mx40`, `b450`, `cms8000` or `24950`: letters with digits, or 3+ digits. */
const isModelToken = (token: string): boolean =>
  (/\d/.test(token) && /[a-z]/.test(token)) || /^\d{3,}$/.test(token)

/**
 * Both sides name models and none is shared ("MiniMed 620G" and "MiniMed 630G", or a component of
 * model 24950 and "24952 MyCareLink Monitor"): different products, however alike the names.
 */
const otherModel = (
  mine: readonly string[],
  theirs: readonly string[],
  componentModels: readonly string[],
): boolean => {
  const models = new Set([
    ...mine.filter(isModelToken),
    ...componentModels.map((model) => nameTokens(model).join('')),
  ])
  const named = theirs.filter(isModelToken)
  return models.size > 0 && named.length > 0 && !named.some((token) => models.has(token))
}

/** Short upper-case designations in parentheses: "(CSM)", "(PICiX)", "(CSCS)". */
const acronyms = (name: string): string[] =>
  parenthesised(name)
    .filter((inner) => /^[A-Za-z0-9-]{2,8}$/.test(inner) && /[A-Z]/.test(inner))
    .map((inner) => inner.toLowerCase().replace(/-/g, ''))

export interface NameComparer {
  /**
   * `equal` when one of the names each goes by is the same; `similar` when one name's words all
   * appear in the other's ("Innokas" in "Innokas Yhtymä Oy") or they differ by a typo; else
   * `different`.
   */
  readonly compareVendors: (a: string, b: string) => NameRelation
  /** Does the vendor's name appear among the words of `text` (a brand named in a product name)? */
  readonly vendorNamedIn: (vendor: string, text: string) => boolean
  /**
   * How a component's product name relates to a product name of the advisory, both without
   * vendor names and generic device words: `equal` when the distinctive words are the same, when
   * the words of one, a model designation among them, all appear in the other's ("MX40" in
   * "IntelliVue MX40 Patient Worn Monitor", "B450" in "CARESCAPE B450"), or when the component is
   * named by the product's acronym; `similar` when one's words all appear in the other's or they
   * differ by a typo; `different` otherwise, and always when both name models and share none.
   * `componentModels` are the component's model numbers, as further names of its model.
   */
  readonly compareProductNames: (
    component: string,
    product: string,
    vendors: readonly string[],
    componentModels?: readonly string[],
  ) => NameRelation
}

const memoize = <T>(compute: (key: string) => T): ((key: string) => T) => {
  const known = new Map<string, T>()
  return (key) => {
    let value = known.get(key)
    if (value === undefined) {
      value = compute(key)
      known.set(key, value)
    }
    return value
  }
}

/**
 * Name comparisons that remember what they derived from each name, for one matching run over
 * many products (the same vendors and names recur in every advisory of a vendor).
 */
export const createNameComparer = (): NameComparer => {
  const namesOf = memoize((vendor) => [...vendorNames(vendor)])
  const wordsOf = memoize((vendor) => new Set(namesOf(vendor).flatMap((name) => name.split(' '))))
  const tokensOf = memoize((name) => nameTokens(withoutParentheses(name)))
  const acronymsOf = memoize(acronyms)
  const distinctiveOf = memoize((key) => {
    const [name = '', ...vendors] = key.split('\u0000')
    return tokensOf(name).filter(
      (token) =>
        !GENERIC_PRODUCT_WORDS.has(token) && !vendors.some((vendor) => wordsOf(vendor).has(token)),
    )
  })
  const distinctive = (name: string, vendors: readonly string[]): string[] =>
    distinctiveOf([name, ...vendors].join('\u0000'))

  const vendorPairs = new Map<string, Map<string, NameRelation>>()
  const compareVendors = (a: string, b: string): NameRelation => {
    const known = vendorPairs.get(a) ?? new Map<string, NameRelation>()
    vendorPairs.set(a, known)
    let relation = known.get(b)
    if (relation === undefined) {
      relation = relateVendors(a, b)
      known.set(b, relation)
    }
    return relation
  }

  const relateVendors = (a: string, b: string): NameRelation => {
    const left = namesOf(a)
    const right = namesOf(b)
    if (left.some((name) => right.includes(name))) return 'equal'
    const similar = left.some((x) =>
      right.some((y) => {
        const xs = x.split(' ')
        const ys = y.split(' ')
        return containsAll(xs, ys) || containsAll(ys, xs) || nearlySame(x, y)
      }),
    )
    return similar ? 'similar' : 'different'
  }

  const brands = new Map<string, Map<string, boolean>>()
  const vendorNamedIn = (vendor: string, text: string): boolean => {
    const known = brands.get(vendor) ?? new Map<string, boolean>()
    brands.set(vendor, known)
    let named = known.get(text)
    if (named === undefined) {
      const words = nameTokens(text)
      named = namesOf(vendor).some(
        (name) => name.length >= 3 && containsAll(words, name.split(' ')),
      )
      known.set(text, named)
    }
    return named
  }

  const compareProductNames = (
    component: string,
    product: string,
    vendors: readonly string[],
    componentModels: readonly string[] = [],
  ): NameRelation => {
    const mine = distinctive(component, vendors)
    const theirs = distinctive(product, vendors)
    if (mine.length === 0 || theirs.length === 0) return 'different'
    if (otherModel(mine, theirs, componentModels)) return 'different'
    const same = mine.length === theirs.length && containsAll(theirs, mine)
    const mineAndModels = [...mine, ...componentModels.map((model) => nameTokens(model).join(''))]
    const modelInside =
      (mine.some(isModelToken) && containsAll(theirs, mine)) ||
      (theirs.some(isModelToken) && containsAll(mineAndModels, theirs))
    if (same || modelInside || acronymsOf(product).includes(mine.join(''))) return 'equal'
    if (containsAll(theirs, mine) || containsAll(mine, theirs)) return 'similar'
    return nearlySame(mine.join(' '), theirs.join(' ')) ? 'similar' : 'different'
  }

  return { compareVendors, vendorNamedIn, compareProductNames }
}
