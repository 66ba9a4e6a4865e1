import { Type } from '@sinclair/typebox'

import {
  addYears,
  countMetricsBuckets,
  MAX_METRICS_BUCKETS,
  type MetricsBucket,
} from '../../core/index.js'
import { productMetrics } from '../../services/index.js'
import { ApiError } from '../api-error.js'
import type { ApiRoutes } from '../api-app.js'
import { dateOrToday } from '../calendar.js'
import { ProductMetricsSchema } from '../installed-base-schemas.js'
import { analysisError } from '../model-problems.js'
import { DateQuery, errors, ProductParams } from '../product-schemas.js'
import { replyBody } from '../reply-body.js'

/** FDA postmarket metrics of a product per period (premarket guidance section VII.B). */
export const metricsRoutes: ApiRoutes = (app, deps) => {
  const { store } = deps

  app.get(
    '/products/:productId/metrics',
    {
      config: { access: { kind: 'product', permission: 'product:read' } },
      schema: {
        summary: 'FDA metrics per period: percentage patched, mean days to patch and to deploy',
        description: `Vulnerabilities are counted in the period they were identified in (the earliest of the triage's identified date and the day an evaluation first saw the finding), with their patch (the date of the first release triaged fixed) and full deployment (every site of the installed base that ran an affected release when the fix came out runs it no more; else the release's fullyDeployed) as known on \`date\` (default today). \`to\` defaults to that day, \`from\` to 1 January two years before; \`bucket\` month, quarter (default) or year, at most ${String(MAX_METRICS_BUCKETS)} periods.`,
        tags: ['metrics'],
        params: ProductParams,
        querystring: Type.Object({
          from: Type.Optional(DateQuery),
          to: Type.Optional(DateQuery),
          bucket: Type.Optional(
            Type.Union([Type.Literal('month'), Type.Literal('quarter'), Type.Literal('year')], {
              description: 'month, quarter or year',
            }),
          ),
          date: Type.Optional(DateQuery),
        }),
        response: { 200: ProductMetricsSchema, ...errors(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const asOf = dateOrToday(store, request.query.date)
      const to = request.query.to === undefined ? asOf : dateOrToday(store, request.query.to)
      const from =
        request.query.from === undefined
          ? `${addYears(to, -2).slice(0, 4)}-01-01`
          : dateOrToday(store, request.query.from)
      const bucket: MetricsBucket = request.query.bucket ?? 'quarter'
      if (from > to) {
        throw new ApiError(400, 'invalid-request', `from ${from} is after to ${to}`, [
          { path: 'querystring/from', message: 'on or before to' },
        ])
      }
      const count = countMetricsBuckets(from, to, bucket)
      if (count > MAX_METRICS_BUCKETS) {
        throw new ApiError(
          400,
          'invalid-request',
          `${String(count)} periods of a ${bucket}; at most ${String(MAX_METRICS_BUCKETS)}`,
          [{ path: 'querystring/bucket', message: 'a longer bucket or a shorter range' }],
        )
      }
      const metrics = await productMetrics(store, request.params.productId, {
        from,
        to,
        bucket,
        asOf,
      })
      if (!metrics.ok) throw analysisError(metrics.error)
      return replyBody(metrics.value)
    },
  )
}
