import type { CsafProduct } from '../advisory.js'
import { compareGenericVersions, parseCpe, type VersionComparator } from '../cpe/index.js'
import {
  compareCpes,
  comparePurls,
  matchingModel,
  purlVersion,
  type IdentifierVerdict,
} from './identifiers.js'
import { createNameComparer, type NameComparer, type NameRelation } from './names.js'
import { checkVersion, type VersionVerdict } from './version-check.js'
import { parseCsafVersionText, type VersionSpec } from './version-spec.js'

/** What we know of a device or component to look for in an advisory's products. */
export interface CsafComponent {
  readonly vendor?: string
  readonly name: string
  readonly version?: string
  readonly modelNumbers?: readonly string[]
  readonly cpe?: string
  readonly purl?: string
}

/**
 * - `exact`: the product's purl or CPE names the component, and the version is named or inside
 *   (identified but the version not checkable: `high`);
 * - `high`: vendor and product name the same after normalizing, or a model number of the
 *   component named by the product; and the version equal or inside the range;
 * - `medium`: the product name the same, the vendor not stated or spelled differently (or named
 *   only as a brand in the product name), the version inside; or the same vendor and name, or a
 *   named model, with a version that cannot be checked (not given, or text we do not read);
 * - `low`: the names only alike (words of one within the other, or a typo apart), or the same
 *   name with neither the vendor nor the version confirming it.
 * A version outside the range, another vendor, or an identifier naming something else is no
 * match at all.
 */
export const CSAF_MATCH_CONFIDENCES = ['exact', 'high', 'medium', 'low'] as const
export type CsafMatchConfidence = (typeof CSAF_MATCH_CONFIDENCES)[number]

export interface CsafProductMatch {
  readonly product: CsafProduct
  readonly confidence: CsafMatchConfidence
  /** Why, in words a reviewer can check against the advisory. */
  readonly reason: string
}

export interface CsafMatchOptions {
  /** Orders versions; the generic comparator when absent. */
  readonly compareVersions?: VersionComparator
}

/** The version text of the product and what it says; no text means every version. */
const versionOf = (
  product: CsafProduct,
  parse: (text: string, context: 'version' | 'range') => VersionSpec,
): { text?: string; spec: VersionSpec } => {
  if (product.versionRange !== undefined) {
    return { text: product.versionRange, spec: parse(product.versionRange, 'range') }
  }
  if (product.version !== undefined) {
    return { text: product.version, spec: parse(product.version, 'version') }
  }
  return { spec: { kind: 'all' } }
}

const describeVersion = (
  verdict: VersionVerdict,
  version: string | undefined,
  text: string | undefined,
  spec: VersionSpec,
): string => {
  if (text === undefined) return 'the advisory names no version, so all are affected'
  if (spec.kind === 'all') return `'${text}' covers every version`
  if (version === undefined) return `no component version to check against '${text}'`
  if (verdict === 'in') return `version ${version} is within '${text}'`
  return `version ${version} cannot be checked against '${text}'`
}

type VendorRelation = NameRelation | 'missing'

const vendorRelation = (
  product: CsafProduct,
  component: CsafComponent,
  names: NameComparer,
): VendorRelation => {
  const vendor = component.vendor
  if (vendor === undefined) return 'missing'
  const relation =
    product.vendor === undefined ? 'missing' : names.compareVendors(vendor, product.vendor)
  if (relation === 'equal' || relation === 'similar') return relation
  const brand = [product.name, product.productName].some(
    (text) => text !== undefined && names.vendorNamedIn(vendor, text),
  )
  return brand ? 'similar' : relation
}

const describeVendor = (
  relation: VendorRelation,
  component: CsafComponent,
  product: CsafProduct,
) =>
  relation === 'missing'
    ? `vendor not stated by the ${component.vendor === undefined ? 'component' : 'advisory'}`
    : relation === 'equal'
      ? `vendor '${component.vendor ?? ''}' is '${product.vendor ?? ''}'`
      : `vendor '${component.vendor ?? ''}' matches '${product.vendor ?? product.name}' only by spelling or brand`

