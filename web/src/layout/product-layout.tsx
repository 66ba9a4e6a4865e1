import { useQuery } from '@tanstack/react-query'
import { NavLink, Outlet, useParams } from 'react-router'

import { productPath, request } from '../api/client.js'
import type { Product } from '../api/types.js'
import { common } from '../i18n/common.js'
import { useMessages } from '../i18n/messages.js'
import { QueryState } from '../ui/query-state.js'

/** The product's id from the route; every product screen sits under /products/:productId. */
export const useProductId = (): string => {
  const { productId } = useParams()
  if (productId === undefined) throw new Error('no product in the route')
  return productId
}

export const useProduct = (productId: string) =>
  useQuery({
    queryKey: ['product', productId],
    queryFn: () => request<Product>(productPath(productId)),
  })

const TABS = ['model', 'threats', 'risks', 'findings', 'lifecycle', 'metrics', 'documents'] as const

/** A product's name, its releases, and the tabs of its screens. */
export const ProductLayout = () => {
  const t = useMessages(common)
  const productId = useProductId()
  const product = useProduct(productId)
  return (
    <div className="product-layout">
      <div className="product-header">
        <QueryState query={product}>
          {(detail) => (
            <p className="product-name">
              <span className="product-title" title={detail.name}>
                {detail.name}
              </span>{' '}
              <span className="muted">
                {detail.releases.map((release) => release.version).join(' · ')}
              </span>
            </p>
          )}
        </QueryState>
        <nav aria-label={t.productNavigation} className="tabs">
          <ul>
            {TABS.map((tab) => (
              <li key={tab}>
                <NavLink to={`/products/${encodeURIComponent(productId)}/${tab}`}>{t[tab]}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <Outlet />
    </div>
  )
}
