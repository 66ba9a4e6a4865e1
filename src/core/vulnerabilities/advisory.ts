/**
 * One advisory from any source, normalized for matching. Each source keeps what it can say:
 * OSV names packages and version ranges, NVD names CPE configurations, CSAF names products
 * of a vendor's product tree. Prose (details, references) is kept out of the matching path.
 */
export const ADVISORY_SOURCES = ['osv', 'nvd', 'csaf'] as const
export type AdvisorySource = (typeof ADVISORY_SOURCES)[number]

export interface SeverityScore {
  /** CVSS vector as published (`CVSS:3.1/...`, `CVSS:4.0/...`, or a bare v2 vector). */
  readonly vector: string
  /** Who scored it (e.g. `nvd@nist.gov`, the CNA, the advisory's vendor). */
  readonly source?: string
}

/** OSV range events, in the order the record gives them (osv-schema "evaluation"). */
export type OsvEvent =
  | { readonly introduced: string }
  | { readonly fixed: string }
  | { readonly last_affected: string }
  | { readonly limit: string }

export interface OsvRange {
  readonly type: 'SEMVER' | 'ECOSYSTEM' | 'GIT'
  readonly events: readonly OsvEvent[]
}

export interface AffectedPackage {
  /** OSV ecosystem, release suffix included (`PyPI`, `Debian:12`, `Alpine:v3.20`). */
  readonly ecosystem: string
  readonly name: string
  readonly purl?: string
  readonly ranges: readonly OsvRange[]
  /** Explicitly listed affected versions. */
  readonly versions: readonly string[]
}

/** NVD CVE API 2.0 `cpeMatch` entry. */
export interface CpeMatchCriterion {
  readonly vulnerable: boolean
  /** CPE 2.3 formatted string, e.g. `cpe:2.3:a:openssl:openssl:*:*:*:*:*:*:*:*`. */
  readonly criteria: string
  readonly versionStartIncluding?: string
  readonly versionStartExcluding?: string
  readonly versionEndIncluding?: string
  readonly versionEndExcluding?: string
}

export interface CpeNode {
  readonly operator: 'AND' | 'OR'
  readonly negate: boolean
  readonly cpeMatch: readonly CpeMatchCriterion[]
}

/** One NVD configuration: its nodes joined by `operator` (OR when absent). */
export interface CpeConfiguration {
  readonly operator: 'AND' | 'OR'
  readonly negate: boolean
  readonly nodes: readonly CpeNode[]
}

export const CSAF_PRODUCT_STATUSES = [
  'known_affected',
  'first_affected',
  'last_affected',
  'fixed',
  'first_fixed',
  'known_not_affected',
  'under_investigation',
  'recommended',
] as const
export type CsafProductStatus = (typeof CSAF_PRODUCT_STATUSES)[number]

/** A leaf of a CSAF product tree, flattened with the branch names above it. */
export interface CsafProduct {
  readonly productId: string
  /** `full_product_name.name`. */
  readonly name: string
  readonly vendor?: string
  readonly productName?: string
  /** `product_version` branch name, when the tree gives one. */
  readonly version?: string
  /** `product_version_range` branch name (`vers:` or free text), when the tree gives one. */
  readonly versionRange?: string
  readonly cpe?: string
  readonly purl?: string
  readonly modelNumbers: readonly string[]
  /** Per CVE (or vulnerability id) of the document, the status of this product. */
  readonly status: Readonly<Record<string, CsafProductStatus>>
  /**
   * Set on a product a CSAF relationship composes ("X installed_on Y"): it carries X's
   * identification (vendor, name, version, helpers) and names Y, found among the same products.
   */
  readonly relationship?: {
    /**
     * `default_component_of`, `external_component_of`, `installed_on`, `installed_with` or
     * `optional_component_of`.
     */
    readonly category: string
    /** X: the component. */
    readonly productReference: string
    /** Y: the product X is part of, installed on or with. */
    readonly relatesToProductReference: string
  }
}

export interface Advisory {
  /** OSV id, CVE id (NVD) or CSAF tracking id. */
  readonly id: string
  readonly source: AdvisorySource
  /** Other ids of the same vulnerability (CVE, GHSA, PYSEC, ICSMA ...). */
  readonly aliases: readonly string[]
  /** ISO 8601 instant. */
  readonly modified: string
  readonly published?: string
  /** Set when the source withdrew the advisory; withdrawn advisories match nothing. */
  readonly withdrawn?: string
  readonly summary?: string
  readonly severity: readonly SeverityScore[]
  readonly affected: readonly AffectedPackage[]
  readonly configurations: readonly CpeConfiguration[]
  readonly products: readonly CsafProduct[]
}