/** The product's names to compare with: its product_name branch, its full name, the part before ':'. */
const productNames = (product: CsafProduct): string[] => [
  ...new Set(
    [product.productName, product.name, product.name.split(':')[0]].filter(
      (name): name is string => name !== undefined && name.trim() !== '',
    ),
  ),
]

const RANK: Readonly<Record<NameRelation, number>> = { equal: 0, similar: 1, different: 2 }

const nameRelation = (
  product: CsafProduct,
  component: CsafComponent,
  names: NameComparer,
): { relation: NameRelation; name: string } => {
  const vendors = [product.vendor, component.vendor].filter(
    (vendor): vendor is string => vendor !== undefined,
  )
  let best: { relation: NameRelation; name: string } = { relation: 'different', name: product.name }
  for (const name of productNames(product)) {
    const relation = names.compareProductNames(
      component.name,
      name,
      vendors,
      component.modelNumbers,
    )
    if (RANK[relation] < RANK[best.relation]) best = { relation, name }
  }
  return best
}

const platformNote = (product: CsafProduct, byId: ReadonlyMap<string, CsafProduct>): string => {
  const relationship = product.relationship
  if (relationship === undefined) return ''
  const platform = byId.get(relationship.relatesToProductReference)
  return ` (${relationship.category.replace(/_/g, ' ')} ${platform?.name ?? relationship.relatesToProductReference})`
}

interface Context {
  readonly component: CsafComponent
  readonly compare: VersionComparator
  readonly byId: ReadonlyMap<string, CsafProduct>
  readonly names: NameComparer
  readonly parse: (text: string, context: 'version' | 'range') => VersionSpec
}

type Outcome = { confidence: CsafMatchConfidence; reason: string } | undefined

/** The component's version against the product's version text, and how to say it. */
interface VersionFacts {
  readonly verdict: VersionVerdict
  readonly said: string
}

type Lazy<T> = () => T

const versionFacts = (product: CsafProduct, context: Context): VersionFacts => {
  const { text, spec } = versionOf(product, context.parse)
  const version = context.component.version
  const verdict = checkVersion(version, spec, context.compare)
  return { verdict, said: describeVersion(verdict, version, text, spec) }
}

const byIdentifier = (
  via: string,
  verdict: IdentifierVerdict,
  fallback: Lazy<VersionFacts>,
): Outcome | 'skip' | 'continue' => {
  if (verdict.kind === 'none') return 'continue'
  if (verdict.kind === 'different') return 'skip'
  const version = verdict.version ?? fallback().verdict
  if (version === 'out') return 'skip'
  const said = verdict.version === undefined ? fallback().said : `the ${via} names the version`
  return {
    confidence: version === 'in' ? 'exact' : 'high',
    reason: `${via} names the component; ${said}`,
  }
}

const byIdentifiers = (
  product: CsafProduct,
  context: Context,
  version: Lazy<VersionFacts>,
): Outcome | 'skip' | 'continue' => {
  const { component, compare } = context
  const purl = comparePurls(product.purl, component.purl, component.version, compare)
  const byPurl = byIdentifier(`purl ${component.purl ?? ''}`, purl, version)
  if (byPurl !== 'continue') return byPurl
  const cpe = compareCpes(product.cpe, component.cpe)
  return byIdentifier(`CPE ${product.cpe ?? ''}`, cpe, version)
}

const byModel = (
  product: CsafProduct,
  context: Context,
  version: Lazy<VersionFacts>,
): Outcome | 'skip' | 'continue' => {
  const model = matchingModel(product, context.component.modelNumbers ?? [])
  if (model === undefined) return 'continue'
  const verdict = model.inVersionText ? 'in' : version().verdict
  if (verdict === 'out') return 'skip'
  const said = model.inVersionText ? 'the version field lists that model' : version().said
  return {
    confidence: verdict === 'in' ? 'high' : 'medium',
    reason: `model number ${model.model} is named by the product; ${said}`,
  }
}

const NAME_CONFIDENCE: Readonly<Record<string, CsafMatchConfidence>> = {
  'equal equal in': 'high',
  'equal equal unknown': 'medium',
  'equal similar in': 'medium',
  'equal missing in': 'medium',
  'equal similar unknown': 'low',
  'equal missing unknown': 'low',
}

