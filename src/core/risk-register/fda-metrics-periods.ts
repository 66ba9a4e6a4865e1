import { addMonths, type CalendarDate } from '../lifecycle/index.js'
import type { DeviceModel } from '../model/index.js'
import { computeFdaMetrics, type FdaMetrics, type FdaMetricsEvidence } from './fda-metrics.js'

export const METRICS_BUCKETS = ['month', 'quarter', 'year'] as const
export type MetricsBucket = (typeof METRICS_BUCKETS)[number]

const MONTHS: Readonly<Record<MetricsBucket, number>> = { month: 1, quarter: 3, year: 12 }

/** A bound on buckets per request: 20 years of months is plenty for a chart. */
export const MAX_METRICS_BUCKETS = 240

/** One period of the series: its label (`2025-03`, `2025-Q1`, `2025`) and its metrics. */
export interface MetricsPeriod {
  readonly label: string
  readonly from: CalendarDate
  readonly to: CalendarDate
  readonly metrics: FdaMetrics
}

/** The first day of the bucket `date` falls in. */
const bucketStart = (date: CalendarDate, bucket: MetricsBucket): CalendarDate => {
  const year = date.slice(0, 4)
  const month = Number(date.slice(5, 7))
  if (bucket === 'year') return `${year}-01-01`
  if (bucket === 'month') return `${date.slice(0, 7)}-01`
  const first = month - ((month - 1) % 3)
  return `${year}-${String(first).padStart(2, '0')}-01`
}

const labelOf = (start: CalendarDate, bucket: MetricsBucket): string => {
  if (bucket === 'year') return start.slice(0, 4)
  if (bucket === 'month') return start.slice(0, 7)
  return `${start.slice(0, 4)}-Q${String((Number(start.slice(5, 7)) + 2) / 3)}`
}

/** The buckets covering `from`..`to`, each clipped to that range. */
export const metricsBuckets = (
  from: CalendarDate,
  to: CalendarDate,
  bucket: MetricsBucket,
): { label: string; from: CalendarDate; to: CalendarDate }[] => {
  const buckets: { label: string; from: CalendarDate; to: CalendarDate }[] = []
  for (
    let start = bucketStart(from, bucket);
    start <= to && buckets.length < MAX_METRICS_BUCKETS;
    start = addMonths(start, MONTHS[bucket])
  ) {
    const end = addMonths(start, MONTHS[bucket])
    const last = new Date(`${end}T00:00:00Z`)
    last.setUTCDate(last.getUTCDate() - 1)
    const bucketEnd = last.toISOString().slice(0, 10)
    buckets.push({
      label: labelOf(start, bucket),
      from: start < from ? from : start,
      to: bucketEnd > to ? to : bucketEnd,
    })
  }
  return buckets
}

/** How many buckets `from`..`to` needs, to refuse a request before computing anything. */
export const countMetricsBuckets = (
  from: CalendarDate,
  to: CalendarDate,
  bucket: MetricsBucket,
): number => {
  const start = bucketStart(from, bucket)
  const months =
    (Number(to.slice(0, 4)) - Number(start.slice(0, 4))) * 12 +
    Number(to.slice(5, 7)) -
    Number(start.slice(5, 7))
  return Math.floor(months / MONTHS[bucket]) + 1
}

/**
 * FDA metrics per period: each bucket holds the vulnerabilities identified in it (a cohort), with
 * their patch and deployment as known on `evidence.asOf`; plus the whole range as one total.
 */
export const fdaMetricsByPeriod = (
  model: DeviceModel,
  range: { readonly from: CalendarDate; readonly to: CalendarDate; readonly bucket: MetricsBucket },
  evidence: FdaMetricsEvidence = {},
): { readonly total: FdaMetrics; readonly periods: readonly MetricsPeriod[] } => ({
  total: computeFdaMetrics(model, { from: range.from, to: range.to }, evidence),
  periods: metricsBuckets(range.from, range.to, range.bucket).map((period) => ({
    ...period,
    metrics: computeFdaMetrics(model, { from: period.from, to: period.to }, evidence),
  })),
})
