import type { Static } from '@sinclair/typebox'
import { useQuery } from '@tanstack/react-query'

import type { ProductMetricsSchema } from '../../../src/server/installed-base-schemas.js'
import { productPath, query, request } from './client.js'

export type ProductMetrics = Static<typeof ProductMetricsSchema>
export type MetricsBucket = 'month' | 'quarter' | 'year'

export interface MetricsQuery {
  readonly bucket: MetricsBucket
  /** '' for the server's default. */
  readonly from: string
  readonly to: string
}

/** FDA metrics of a product per period (percentage patched, mean days to patch and deploy). */
export const useProductMetrics = (productId: string, asked: MetricsQuery) =>
  useQuery({
    queryKey: ['product', productId, 'metrics', asked.bucket, asked.from, asked.to],
    queryFn: ({ signal }) =>
      request<ProductMetrics>(
        productPath(
          productId,
          `/metrics${query({ bucket: asked.bucket, from: asked.from, to: asked.to })}`,
        ),
        { signal },
      ),
  })
