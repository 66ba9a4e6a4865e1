import { createHash } from 'node:crypto'

import { DEFAULT_RISK_POLICY, type DeviceModel, type RiskPolicy } from '../core/index.js'
import type { LocatedIssue } from '../formats/index.js'
import { exportModel, type ModelFile, type Store } from '../store/index.js'
import { loadModelFromFiles } from './model-files.js'

/** A product's model as stored at one revision, parsed and checked. */
export interface ProductModel {
  readonly productId: string
  readonly revision: number
  readonly files: readonly ModelFile[]
  /** SHA-256 over every path and text, in path order: what a signature at this revision covers. */
  readonly contentHash: string
  /** Undefined when the stored files do not form a valid model (then `issues` says why). */
  readonly model: DeviceModel | undefined
  readonly issues: readonly LocatedIssue[]
  readonly policy: RiskPolicy
  readonly policyIsExample: boolean
}

const modelContentHash = (files: readonly ModelFile[]): string => {
  const hash = createHash('sha256')
  for (const file of files) hash.update(`${file.path}\u0000${file.text}\u0000`, 'utf8')
  return hash.digest('hex')
}

/**
 * Parsed models per store by `productId@revision`: a stored revision never changes, so entries
 * never go stale.
 */
const caches = new WeakMap<Store, Map<string, ProductModel>>()
const CACHE_ENTRIES = 256

/**
 * The product's current model; undefined when the product does not exist. Parsing a model takes
 * tens of milliseconds, so parsed revisions are kept (a few hundred, oldest dropped first).
 */
export const loadProductModel = async (
  store: Store,
  productId: string,
): Promise<ProductModel | undefined> => {
  const product = await store.db
    .selectFrom('products')
    .select('model_revision')
    .where('id', '=', productId)
    .executeTakeFirst()
  if (product === undefined) return undefined
  let cache = caches.get(store)
  if (cache === undefined) {
    cache = new Map()
    caches.set(store, cache)
  }
  const key = `${productId}@${String(product.model_revision)}`
  const cached = cache.get(key)
  if (cached !== undefined) return cached
  const exported = await exportModel(store, productId)
  const loaded = await loadModelFromFiles(exported.files)
  const result: ProductModel = {
    productId,
    revision: exported.revision,
    files: exported.files,
    contentHash: modelContentHash(exported.files),
    model: loaded.model,
    issues: loaded.issues,
    policy: loaded.riskPolicy ?? DEFAULT_RISK_POLICY,
    policyIsExample: loaded.riskPolicy === undefined,
  }
  // Only the revision read above may be cached under its key; a concurrent import moves on.
  if (exported.revision === product.model_revision) {
    if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value ?? key)
    cache.set(key, result)
  }
  return result
}
