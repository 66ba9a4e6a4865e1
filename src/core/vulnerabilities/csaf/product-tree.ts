import { CSAF_PRODUCT_STATUSES, type CsafProduct, type CsafProductStatus } from '../advisory.js'

/** The parts of a CSAF 2.0 `product_tree` that identify products, in the standard's own words. */
export interface CsafProductIdentificationHelper {
  readonly cpe?: string
  /** CSAF 2.0 has one purl; CSAF 2.1 a list. */
  readonly purl?: string
  readonly purls?: readonly string[]
  readonly model_numbers?: readonly string[]
}

export interface CsafFullProductName {
  readonly name: string
  readonly product_id: string
  readonly product_identification_helper?: CsafProductIdentificationHelper
}

export interface CsafBranch {
  readonly category: string
  readonly name: string
  readonly branches?: readonly CsafBranch[]
  readonly product?: CsafFullProductName
}

export interface CsafRelationship {
  readonly category: string
  readonly product_reference: string
  readonly relates_to_product_reference: string
  readonly full_product_name: CsafFullProductName
}

export interface CsafProductTree {
  readonly branches?: readonly CsafBranch[]
  readonly full_product_names?: readonly CsafFullProductName[]
  readonly relationships?: readonly CsafRelationship[]
}

/** One vulnerability's `product_status`, under the key the advisory will use (CVE, else an id). */
export interface CsafVulnerabilityStatus {
  readonly key: string
  readonly product_status?: Partial<Record<CsafProductStatus, readonly string[]>>
}

/**
 * When a document lists a product under two statuses for one vulnerability (CSAF 6.1.6 forbids
 * it), the one that keeps it in view wins: affected before under investigation before fixed or not
 * affected. `recommended` names a version to move to, not a state, so it ranks last.
 */
const PRECEDENCE: readonly CsafProductStatus[] = [
  'known_affected',
  'first_affected',
  'last_affected',
  'under_investigation',
  'fixed',
  'first_fixed',
  'known_not_affected',
  'recommended',
]

interface BranchContext {
  readonly vendor?: string
  readonly productName?: string
  readonly version?: string
  readonly versionRange?: string
}

/** What each branch category says about the products below it. */
const CONTEXT_KEYS: Readonly<Record<string, keyof BranchContext>> = {
  vendor: 'vendor',
  product_name: 'productName',
  product_version: 'version',
  product_version_range: 'versionRange',
}

type Draft = Omit<CsafProduct, 'status'>

const identification = (
  product: CsafFullProductName,
): Pick<CsafProduct, 'cpe' | 'purl' | 'modelNumbers'> => {
  const helper = product.product_identification_helper
  const purl = helper?.purl ?? helper?.purls?.[0]
  return {
    ...(helper?.cpe === undefined ? {} : { cpe: helper.cpe }),
    ...(purl === undefined ? {} : { purl }),
    modelNumbers: helper?.model_numbers ?? [],
  }
}

const walk = (branches: readonly CsafBranch[], context: BranchContext, out: Draft[]): void => {
  for (const branch of branches) {
    const key = CONTEXT_KEYS[branch.category]
    // A product family names the product when no product_name branch does.
    const here: BranchContext =
      key !== undefined
        ? { ...context, [key]: branch.name }
        : branch.category === 'product_family' && context.productName === undefined
          ? { ...context, productName: branch.name }
          : context
    if (branch.product !== undefined) {
      out.push({
        productId: branch.product.product_id,
        name: branch.product.name,
        ...here,
        ...identification(branch.product),
      })
    }
    walk(branch.branches ?? [], here, out)
  }
}

/**
 * Flattens a product tree into one entry per `product_id`: the leaves of the branches with the
 * vendor, product name, version or version range above them; `full_product_names`; and the
 * products relationships compose, which carry the component's identification and name the
 * platform. The first definition of a product id wins. Each product gets, per vulnerability, its
 * status.
 */
export const flattenProductTree = (
  tree: CsafProductTree,
  vulnerabilities: readonly CsafVulnerabilityStatus[],
): CsafProduct[] => {
  const drafts: Draft[] = []
  walk(tree.branches ?? [], {}, drafts)
  for (const product of tree.full_product_names ?? []) {
    drafts.push({ productId: product.product_id, name: product.name, ...identification(product) })
  }
  const byId = new Map<string, Draft>()
  for (const draft of drafts) if (!byId.has(draft.productId)) byId.set(draft.productId, draft)
  for (const relationship of tree.relationships ?? []) {
    const composed = relationship.full_product_name
    if (byId.has(composed.product_id)) continue
    const component = byId.get(relationship.product_reference)
    const own = identification(composed)
    byId.set(composed.product_id, {
      ...component,
      ...own,
      modelNumbers:
        own.modelNumbers.length > 0 ? own.modelNumbers : (component?.modelNumbers ?? []),
      productId: composed.product_id,
      name: composed.name,
      relationship: {
        category: relationship.category,
        productReference: relationship.product_reference,
        relatesToProductReference: relationship.relates_to_product_reference,
      },
    })
  }
  const statuses = statusesByProduct(vulnerabilities)
  return [...byId.values()].map((draft) => ({
    ...draft,
    status: Object.fromEntries(statuses.get(draft.productId) ?? []),
  }))
}

const statusesByProduct = (
  vulnerabilities: readonly CsafVulnerabilityStatus[],
): Map<string, Map<string, CsafProductStatus>> => {
  const byProduct = new Map<string, Map<string, CsafProductStatus>>()
  for (const vulnerability of vulnerabilities) {
    for (const status of CSAF_PRODUCT_STATUSES) {
      for (const productId of vulnerability.product_status?.[status] ?? []) {
        const statuses = byProduct.get(productId) ?? new Map<string, CsafProductStatus>()
        const known = statuses.get(vulnerability.key)
        if (known === undefined || PRECEDENCE.indexOf(status) < PRECEDENCE.indexOf(known)) {
          statuses.set(vulnerability.key, status)
        }
        byProduct.set(productId, statuses)
      }
    }
  }
  return byProduct
}
