import {
  BUILT_IN_RULES,
  err,
  evaluateRiskRegister,
  formatPath,
  generateThreats,
  ok,
  type CalendarDate,
  type DeviceModel,
  type IssueSeverity,
  type Result,
  type RiskPolicy,
  type RiskRegister,
  type Threat,
} from '../core/index.js'
import type { LocatedIssue } from '../formats/index.js'
import { findProduct, type Store } from '../store/index.js'
import { loadProductModel } from './product-model.js'

export interface AnalysisRequest {
  /** The day threats and the register are judged on (support dates, deadlines, acceptances). */
  readonly date: CalendarDate
  /** Only the assessments of this release (unscoped ones apply to every release). */
  readonly release?: string
}

/** A problem the register found in the evaluations, at a path of the merged model. */
export interface RegisterIssue {
  readonly severity: IssueSeverity
  readonly code: string
  readonly message: string
  readonly path: string
}

/** Threats and the security risk register of one model revision on one day, for one release. */
export interface ProductAnalysis {
  readonly productId: string
  readonly revision: number
  readonly date: CalendarDate
  readonly release: string | undefined
  readonly productName: string
  readonly model: DeviceModel
  readonly policy: RiskPolicy
  readonly policyIsExample: boolean
  readonly threats: readonly Threat[]
  readonly register: RiskRegister
  readonly issues: readonly RegisterIssue[]
}

export type AnalysisProblem =
  | { readonly code: 'not-found'; readonly productId: string }
  | {
      readonly code: 'invalid-model'
      readonly revision: number
      readonly issues: readonly LocatedIssue[]
    }
  | {
      readonly code: 'unknown-release'
      readonly release: string
      readonly releases: readonly string[]
    }

type Analysed = Result<ProductAnalysis, AnalysisProblem>

/**
 * Analyses by `product@revision@date@release`. A stored revision never changes, so an entry is
 * only ever dropped for room; the promise is kept rather than the value, so that many requests
 * arriving together for the same product compute it once.
 */
const caches = new WeakMap<Store, Map<string, Promise<Analysed>>>()
const CACHE_ENTRIES = 1024

const cacheOf = (store: Store): Map<string, Promise<Analysed>> => {
  let cache = caches.get(store)
  if (cache === undefined) {
    cache = new Map()
    caches.set(store, cache)
  }
  return cache
}

const analyse = async (
  store: Store,
  productId: string,
  request: AnalysisRequest,
): Promise<Analysed> => {
  const stored = await loadProductModel(store, productId)
  if (stored === undefined) return err({ code: 'not-found', productId })
  const { model } = stored
  if (model === undefined) {
    return err({ code: 'invalid-model', revision: stored.revision, issues: stored.issues })
  }
  const { release, date } = request
  if (release !== undefined && !model.releases.some((item) => item.version === release)) {
    return err({
      code: 'unknown-release',
      release,
      releases: model.releases.map((item) => item.version),
    })
  }
  const scope = release === undefined ? {} : { release }
  const threats = generateThreats(model, BUILT_IN_RULES, { date, ...scope })
  const register = evaluateRiskRegister(model, threats, stored.policy, { today: date, ...scope })
  return ok({
    productId,
    revision: stored.revision,
    date,
    release,
    productName: model.product.name,
    model,
    policy: stored.policy,
    policyIsExample: stored.policyIsExample,
    threats,
    register,
    issues: register.issues.map((issue) => ({
      severity: issue.severity,
      code: issue.code,
      message: issue.message,
      path: formatPath(issue.path),
    })),
  })
}

/**
 * The product's threats (built-in rules) and security risk register at its current revision, as
 * `medcyber threats` and `medcyber risk` give them for the same model, day and release. Computed
 * once per revision, day and release; a few hundred analyses are kept, the least recently used
 * dropped first.
 */
export const analyseProduct = async (
  store: Store,
  productId: string,
  request: AnalysisRequest,
): Promise<Analysed> => {
  const product = await findProduct(store, productId)
  if (product === undefined) return err({ code: 'not-found', productId })
  const cache = cacheOf(store)
  const key = `${productId}@${String(product.revision)}@${request.date}@${request.release ?? ''}`
  const cached = cache.get(key)
  if (cached !== undefined) {
    cache.delete(key)
    cache.set(key, cached)
    return cached
  }
  const pending = analyse(store, productId, request)
  if (cache.size >= CACHE_ENTRIES) {
    const oldest = cache.keys().next().value
    if (oldest !== undefined) cache.delete(oldest)
  }
  cache.set(key, pending)
  const forget = () => {
    if (cache.get(key) === pending) cache.delete(key)
  }
  pending.then((result) => {
    // A concurrent import moved the product on between the two reads: that analysis is of
    // another revision and must not answer for this one.
    if (result.ok && result.value.revision !== product.revision) forget()
  }, forget)
  return pending
}
