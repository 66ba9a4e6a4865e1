import { Type } from '@sinclair/typebox'

import { checkDocumentsRequest, DocumentsJobData, loadProductModel } from '../../services/index.js'
import {
  findGeneratedDocument,
  listGeneratedDocuments,
  type GeneratedDocumentInfo,
} from '../../store/index.js'
import type { ApiRoutes } from '../api-app.js'
import { ApiError, notFound } from '../api-error.js'
import { principalOf } from '../auth/signed-in.js'
import { DocumentItem, GenerateBody } from '../document-schemas.js'
import { locatedDetails } from '../model-problems.js'
import { PAGE_QUERY, PageOf } from '../pagination.js'
import { errors, ProductParams } from '../product-schemas.js'

const TAGS = ['documents']

const { kind } = DocumentsJobData.properties

const documentItem = (info: GeneratedDocumentInfo) => ({
  id: info.id,
  kind: info.kind,
  language: info.language,
  release: info.release ?? null,
  name: info.name,
  mediaType: info.mediaType,
  sha256: info.sha256,
  size: info.size,
  modelRevision: info.modelRevision,
  createdAt: info.createdAt,
  createdBy: info.createdBy,
})

/** Characters a quoted-string filename can hold as they are (RFC 6266, 4.3: ASCII only). */
const PLAIN_FILENAME = /^[\x20-\x7e]+$/

/**
 * `Content-Disposition: attachment` for a file name: the name as it is when it is plain ASCII,
 * else an ASCII stand-in for old clients and the real name as `filename*` (RFC 6266, RFC 8187).
 */
export const attachmentDisposition = (name: string): string => {
  const quoted = (text: string): string => `"${text.replace(/["\\]/g, '\\$&')}"`
  if (PLAIN_FILENAME.test(name)) return `attachment; filename=${quoted(name)}`
  const fallback = name.replace(/[^\x20-\x7e]/g, '_')
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  )
  return `attachment; filename=${quoted(fallback)}; filename*=UTF-8''${encoded}`
}

/**
 * Deliverables generated on the server from a product's current model, with its signatures, in
 * a background job; each file is kept with the revision it came from and can be downloaded.
 */
export const documentRoutes: ApiRoutes = (app, deps) => {
  const { store, jobs } = deps

  app.post(
    '/products/:productId/documents',
    {
      config: { access: { kind: 'product', permission: 'document:generate' } },
      schema: {
        summary: 'Generate a deliverable from the current model',
        description:
          'Queues a documents-generate job and answers 202 with its id (GET /api/jobs/{jobId} for its state; its output lists the files). The documents show the signatures made on the product, marking those on another model revision as superseded.',
        tags: TAGS,
        params: ProductParams,
        body: GenerateBody,
        response: {
          202: Type.Object({ jobId: Type.String() }),
          ...errors(400, 401, 403, 404, 422),
        },
      },
    },
    async (request, reply) => {
      const { productId } = request.params
      const { kind, formats, language, release, date } = request.body
      // The job checks again when it runs; asking now spares the user a job bound to fail.
      const checked = checkDocumentsRequest(await loadProductModel(store, productId), {
        productId,
        ...(release === undefined ? {} : { release }),
      })
      if (!checked.ok) {
        const problem = checked.error
        switch (problem.code) {
          case 'documents/unknown-product':
            throw notFound(`product ${productId}`)
          case 'documents/invalid-model':
            throw new ApiError(
              422,
              'invalid-model',
              problem.message,
              locatedDetails(problem.issues),
            )
          case 'documents/unknown-release':
            throw new ApiError(400, 'unknown-release', problem.message, [
              { path: 'body/release', message: 'no such release in the model' },
            ])
          case 'documents/render-failed':
            throw new ApiError(500, 'internal', problem.message)
        }
      }
      const data: DocumentsJobData = {
        productId,
        kind,
        requestedBy: principalOf(request).user.username,
        ...(formats === undefined ? {} : { formats }),
        ...(language === undefined ? {} : { language }),
        ...(release === undefined ? {} : { release }),
        ...(date === undefined ? {} : { date }),
      }
      // Generation is deterministic: a failed attempt (invalid model, no browser) fails again.
      const jobId = await jobs.send('documents-generate', data, { maxAttempts: 1 })
      void reply.status(202)
      return { jobId }
    },
  )

  app.get(
    '/products/:productId/documents',
    {
      config: { access: { kind: 'product', permission: 'product:read' } },
      schema: {
        summary: 'The files generated for the product, newest first',
        tags: TAGS,
        params: ProductParams,
        querystring: Type.Object({
          kind: Type.Optional(kind),
          ...PAGE_QUERY,
        }),
        response: { 200: PageOf(DocumentItem), ...errors(400, 401, 403) },
      },
    },
    async (request) => {
      const { kind, limit, offset } = request.query
      const page = await listGeneratedDocuments(store, request.params.productId, {
        ...(kind === undefined ? {} : { kind }),
        limit,
        offset,
      })
      return { items: page.documents.map(documentItem), total: page.total, limit, offset }
    },
  )

  app.get(
    '/products/:productId/documents/:documentId',
    {
      config: { access: { kind: 'product', permission: 'product:read' } },
      schema: {
        summary: 'Download one generated file',
        description:
          'The bytes as generated, with their media type and as an attachment; the ETag is the SHA-256 of the bytes.',
        tags: TAGS,
        params: Type.Object({
          ...ProductParams.properties,
          documentId: Type.String({ minLength: 1, maxLength: 100 }),
        }),
        response: {
          200: {
            description: 'The file',
            content: {
              'application/octet-stream': {
                schema: Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary' }),
              },
            },
          },
          ...errors(401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { productId, documentId } = request.params
      const found = await findGeneratedDocument(store, productId, documentId)
      if (found === undefined) throw notFound(`document ${documentId}`)
      return reply
        .header('content-type', found.info.mediaType)
        .header('content-disposition', attachmentDisposition(found.info.name))
        .header('etag', `"${found.info.sha256}"`)
        .send(Buffer.from(found.content))
    },
  )
}
