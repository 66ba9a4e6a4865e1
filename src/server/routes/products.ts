import { Type } from '@sinclair/typebox'

import { supportStatusOn } from '../../core/index.js'
import { analyseProduct, loadProductModel, saveProductModel } from '../../services/index.js'
import { countOpenFindings, findProduct, listProducts } from '../../store/index.js'
import type { ApiRoutes } from '../api-app.js'
import { ApiError, notFound } from '../api-error.js'
import { principalOf } from '../auth/signed-in.js'
import { todayOf } from '../calendar.js'
import { revisionTag } from '../etag.js'
import { modelSaveError } from '../model-problems.js'
import { PAGE_QUERY, PageOf } from '../pagination.js'
import {
  errors,
  ModelFilesSchema,
  PRODUCT_ID_PATTERN,
  ProductDetail,
  ProductListItem,
  ProductParams,
  Reason,
  SavedModelSchema,
} from '../product-schemas.js'

const TAGS = ['products']

/** The portfolio: the products a user may see, a new product from a model, one product's state. */
export const productRoutes: ApiRoutes = (app, deps) => {
  const { store } = deps

  app.get(
    '/products',
    {
      config: { access: { kind: 'signed-in' } },
      schema: {
        summary: 'List the products you hold a role on',
        description:
          'All products for a role on every product (*). Sorted by id; q matches part of the name or id, ignoring case.',
        tags: TAGS,
        querystring: Type.Object({
          q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
          ...PAGE_QUERY,
        }),
        response: { 200: PageOf(ProductListItem), ...errors(400, 401) },
      },
    },
    async (request) => {
      const { user } = principalOf(request)
      const { q, limit, offset } = request.query
      const page = await listProducts(store, {
        visibleTo: user.id,
        ...(q === undefined ? {} : { text: q }),
        limit,
        offset,
      })
      return {
        items: page.items.map((item) => ({ ...item, releases: [...item.releases] })),
        total: page.total,
        limit,
        offset,
      }
    },
  )

  app.post(
    '/products',
    {
      config: { access: { kind: 'global', permission: 'admin' } },
      schema: {
        summary: 'Add a product from its model files',
        description:
          "The files must form a valid model (422 with file:line:column details otherwise). The product takes the model's product name. The response's ETag is the revision to send in If-Match with the next write.",
        tags: TAGS,
        body: Type.Object({
          id: Type.String({
            pattern: PRODUCT_ID_PATTERN,
            maxLength: 80,
            description: 'New product id',
          }),
          files: ModelFilesSchema,
          reason: Type.Optional(Reason),
        }),
        response: {
          201: Type.Object({
            id: Type.String(),
            name: Type.String(),
            ...SavedModelSchema.properties,
          }),
          ...errors(400, 401, 403, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const { user } = principalOf(request)
      const { id, files, reason } = request.body
      const saved = await saveProductModel(store, id, files, {
        expectedRevision: 0,
        actor: user.username,
        reason: reason ?? null,
      })
      if (!saved.ok) {
        if (saved.error.code === 'stale-revision') {
          throw new ApiError(409, 'product-exists', `product ${id} exists; PUT its model instead`)
        }
        throw modelSaveError(reply, saved.error, undefined)
      }
      const product = await findProduct(store, id)
      void reply.status(201).header('etag', revisionTag(saved.value.revision))
      const { revision, changed } = saved.value
      return { id, name: product?.name ?? id, revision, changed: [...changed] }
    },
  )

  app.get(
    '/products/:productId',
    {
      config: { access: { kind: 'product', permission: 'product:read' } },
      schema: {
        summary: "A product: its revision, releases with today's support phase, and counts",
        tags: TAGS,
        params: ProductParams,
        response: { 200: ProductDetail, ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { productId } = request.params
      const stored = await loadProductModel(store, productId)
      const product = await findProduct(store, productId)
      if (stored === undefined || product === undefined) throw notFound(`product ${productId}`)
      const today = todayOf(store)
      const openFindings = await countOpenFindings(store, productId)
      const { model } = stored
      void reply.header('etag', revisionTag(stored.revision))
      if (model === undefined) {
        return {
          id: productId,
          name: product.name,
          revision: stored.revision,
          date: today,
          modelValid: false,
          releases: [],
          counts: { threats: null, openThreats: null, openFindings },
        }
      }
      const analysis = await analyseProduct(store, productId, { date: today })
      const threats = analysis.ok ? analysis.value.threats : undefined
      const dates = new Map(model.releases.map((release) => [release.version, release.date]))
      return {
        id: productId,
        name: model.product.name,
        revision: stored.revision,
        date: today,
        modelValid: true,
        releases: supportStatusOn(model, today).map((status) => ({
          version: status.version,
          releasedAt: dates.get(status.version) ?? '',
          supportPhase: status.phase,
          phaseSource: status.phaseSource,
          endOfSupport: status.endOfSupport ?? null,
          endOfLife: status.endOfLife ?? null,
        })),
        counts: {
          threats: threats?.length ?? null,
          openThreats: threats?.filter((threat) => threat.status === 'open').length ?? null,
          openFindings,
        },
      }
    },
  )
}
