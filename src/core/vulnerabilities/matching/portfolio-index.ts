import type { Advisory } from '../advisory.js'
import { parseCpe, type CpeValue } from '../cpe/index.js'
import { osvPackageKey, packageKeyString, purlIdentity } from './package-key.js'
import {
  buildAdvisoryIndex,
  cpeMatches,
  csafMatches,
  findAdvisoryMatches,
  purlMatches,
  type AdvisoryIndex,
  type AdvisoryMatch,
  type CompileAffected,
  type CsafTargetMatcher,
} from './scan.js'
import type { ScanTarget } from './scan-target.js'

/** A component in one product: what the portfolio is made of. */
export interface PortfolioInstance {
  readonly product: string
  readonly target: ScanTarget
}

/**
 * Instances that present the same identifier (one purl and version, or one CPE): an advisory
 * says the same of all of them, so it is evaluated once, on `sample`.
 */
export interface InstanceGroup {
  readonly sample: ScanTarget
  readonly instances: readonly PortfolioInstance[]
}

/**
 * An inverted index from what advisories name (package key, CPE vendor and product) to the
 * component instances that carry it, so a new or changed advisory is checked against the
 * instances it can touch instead of the whole portfolio. A portfolio repeats the same
 * components across products and releases, so instances are grouped by identifier, and the
 * cost of an advisory grows with the distinct identifiers it touches, not the instances.
 */
export interface PortfolioIndex {
  /** By package key, then by purl and version. */
  readonly byPackage: ReadonlyMap<string, ReadonlyMap<string, InstanceGroup>>
  /**
   * By `part:vendor:product` of the component CPE and by `part:*:product` for open vendors
   * (`*`: CPEs with an open product), then by CPE; a group is the same object under each key.
   */
  readonly byCpe: ReadonlyMap<string, ReadonlyMap<string, InstanceGroup>>
  /** Instances of each product, for CPE configurations that need the other CPEs of a host. */
  readonly byProduct: ReadonlyMap<string, readonly ScanTarget[]>
  /**
   * Per product, per host, the instances with a CPE: what an NVD configuration is evaluated
   * against ("running on" pairs a CPE with the other CPEs of its host).
   */
  readonly cpeByHost: ReadonlyMap<string, ReadonlyMap<string, readonly ScanTarget[]>>
  readonly size: number
}