const byName = (
  product: CsafProduct,
  context: Context,
  vendor: VendorRelation,
  version: Lazy<VersionFacts>,
): Outcome => {
  const name = nameRelation(product, context.component, context.names)
  if (name.relation === 'different') return undefined
  const { verdict, said: versionSaid } = version()
  if (verdict === 'out') return undefined
  const confidence =
    name.relation === 'similar' ? 'low' : (NAME_CONFIDENCE[`equal ${vendor} ${verdict}`] ?? 'low')
  const said = name.relation === 'equal' ? 'is' : 'resembles'
  return {
    confidence,
    reason: `${describeVendor(vendor, context.component, product)}; product '${context.component.name}' ${said} '${name.name}'; ${versionSaid}`,
  }
}

/** Identifiers first, then vendor, model and name; the version only once something agrees. */
const matchOne = (product: CsafProduct, context: Context): Outcome => {
  let facts: VersionFacts | undefined
  const version = (): VersionFacts => (facts ??= versionFacts(product, context))
  const identified = byIdentifiers(product, context, version)
  if (identified === 'skip') return undefined
  if (identified !== 'continue') return identified
  const vendor = vendorRelation(product, context.component, context.names)
  if (vendor === 'different') return undefined
  const model = byModel(product, context, version)
  if (model === 'skip') return undefined
  if (model !== 'continue') return model
  return byName(product, context, vendor, version)
}

/** A component that states its version only in its CPE or purl states it for the ranges too. */
const withVersion = (component: CsafComponent): CsafComponent => {
  if (component.version !== undefined) return component
  const cpe = component.cpe === undefined ? undefined : parseCpe(component.cpe)
  const fromCpe = cpe?.ok && cpe.value.version.kind === 'value' ? cpe.value.version.text : undefined
  const version = fromCpe ?? purlVersion(component.purl)
  return version === undefined ? component : { ...component, version }
}

/** Matches components against one set of products, remembering what it derived from their names. */
export type CsafMatcher = (component: CsafComponent) => CsafProductMatch[]

/**
 * A matcher over `products` for many components: names, vendors and version texts are read once
 * for the matcher's life, not once per component. See `matchCsafProducts`.
 */
export const createCsafMatcher = (
  products: readonly CsafProduct[],
  options: CsafMatchOptions = {},
): CsafMatcher => {
  const specs = new Map<string, VersionSpec>()
  const parse = (text: string, kind: 'version' | 'range'): VersionSpec => {
    const key = `${kind} ${text}`
    let spec = specs.get(key)
    if (spec === undefined) {
      spec = parseCsafVersionText(text, kind)
      specs.set(key, spec)
    }
    return spec
  }
  const shared = {
    compare: options.compareVersions ?? compareGenericVersions,
    byId: new Map(products.map((product) => [product.productId, product])),
    names: createNameComparer(),
    parse,
  }
  return (given) => {
    const context: Context = { ...shared, component: withVersion(given) }
    return products
      .flatMap((product) => {
        const outcome = matchOne(product, context)
        if (outcome === undefined) return []
        const reason = outcome.reason + platformNote(product, context.byId)
        return [{ product, confidence: outcome.confidence, reason }]
      })
      .sort(
        (a, b) =>
          CSAF_MATCH_CONFIDENCES.indexOf(a.confidence) -
          CSAF_MATCH_CONFIDENCES.indexOf(b.confidence),
      )
  }
}

/**
 * The products of a CSAF advisory that may be the component, best first, each with a confidence
 * and the reason. A product whose identifiers name something else, whose vendor is another, or
 * whose version range excludes the component's version is not returned. Statuses are not
 * filtered: a `known_not_affected` or `fixed` product is returned too, for the caller to read in
 * `product.status`. For many components against the same products, `createCsafMatcher` is faster.
 */
export const matchCsafProducts = (
  products: readonly CsafProduct[],
  component: CsafComponent,
  options: CsafMatchOptions = {},
): CsafProductMatch[] => createCsafMatcher(products, options)(component)
