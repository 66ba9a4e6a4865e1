import type { DisclosureReport } from '../../core/disclosure/index.js'
import { scoreCvss } from '../../core/index.js'
import type { Store } from '../../store/index.js'
import { ApiError, notFound } from '../api-error.js'
import type { AssessmentBody } from './schemas.js'

type Assessment = typeof AssessmentBody.static

const invalid = (path: string, message: string): ApiError =>
  new ApiError(400, 'invalid-request', `${path}: ${message}`, [{ path, message }])

export const existingReport = async (
  find: (id: string) => Promise<DisclosureReport | undefined>,
  id: string,
): Promise<DisclosureReport> => {
  const report = await find(id)
  if (report === undefined) throw notFound(`disclosure report ${id}`)
  return report
}

const releasesOf = async (store: Store, productId: string): Promise<Set<string> | undefined> => {
  const product = await store.db
    .selectFrom('products')
    .select('id')
    .where('id', '=', productId)
    .executeTakeFirst()
  if (product === undefined) return undefined
  const rows = await store.db
    .selectFrom('releases')
    .select('version')
    .where('product_id', '=', productId)
    .execute()
  return new Set(rows.map((row) => row.version))
}

/** The releases named are the product's; none may be named before a product is assigned. */
const checkReleases = async (
  store: Store,
  productId: string | null,
  affected: readonly string[],
  fixedIn: string | null,
  onlyFix: boolean,
): Promise<void> => {
  const named = [...affected, ...(fixedIn === null ? [] : [fixedIn])]
  if (productId === null) {
    if (named.length > 0)
      throw invalid('body/productId', 'assign a product before naming its releases')
    return
  }
  const releases = await releasesOf(store, productId)
  if (releases === undefined) throw invalid('body/productId', `there is no product ${productId}`)
  const unknown = named.filter((release) => !releases.has(release))
  if (unknown.length > 0) {
    throw invalid(
      onlyFix ? 'body/fixedIn' : 'body/affectedReleases',
      `${productId} has no release ${unknown.join(', ')}`,
    )
  }
}

/**
 * Checks an assessment against the report and the store: the product exists, the releases are
 * the product's, the CVSS vector parses, and no release is both affected and the fix.
 */
export const checkAssessment = async (
  store: Store,
  report: DisclosureReport,
  body: Assessment,
): Promise<void> => {
  if (report.state === 'closed') {
    throw new ApiError(409, 'closed', 'the report is closed; its decisions are final')
  }
  const productId = body.productId === undefined ? report.productId : body.productId
  const affected = body.affectedReleases ?? report.affectedReleases
  const fixedIn = body.fixedIn === undefined ? report.fixedIn : body.fixedIn
  await checkReleases(store, productId, affected, fixedIn, body.affectedReleases === undefined)
  if (fixedIn !== null && affected.includes(fixedIn)) {
    throw invalid('body/fixedIn', `release ${fixedIn} cannot be both affected and the fix`)
  }
  if (typeof body.cvssVector === 'string') {
    const scored = scoreCvss(body.cvssVector)
    if (!scored.ok) throw invalid('body/cvssVector', scored.error.message)
  }
}

/** The fields an assessment sets, in words for the timeline. */
export const changedFields = (body: Assessment): string[] =>
  Object.entries(body as Record<string, unknown>)
    .filter(([key, value]) => key !== 'note' && value !== undefined)
    .map(([key]) => key)