const push = <T>(map: Map<string, T[]>, key: string, ...values: T[]): void => {
  const list = map.get(key)
  if (list === undefined) map.set(key, values)
  else list.push(...values)
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

interface MutableGroup {
  readonly sample: ScanTarget
  readonly instances: PortfolioInstance[]
}

/** The group of `key` under `outer`, made on first use. */
const groupIn = (
  map: Map<string, Map<string, MutableGroup>>,
  outer: string,
  key: string,
  sample: ScanTarget,
): MutableGroup => {
  let inner = map.get(outer)
  if (inner === undefined) {
    inner = new Map()
    map.set(outer, inner)
  }
  let group = inner.get(key)
  if (group === undefined) {
    group = { sample, instances: [] }
    inner.set(key, group)
  }
  return group
}

export const buildPortfolioIndex = (
  products: readonly { readonly product: string; readonly targets: readonly ScanTarget[] }[],
): PortfolioIndex => {
  const byPackage = new Map<string, Map<string, MutableGroup>>()
  const cpeGroups = new Map<string, MutableGroup>()
  const byCpe = new Map<string, Map<string, MutableGroup>>()
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
      if (identity !== undefined) {
        // The purl's version decides; a purl without one is read with the component's version.
        const key = `${target.purl ?? ''}\u0000${identity.version ?? target.version ?? ''}`
        const keyString = packageKeyString(identity.key)
        groupIn(byPackage, keyString, key, target).instances.push(instance)
      }
      if (target.cpe !== undefined) {
        let group = cpeGroups.get(target.cpe)
        if (group === undefined) {
          group = { sample: target, instances: [] }
          cpeGroups.set(target.cpe, group)
          // An instance whose own product is open goes under the catch-all key.
          for (const key of new Set(cpeKeys(target.cpe) ?? ['*'])) {
            let inner = byCpe.get(key)
            if (inner === undefined) {
              inner = new Map()
              byCpe.set(key, inner)
            }
            inner.set(target.cpe, group)
          }
        }
        group.instances.push(instance)
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

/** Vulnerable criteria of the advisory's CPE configurations. */
const vulnerableCriteria = (advisory: Advisory): string[] =>
  advisory.configurations.flatMap((configuration) =>
    configuration.nodes.flatMap((node) =>
      node.cpeMatch.filter((match) => match.vulnerable).map((match) => match.criteria),
    ),
  )

/**
 * A configuration of one plain OR node is decided CPE by CPE; any other ("running on", AND,
 * negation) needs the other CPEs of the host.
 */
const needsHosts = (advisory: Advisory): boolean =>
  advisory.configurations.some(
    (configuration) =>
      configuration.negate ||
      configuration.nodes.length > 1 ||
      configuration.nodes.some((node) => node.negate || node.operator === 'AND'),
  )

/**
 * The CPE groups an advisory can touch, found through the inverted index; undefined when a
 * criterion with an open product could match anything.
 */
const cpeCandidates = (
  portfolio: PortfolioIndex,
  advisory: Advisory,
): Set<InstanceGroup> | undefined => {
  const found = new Set<InstanceGroup>()
  const keys = new Set<string>()
  for (const criteria of vulnerableCriteria(advisory)) {
    const own = cpeKeys(criteria)
    if (own === undefined) return undefined
    for (const key of own) keys.add(key)
  }
  if (keys.size > 0) keys.add('*')
  for (const key of keys) {
    for (const group of portfolio.byCpe.get(key)?.values() ?? []) found.add(group)
  }
  return found
}

type ProductMatch = AdvisoryMatch & { readonly product: string }

const retarget = (
  matches: readonly AdvisoryMatch[],
  product: string,
  target: ScanTarget,
): ProductMatch[] => matches.map((match) => ({ ...match, target, product }))

/** Matches of the group's sample, given to each instance of the group. */
const spread = (
  matches: readonly AdvisoryMatch[],
  group: InstanceGroup,
  out: Map<string, ProductMatch[]>,
): void => {
  if (matches.length === 0) return
  for (const { product, target } of group.instances) {
    push(out, product, ...retarget(matches, product, target))
  }
}

/** Package matches: each purl and version under the advisory's package keys evaluated once. */
const packageMatches = (
  portfolio: PortfolioIndex,
  advisory: Advisory,
  index: AdvisoryIndex,
  out: Map<string, ProductMatch[]>,
): void => {
  const keys = new Set(
    advisory.affected.map((affected) =>
      packageKeyString(osvPackageKey(affected.ecosystem, affected.name)),
    ),
  )
  for (const key of keys) {
    for (const group of portfolio.byPackage.get(key)?.values() ?? []) {
      spread(purlMatches(index, group.sample), group, out)
    }
  }
}

/**
 * CPE matches: a plain OR configuration is decided per distinct CPE; others per host of each
 * product holding a candidate, with every CPE instance of those hosts (as a full scan groups
 * them).
 */
const cpeInstanceMatches = (
  portfolio: PortfolioIndex,
  candidates: ReadonlySet<InstanceGroup>,
  index: AdvisoryIndex,
  withHosts: boolean,
  out: Map<string, ProductMatch[]>,
): void => {
  if (!withHosts) {
    for (const group of candidates) {
      spread(cpeMatches(index, [{ ...group.sample, hosts: [] }]), group, out)
    }
    return
  }
  const byProduct: Candidates = new Map()
  for (const group of candidates) {
    for (const { product, target } of group.instances) {
      const hosts = portfolio.cpeByHost.get(product)
      for (const host of hostsOf(target)) add(byProduct, product, hosts?.get(host) ?? [target])
    }
  }
  for (const [product, targets] of byProduct) {
    for (const match of cpeMatches(index, [...targets])) push(out, product, { ...match, product })
  }
}

/** The full scan's path, product by product: for advisories no index key can narrow down. */
const everyInstanceMatches = (
  portfolio: PortfolioIndex,
  index: AdvisoryIndex,
  options: { readonly csafMatcher?: CsafTargetMatcher },
  out: Map<string, ProductMatch[]>,
): void => {
  for (const [product, targets] of portfolio.byProduct) {
    for (const match of findAdvisoryMatches(index, targets, options)) {
      push(out, product, { ...match, product })
    }
  }
}

/**
 * CSAF name matches over every instance (names that are alike are not equal, so no index key
 * finds them), each distinct identity (name, version, supplier, purl, CPE) matched once.
 */
const csafInstanceMatches = (
  portfolio: PortfolioIndex,
  index: AdvisoryIndex,
  matcher: CsafTargetMatcher,
  out: Map<string, ProductMatch[]>,
): void => {
  const cache = new Map<string, AdvisoryMatch[]>()
  for (const [product, targets] of portfolio.byProduct) {
    for (const target of targets) {
      const key = [target.name, target.version, target.supplier, target.purl, target.cpe]
        .map((part) => part ?? '\u0001')
        .join('\u0000')
      let matches = cache.get(key)
      if (matches === undefined) {
        matches = csafMatches(index, [target], matcher)
        cache.set(key, matches)
      }
      if (matches.length > 0) push(out, product, ...retarget(matches, product, target))
    }
  }
}

/**
 * Which component instances a new or changed advisory affects. The instances it can touch are
 * found in the inverted index and matched with the same functions a full scan uses, each
 * distinct purl or CPE once for the whole portfolio, so the answer equals a full re-match of the
 * portfolio restricted to this advisory, at the cost of the instances it names. With a CSAF
 * matcher, a CSAF document's products are matched by name and version (with a confidence)
 * against every instance.
 */
export const affectedInstances = (
  portfolio: PortfolioIndex,
  advisory: Advisory,
  compileAffected: CompileAffected,
  options: { readonly csafMatcher?: CsafTargetMatcher } = {},
): ProductMatch[] => {
  if (advisory.withdrawn !== undefined) return []
  const index = buildAdvisoryIndex([advisory], compileAffected)
  const out = new Map<string, ProductMatch[]>()
  const cpe =
    advisory.configurations.length > 0
      ? cpeCandidates(portfolio, advisory)
      : new Set<InstanceGroup>()
  if (cpe === undefined) {
    everyInstanceMatches(portfolio, index, options, out)
  } else {
    packageMatches(portfolio, advisory, index, out)
    if (cpe.size > 0) cpeInstanceMatches(portfolio, cpe, index, needsHosts(advisory), out)
    if (options.csafMatcher !== undefined && advisory.products.length > 0) {
      csafInstanceMatches(portfolio, index, options.csafMatcher, out)
    }
  }
  return [...out.keys()].sort().flatMap((product) => out.get(product) ?? [])
}
