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
  /**
   * Per product, per host, the instances with a CPE: what an NVD configuration is evaluated
   * against ("running on" pairs a CPE with the other CPEs of its host).
   */
  readonly cpeByHost: ReadonlyMap<string, ReadonlyMap<string, readonly ScanTarget[]>>
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

/** The host groups a scan puts a target in (as `findAdvisoryMatches` does). */
const hostsOf = (target: ScanTarget): readonly string[] =>
  target.hosts.length === 0 ? [`component:${target.id}`] : target.hosts

export const buildPortfolioIndex = (
  products: readonly { readonly product: string; readonly targets: readonly ScanTarget[] }[],
): PortfolioIndex => {
  const byPackage = new Map<string, PortfolioInstance[]>()
  const byCpe = new Map<string, PortfolioInstance[]>()
  const byProduct = new Map<string, ScanTarget[]>()
  const cpeByHost = new Map<string, Map<string, ScanTarget[]>>()
  let size = 0
  for (const { product, targets } of products) {
    byProduct.set(product, [...targets])
    const hosts = new Map<string, ScanTarget[]>()
    cpeByHost.set(product, hosts)
    for (const target of targets) {
      size += 1
      const instance = { product, target }
      const identity = target.purl === undefined ? undefined : purlIdentity(target.purl)
      if (identity !== undefined) push(byPackage, packageKeyString(identity.key), instance)
      if (target.cpe !== undefined) {
        // An instance whose own product is open goes under the catch-all key.
        for (const key of new Set(cpeKeys(target.cpe) ?? ['*'])) push(byCpe, key, instance)
        for (const host of hostsOf(target)) push(hosts, host, target)
      }
    }
  }
  return { byPackage, byCpe, byProduct, cpeByHost, size }
}

type Candidates = Map<string, Set<ScanTarget>>

const add = (candidates: Candidates, product: string, targets: Iterable<ScanTarget>): void => {
  let set = candidates.get(product)
  if (set === undefined) {
    set = new Set()
    candidates.set(product, set)
  }
  for (const target of targets) set.add(target)
}

/**
 * A CPE instance brings every CPE instance of its hosts, so host-level evaluation is whole; a
 * configuration of one plain OR node is decided CPE by CPE and needs no neighbours.
 */
const addCpeInstance = (
  portfolio: PortfolioIndex,
  candidates: Candidates,
  instance: PortfolioInstance,
  withHosts: boolean,
): void => {
  if (!withHosts) {
    add(candidates, instance.product, [instance.target])
    return
  }
  const hosts = portfolio.cpeByHost.get(instance.product)
  for (const host of hostsOf(instance.target)) {
    add(candidates, instance.product, hosts?.get(host) ?? [instance.target])
  }
}

/** Vulnerable criteria of the advisory's CPE configurations. */
const vulnerableCriteria = (advisory: Advisory): string[] =>
  advisory.configurations.flatMap((configuration) =>
    configuration.nodes.flatMap((node) =>
      node.cpeMatch.filter((match) => match.vulnerable).map((match) => match.criteria),
    ),
  )

/**
 * The instances an advisory can touch, found through the inverted index only: package hits,
 * and CPE hits with the other CPE instances of their hosts. Undefined when a criterion with an
 * open product could match anything, so callers scan every instance rather than miss one.
 */
const candidateTargets = (
  portfolio: PortfolioIndex,
  advisory: Advisory,
): Candidates | undefined => {
  const candidates: Candidates = new Map()
  for (const affected of advisory.affected) {
    const key = packageKeyString(osvPackageKey(affected.ecosystem, affected.name))
    for (const instance of portfolio.byPackage.get(key) ?? []) {
      add(candidates, instance.product, [instance.target])
    }
  }
  const withHosts = advisory.configurations.some(
    (configuration) =>
      configuration.negate ||
      configuration.nodes.length > 1 ||
      configuration.nodes.some((node) => node.negate || node.operator === 'AND'),
  )
  for (const criteria of vulnerableCriteria(advisory)) {
    const keys = cpeKeys(criteria)
    if (keys === undefined) return undefined
    for (const key of [...keys, '*']) {
      for (const instance of portfolio.byCpe.get(key) ?? []) {
        addCpeInstance(portfolio, candidates, instance, withHosts)
      }
    }
  }
  return candidates
}

/**
 * Which component instances a new or changed advisory affects: the instances it can touch are
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
  const candidates =
    candidateTargets(portfolio, advisory) ??
    new Map([...portfolio.byProduct].map(([product, targets]) => [product, new Set(targets)]))
  return [...candidates.keys()].sort().flatMap((product) =>
    findAdvisoryMatches(index, [...(candidates.get(product) ?? [])]).map((match) => ({
      ...match,
      product,
    })),
  )
}
