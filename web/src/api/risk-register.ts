import { useQuery } from '@tanstack/react-query'

import { fetchAllPages } from './all-pages.js'
import { productPath, query, request } from './client.js'
import type { RiskEntry, RiskRegisterPage } from './types.js'

/** The whole register for a release (all pages), with its header, summary and matrix. */
export const useRiskRegister = (productId: string, release: string | undefined) =>
  useQuery({
    queryKey: ['product', productId, 'risk-register', release ?? ''],
    queryFn: async ({ signal }): Promise<RiskRegisterPage> => {
      const { first, items } = await fetchAllPages<RiskEntry, RiskRegisterPage>((limit, offset) =>
        request<RiskRegisterPage>(
          productPath(productId, `/risk-register${query({ release, limit, offset })}`),
          { signal },
        ),
      )
      return { ...first, items }
    },
  })
