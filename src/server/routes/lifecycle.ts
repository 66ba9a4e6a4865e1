import { Type } from '@sinclair/typebox'

import { lifecycleOverview, loadProductModel } from '../../services/index.js'
import { readInstalledBase } from '../../store/index.js'
import type { ApiRoutes } from '../api-app.js'
import { dateOrToday } from '../calendar.js'
import { revisionTag } from '../etag.js'
import { analysisError } from '../model-problems.js'
import { DateQuery, errors, ProductParams } from '../product-schemas.js'
import { replyBody } from '../reply-body.js'
import { LifecycleSchema } from '../workspace-schemas.js'

/** A product's releases and components through their support lifecycle (IMDRF N70). */
export const lifecycleRoutes: ApiRoutes = (app, deps) => {
  const { store } = deps

  app.get(
    '/products/:productId/lifecycle',
    {
      config: { access: { kind: 'product', permission: 'product:read' } },
      schema: {
        summary: 'Support phases, end-of-support notices and component support ends on a day',
        description:
          'Per release: its IMDRF N70 support phase on the day (default today), its end of life and end of support, the day customers must be told of the end of support by (two years before) with noticeState overdue (that day has passed), due-within-a-year or not-yet, and the components already past their supplier\'s end of support, and installedBase: the customers, sites and units still running it (null when no installed base was imported). Per component: the supplier\'s end of support (ended on and after that day, ends-within-a-year within 365 days, unknown without one) and the releases that ship it (those listing it, or every release that lists no components). ETag "r<revision>".',
        tags: ['lifecycle'],
        params: ProductParams,
        querystring: Type.Object({ date: Type.Optional(DateQuery) }),
        response: { 200: LifecycleSchema, ...errors(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const { productId } = request.params
      const date = dateOrToday(store, request.query.date)
      const stored = await loadProductModel(store, productId)
      if (stored === undefined) throw analysisError({ code: 'not-found', productId })
      const { model, revision, issues } = stored
      if (model === undefined) throw analysisError({ code: 'invalid-model', revision, issues })
      void reply.header('etag', revisionTag(revision))
      const { entries } = await readInstalledBase(store, productId)
      return replyBody(lifecycleOverview(model, date, entries))
    },
  )
}
