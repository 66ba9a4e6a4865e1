import { useQuery } from '@tanstack/react-query'

import { query, request } from '../../api/client.js'
import type { ClockPage } from '../../api/types.js'

/** Every clock query starts with this key, so recording evidence refreshes them all. */
export const CLOCKS_KEY = ['clocks'] as const

export type ClockStateFilter = 'pending' | 'missed' | 'met' | 'withdrawn'
export const CLOCK_STATE_FILTERS: readonly ClockStateFilter[] = [
  'pending',
  'missed',
  'met',
  'withdrawn',
]

export const useClocks = (filters: {
  readonly state: ClockStateFilter
  readonly productId?: string
  readonly limit: number
}) =>
  useQuery({
    queryKey: [...CLOCKS_KEY, filters],
    queryFn: () =>
      request<ClockPage>(
        `/clocks${query({ state: filters.state, productId: filters.productId, limit: filters.limit })}`,
      ),
  })
