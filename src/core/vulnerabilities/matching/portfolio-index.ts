import type { Advisory } from '../advisory.js'
import { parseCpe, type CpeValue } from '../cpe/index.js'
import { osvPackageKey, packageKeyString, purlIdentity } from './package-key.js'
import {
  buildAdvisoryIndex,
  findAdvisoryMatches,
  type AdvisoryMatch,
  type CompileAffected,
} from './scan.js'
import type { ScanTarget } from './scan-target.js'

/** A component in one product: what the portfolio is made of. */
export interface PortfolioInstance {
  readonly product: string
  readonly target: ScanTarget
}

/**
 * An inverted index from what advisories name (package key, CPE vendor and product) to the
 * component instances that carry it, so a new or changed advisory is checked against the
 * instances it can touch instead of the whole portfolio.
 */
export interface PortfolioIndex {
  readonly byPackage: ReadonlyMap<string, readonly PortfolioInstance[]>
  /** By `part:vendor:product` of the component CPE, and by `part:*:product` for open vendors. */
  readonly byCpe: ReadonlyMap<string, readonly PortfolioInstance[]>
  /** Instances of each product, for CPE configurations that need the other CPEs of a host. */
  readonly byProduct: ReadonlyMap<string, readonly ScanTarget[]>
  readonly size: number
}

const push = <T>(map: Map<string, T[]>, key: string, value: T): void => {
  const list = map.get(key)
  if (list === undefined) map.set(key, [value])
  else list.push(value)
}

const text = (value: CpeValue): string => (value.kind === 'value' ? value.text : '*')

/**
 * Index keys of a CPE: `part:vendor:product` and `part:*:product`. Undefined when the product
 * is not a plain value (ANY or a pattern): such a CPE could match any product, so callers fall
 * back to every instance rather than risk missing one.
 */
const cpeKeys = (cpe: string): string[] | undefined => {
  const parsed = parseCpe(cpe)
  if (!parsed.ok || parsed.value.product.kind !== 'value') return undefined
  const { part, vendor, product } = parsed.value
  return [`${text(part)}:${text(vendor)}:${text(product)}`, `${text(part)}:*:${text(product)}`]
}

export const buildPortfolioIndex = (
  products: readonly { readonly product: string; readonly targets: readonly ScanTarget[] }[],
): PortfolioIndex => {
  const byPackage = new Map<string, PortfolioInstance[]>()
  const byCpe = new Map<string, PortfolioInstance[]>()
  const byProduct = new Map<string, ScanTarget[]>()
  let size = 0
  for (const { product, targets } of products) {
    byProduct.set(product, [...targets])
    for (const target of targets) {
      size += 1
      const instance = { product, target }
      const identity = target.purl === undefined ? undefined : purlIdentity(target.purl)
      if (identity !== undefined) push(byPackage, packageKeyString(identity.key), instance)
      if (target.cpe !== undefined) {
        // An instance whose own product is open goes under the catch-all key.
        for (const key of new Set(cpeKeys(target.cpe) ?? ['*'])) push(byCpe, key, instance)
      }
    }
  }
  return { byPackage, byCpe, byProduct, size }
}

/** The products an advisory can touch, found through the inverted index only. */
const candidateProducts = (portfolio: PortfolioIndex, advisory: Advisory): Set<string> => {
  const products = new Set<string>()
  for (const affected of advisory.affected) {
    const key = packageKeyString(osvPackageKey(affected.ecosystem, affected.name))
    for (const instance of portfolio.byPackage.get(key) ?? []) products.add(instance.product)
  }
  for (const configuration of advisory.configurations) {
    for (const node of configuration.nodes) {
      for (const match of node.cpeMatch) {
        if (!match.vulnerable) continue
        const keys = cpeKeys(match.criteria)
        if (keys === undefined) return new Set(portfolio.byProduct.keys())
        for (const key of [...keys, '*']) {
          for (const instance of portfolio.byCpe.get(key) ?? []) products.add(instance.product)
        }
      }
    }
  }
  return products
}

/**
 * Which component instances a new or changed advisory affects: the products it can touch are
 * found in the index, and only those are matched, with the same matcher a full scan uses, so
 * the answer equals a full re-match of the portfolio restricted to this advisory.
 */
export const affectedInstances = (
  portfolio: PortfolioIndex,
  advisory: Advisory,
  compileAffected: CompileAffected,
): (AdvisoryMatch & { readonly product: string })[] => {
  if (advisory.withdrawn !== undefined) return []
  const index = buildAdvisoryIndex([advisory], compileAffected)
  return [...candidateProducts(portfolio, advisory)].sort().flatMap((product) =>
    findAdvisoryMatches(index, portfolio.byProduct.get(product) ?? []).map((match) => ({
      ...match,
      product,
    })),
  )
}
