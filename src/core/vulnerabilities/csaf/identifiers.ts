import { PackageURL } from 'packageurl-js'

import type { CsafProduct } from '../advisory.js'
import {
  compareCpeNames,
  criterionApplies,
  parseCpe,
  type VersionComparator,
} from '../cpe/index.js'
import type { VersionVerdict } from './version-check.js'

/**
 * What a machine-readable identifier (purl, CPE) on both sides says: `none` when one side has
 * none (or it does not parse), `different` when they name different things, else `same` with
 * the version verdict the identifier itself gives, if it gives one.
 */
export type IdentifierVerdict =
  | { readonly kind: 'none' }
  | { readonly kind: 'different' }
  | { readonly kind: 'same'; readonly version?: VersionVerdict }

const NONE: IdentifierVerdict = { kind: 'none' }
const DIFFERENT: IdentifierVerdict = { kind: 'different' }

const parsePurl = (text: string | undefined): PackageURL | undefined => {
  if (text === undefined) return undefined
  try {
    return PackageURL.fromString(text)
  } catch {
    return undefined
  }
}

export const purlVersion = (text: string | undefined): string | undefined =>
  parsePurl(text)?.version ?? undefined

/** The same package (type, namespace, name as packageurl-js normalizes them), then its version. */
export const comparePurls = (
  productPurl: string | undefined,
  componentPurl: string | undefined,
  componentVersion: string | undefined,
  compare: VersionComparator,
): IdentifierVerdict => {
  const product = parsePurl(productPurl)
  const component = parsePurl(componentPurl)
  if (product === undefined || component === undefined) return NONE
  const samePackage =
    product.type === component.type &&
    (product.namespace ?? '') === (component.namespace ?? '') &&
    product.name === component.name
  if (!samePackage) return DIFFERENT
  if (product.version === undefined) return { kind: 'same' }
  const version = component.version ?? componentVersion
  if (version === undefined) return { kind: 'same', version: 'unknown' }
  return { kind: 'same', version: compare(version, product.version) === 0 ? 'in' : 'out' }
}

/**
 * The product's CPE taken as a criterion against the component's: it applies (then its version,
 * when it names one, has been checked too), it is DISJOINT, or the two cannot be compared.
 */
export const compareCpes = (
  productCpe: string | undefined,
  componentCpe: string | undefined,
): IdentifierVerdict => {
  if (productCpe === undefined || componentCpe === undefined) return NONE
  const product = parseCpe(productCpe)
  const component = parseCpe(componentCpe)
  if (!product.ok || !component.ok) return NONE
  if (criterionApplies(product.value, component.value)) {
    return product.value.version.kind === 'value'
      ? { kind: 'same', version: 'in' }
      : { kind: 'same' }
  }
  const { attributes } = compareCpeNames(product.value, component.value)
  const differs =
    attributes.part === 'DISJOINT' ||
    attributes.vendor === 'DISJOINT' ||
    attributes.product === 'DISJOINT'
  if (differs) return DIFFERENT
  return attributes.version === 'DISJOINT' ? { kind: 'same', version: 'out' } : NONE
}

const normalizeModel = (model: string): string => model.toUpperCase().replace(/\s+/g, '')

/**
 * A model number of the component that the product names: among its `model_numbers`, or as a
 * word of its name, product name or version text (CISA writes models there: "MiniMed 620G:
 * MMT-1710", "24950 MyCareLink Monitor").
 */
export const matchingModel = (
  product: CsafProduct,
  modelNumbers: readonly string[],
): { readonly model: string; readonly inVersionText: boolean } | undefined => {
  if (modelNumbers.length === 0) return undefined
  const helper = new Set(product.modelNumbers.map(normalizeModel))
  const words = (text: string | undefined): Set<string> =>
    new Set(
      (text ?? '')
        .split(/[\s|,;/()]+/)
        .filter((word) => word !== '')
        .map(normalizeModel),
    )
  const named = new Set([...words(product.name), ...words(product.productName)])
  const versionWords = words(product.version ?? product.versionRange)
  for (const model of modelNumbers) {
    const wanted = normalizeModel(model)
    if (wanted.length < 3) continue
    if (helper.has(wanted) || named.has(wanted) || versionWords.has(wanted)) {
      return { model, inVersionText: versionWords.has(wanted) }
    }
  }
  return undefined
}
