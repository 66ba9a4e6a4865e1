import {
  err,
  fdaMetricsByPeriod,
  ok,
  type CalendarDate,
  type FdaMetrics,
  type MetricsBucket,
  type MetricsPeriod,
  type Result,
} from '../core/index.js'
import { listEvaluatedFindings, readInstalledBase, type Store } from '../store/index.js'
import type { AnalysisProblem } from './product-analysis.js'
import { loadProductModel } from './product-model.js'

export interface ProductMetrics {
  readonly from: CalendarDate
  readonly to: CalendarDate
  readonly bucket: MetricsBucket
  /** The day fixes and deployments are counted up to. */
  readonly asOf: CalendarDate
  /** Whether an installed base was imported (else deployment comes from the model only). */
  readonly installedBase: boolean
  readonly total: FdaMetrics
  readonly periods: readonly MetricsPeriod[]
}

/**
 * A product's FDA metrics per period, from its current model (triage and release dates), the
 * findings the last evaluation stored (first seen = identified) and its installed base.
 */
export const productMetrics = async (
  store: Store,
  productId: string,
  range: {
    readonly from: CalendarDate
    readonly to: CalendarDate
    readonly bucket: MetricsBucket
    readonly asOf: CalendarDate
  },
): Promise<Result<ProductMetrics, AnalysisProblem>> => {
  const stored = await loadProductModel(store, productId)
  if (stored === undefined) return err({ code: 'not-found', productId })
  const { model, revision, issues } = stored
  if (model === undefined) return err({ code: 'invalid-model', revision, issues })
  const [findings, installed] = await Promise.all([
    listEvaluatedFindings(store, productId),
    readInstalledBase(store, productId),
  ])
  const { total, periods } = fdaMetricsByPeriod(model, range, {
    findings,
    installedBase: installed.entries,
    asOf: range.asOf,
  })
  return ok({ ...range, installedBase: installed.entries.length > 0, total, periods })
}
