import type { EvaluatedFinding } from '../core/index.js'
import type { Store } from './open-store.js'

/**
 * Every stored finding of a product with its VEX status and the day it was first seen, one per
 * release: what the FDA metrics count as identified.
 */
export const listEvaluatedFindings = async (
  store: Store,
  productId: string,
): Promise<EvaluatedFinding[]> => {
  const rows = await store.db
    .selectFrom('findings')
    .select(['finding_id', 'release', 'vex_status', 'first_seen'])
    .where('product_id', '=', productId)
    .orderBy('finding_id')
    .orderBy('release')
    .execute()
  return rows.map((row) => ({
    finding: row.finding_id,
    release: row.release,
    vexStatus: row.vex_status,
    // An ISO instant in UTC; the metrics count in calendar days.
    firstSeen: row.first_seen.slice(0, 10),
  }))
}
