import { useQuery } from '@tanstack/react-query'

import { productPath, request } from './client.js'
import type { Lifecycle } from './types.js'

/** Releases and components with their support data (end of support, support level). */
export const useLifecycle = (productId: string) =>
  useQuery({
    queryKey: ['product', productId, 'lifecycle'],
    queryFn: ({ signal }) => request<Lifecycle>(productPath(productId, '/lifecycle'), { signal }),
  })
