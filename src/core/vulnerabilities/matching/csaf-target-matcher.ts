import type { Advisory, CsafProductStatus } from '../advisory.js'
import { createCsafMatcher, type CsafMatcher } from '../csaf/index.js'
import type { VersionComparator } from '../cpe/index.js'
import type { CsafTargetMatcher, MatchConfidence } from './scan.js'

/** Statuses under which a matched product means the component may be affected. */
const AFFECTING: ReadonlySet<CsafProductStatus> = new Set([
  'known_affected',
  'first_affected',
  'last_affected',
  'under_investigation',
])

const RANK: Readonly<Record<MatchConfidence, number>> = { exact: 0, high: 1, medium: 2, low: 3 }

/**
 * Matches components against the product trees of CSAF advisories by name and version, keeping
 * matches at or above `minimum` confidence. CISA's medical advisories carry no CPE or purl, so
 * this is the only path to them; `low` (a similar name only) is left out by default because it
 * is a lead for a person, not a finding.
 */
export const csafTargetMatcher = (
  options: {
    readonly minimum?: MatchConfidence
    readonly compareVersions?: VersionComparator
  } = {},
): CsafTargetMatcher => {
  const minimum = RANK[options.minimum ?? 'medium']
  const matchers = new Map<string, CsafMatcher>()
  const matcherOf = (advisory: Advisory): CsafMatcher => {
    let matcher = matchers.get(advisory.id)
    if (matcher === undefined) {
      const products = advisory.products.filter((product) =>
        Object.values(product.status).some((status) => AFFECTING.has(status)),
      )
      matcher = createCsafMatcher(
        products,
        options.compareVersions === undefined ? {} : { compareVersions: options.compareVersions },
      )
      matchers.set(advisory.id, matcher)
    }
    return matcher
  }
  return (advisory, target) => {
    const kept = matcherOf(advisory)({
      name: target.name,
      ...(target.version === undefined ? {} : { version: target.version }),
      ...(target.supplier === undefined ? {} : { vendor: target.supplier }),
      ...(target.cpe === undefined ? {} : { cpe: target.cpe }),
      ...(target.purl === undefined ? {} : { purl: target.purl }),
    })
      .filter((match) => RANK[match.confidence] <= minimum)
      .sort((a, b) => RANK[a.confidence] - RANK[b.confidence])
    const best = kept[0]
    if (best === undefined) return undefined
    const vulnerabilities = new Set(
      kept.flatMap(({ product }) =>
        Object.entries(product.status).flatMap(([id, status]) =>
          AFFECTING.has(status) ? [id] : [],
        ),
      ),
    )
    return {
      confidence: best.confidence,
      detail: `${best.product.name}: ${best.reason}`,
      vulnerabilities: [...vulnerabilities].sort(),
    }
  }
}
