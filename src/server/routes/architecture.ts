import { Type } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'

import { readArchitecture, saveArchitectureEdits } from '../../services/index.js'
import { findProduct } from '../../store/index.js'
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
import { architectureEditError } from '../model-problems.js'
import { errors, ProductParams, SavedModelEvaluatingSchema } from '../product-schemas.js'
import { queueEvaluation } from '../queue-evaluation.js'
import {
  ArchitectureEditsBody,
  ArchitectureSchema,
  DiagramLayoutSchema,
} from '../workspace-schemas.js'

const TAGS = ['model']

/** The diagram editor's view of the model: its architecture lists, and edits to them. */
export const architectureRoutes: ApiRoutes = (app, deps) => {
  const { store } = deps

  app.get(
    '/products/:productId/architecture',
    {
      config: { access: { kind: 'product', permission: 'product:read' } },
      schema: {
        summary: "The model's elements, data flows and trust boundaries, for the diagram editor",
        description:
          'The entries as written in the model files, with the vocabulary to choose from, the diagram layout (diagram.layout.json) and every issue of the model, placed on the entry it is about. A model that is not valid still answers 200 with what its files hold. ETag "r<revision>"; send it as If-Match with PATCH .../model.',
        tags: TAGS,
        params: ProductParams,
        headers: IF_NONE_MATCH_HEADERS,
        response: {
          200: ArchitectureSchema,
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
      const architecture = await readArchitecture(store, productId)
      if (architecture === undefined) throw notFound(`product ${productId}`)
      void reply.header('etag', revisionTag(architecture.revision))
      const { layout } = architecture
      // A layout file someone wrote by hand wrong is left out rather than failing the editor.
      return { ...architecture, layout: Value.Check(DiagramLayoutSchema, layout) ? layout : null }
    },
  )

  app.patch(
    '/products/:productId/model',
    {
      config: { access: { kind: 'product', permission: 'model:write' } },
      schema: {
        summary: 'Put or remove elements, data flows and trust boundaries, and save the layout',
        description:
          "Each edit is made in the model's YAML files in place: `put` replaces the entry with that id wherever it is written, else adds it to the first file (in include order) with that list; `remove` deletes it (404 unknown-entry without one). Every other byte, comments included, stays as written. `layout` is written to diagram.layout.json. Needs If-Match (428 without, 412 when stale). The whole model is checked before it is stored as the next revision: 422 with file:line:column details, each with the entry it is about, and nothing stored. Once stored, a re-evaluation of the product's findings is queued (evaluationJobId).",
        tags: TAGS,
        params: ProductParams,
        headers: IF_MATCH_HEADERS,
        body: ArchitectureEditsBody,
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
      const { edits, layout, reason } = request.body
      const saved = await saveArchitectureEdits(
        store,
        productId,
        layout === undefined ? { edits } : { edits, layout },
        { expectedRevision, actor: user.username, reason: reason ?? null },
      )
      if (!saved.ok) throw architectureEditError(reply, saved.error, request.headers['if-match'])
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
