import { useQuery } from '@tanstack/react-query'

import { fetchAllPages } from './all-pages.js'
import { productPath, query, request } from './client.js'
import type { Finding, Page, Product } from './types.js'

/** The findings of a release with the model revision their triage entries are at least as new as. */
export interface FindingList {
  readonly revision: number
  readonly items: readonly Finding[]
}

/**
 * Every finding of the product (all pages: a product can have thousands), for a release. The
 * list route sends no revision, so the product's is read first: the triage entries that come
 * after are that revision's or newer, and a save made with it as If-Match is refused (412)
 * rather than overwriting an entry someone changed meanwhile.
 */
export const useFindings = (productId: string, release: string | undefined) =>
  useQuery({
    queryKey: ['product', productId, 'findings', release ?? ''],
    queryFn: async ({ signal }): Promise<FindingList> => {
      const product = await request<Product>(productPath(productId), { signal })
      const { items } = await fetchAllPages<Finding, Page<Finding>>((limit, offset) =>
        request<Page<Finding>>(
          productPath(productId, `/findings${query({ release, limit, offset })}`),
          { signal },
        ),
      )
      return { revision: product.revision, items }
    },
  })
