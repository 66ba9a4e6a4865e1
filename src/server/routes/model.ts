import { Type } from '@sinclair/typebox'

import { saveProductModel } from '../../services/index.js'
import { exportModel, findProduct } from '../../store/index.js'
import type { ApiRoutes } from '../api-app.js'
import { notFound } from '../api-error.js'
import { principalOf } from '../auth/signed-in.js'
import {
  IF_MATCH_HEADERS,
  IF_NONE_MATCH_HEADERS,
  ifMatchRevision,
  notModified,
  revisionTag,
} from '../etag.js'
import { modelSaveError } from '../model-problems.js'
import {
  errors,
  ModelFilesSchema,
  ProductParams,
  Reason,
  SavedModelEvaluatingSchema,
} from '../product-schemas.js'
import { queueEvaluation } from '../queue-evaluation.js'

const TAGS = ['model']

/** The model as code: its files at a revision, and saving a new revision of them. */
export const modelRoutes: ApiRoutes = (app, deps) => {
  const { store } = deps

  app.get(
    '/products/:productId/model',
    {
      config: { access: { kind: 'product', permission: 'product:read' } },
      schema: {
        summary: "The model's files at the current revision",
        description:
          'ETag "r<revision>"; with If-None-Match naming it the answer is 304 without a body. Send the ETag as If-Match when saving.',
        tags: TAGS,
        params: ProductParams,
        headers: IF_NONE_MATCH_HEADERS,
        response: {
          200: Type.Object({
            revision: Type.Integer(),
            files: Type.Array(Type.Object({ path: Type.String(), text: Type.String() })),
          }),
          304: Type.Null({ description: 'Not modified since the revision named in If-None-Match' }),
          ...errors(401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { productId } = request.params
      const product = await findProduct(store, productId)
      if (product === undefined) throw notFound(`product ${productId}`)
      const tag = revisionTag(product.revision)
      if (notModified(request, tag)) return reply.status(304).header('etag', tag).send(null)
      const exported = await exportModel(store, productId)
      void reply.header('etag', revisionTag(exported.revision))
      return { revision: exported.revision, files: [...exported.files] }
    },
  )

  app.put(
    '/products/:productId/model',
    {
      config: { access: { kind: 'product', permission: 'model:write' } },
      schema: {
        summary: "Save the model's files as the next revision",
        description:
          "Needs If-Match with the ETag of the revision the files were based on: 428 without it, 412 when someone saved since (nothing is stored; read again and merge). The files replace the stored ones (files left out are removed) only if they form a valid model: 422 with file:line:column details otherwise. Once stored, a re-evaluation of the product's findings is queued (evaluationJobId).",
        tags: TAGS,
        params: ProductParams,
        headers: IF_MATCH_HEADERS,
        body: Type.Object({ files: ModelFilesSchema, reason: Type.Optional(Reason) }),
        response: {
          200: SavedModelEvaluatingSchema,
          ...errors(400, 401, 403, 404, 412, 422, 428),
        },
      },
    },
    async (request, reply) => {
      const { productId } = request.params
      const { user } = principalOf(request)
      const product = await findProduct(store, productId)
      if (product === undefined) throw notFound(`product ${productId}`)
      const expectedRevision = ifMatchRevision(request, reply, product.revision)
      const saved = await saveProductModel(store, productId, request.body.files, {
        expectedRevision,
        actor: user.username,
        reason: request.body.reason ?? null,
      })
      if (!saved.ok) throw modelSaveError(reply, saved.error, request.headers['if-match'])
      const { revision, changed } = saved.value
      void reply.header('etag', revisionTag(revision))
      return {
        revision,
        changed: [...changed],
        ...(await queueEvaluation(deps, request, productId)),
      }
    },
  )
}
