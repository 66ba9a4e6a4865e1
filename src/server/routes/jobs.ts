import { Type } from '@sinclair/typebox'
import type { FastifyRequest } from 'fastify'

import type { JobStatus } from '../../jobs/index.js'
import type { FeedsSyncData, PortfolioEvaluateData } from '../../services/index.js'
import { FEEDS_SYNC_SINGLETON } from '../../services/index.js'
import { rolesOnProduct, type Store } from '../../store/index.js'
import type { ApiRoutes } from '../api-app.js'
import { notFound } from '../api-error.js'
import { isRole, rolesGrant } from '../auth/roles.js'
import { principalOf } from '../auth/signed-in.js'
import { Accepted, JobStatusBody } from '../job-schemas.js'
import { errors, ProductParams } from '../product-schemas.js'

const TAGS = ['jobs']

/** One feed sync at a time: asking again while one is queued or running returns that one. */

const JobParams = Type.Object({
  jobId: Type.String({ minLength: 1, maxLength: 100, description: 'Job id' }),
})

/** A job about one product is shown only to whoever may read that product. */
const mayRead = async (store: Store, request: FastifyRequest, job: JobStatus): Promise<boolean> => {
  const productId = job.data['productId']
  if (typeof productId !== 'string') return true
  const roles = await rolesOnProduct(store, principalOf(request).user.id, productId)
  return rolesGrant(roles.filter(isRole), 'product:read')
}

/**
 * Background work: a feed sync, which re-evaluates every product when advisories changed, and
 * the re-evaluation of one product's findings. Both answer 202 with the job's id at once.
 */
export const jobRoutes: ApiRoutes = (app, deps) => {
  const { store, jobs } = deps

  app.post(
    '/jobs/feeds-sync',
    {
      config: { access: { kind: 'global', permission: 'jobs:run' } },
      schema: {
        summary: 'Sync the advisory feeds',
        description:
          'Queues a feeds-sync job (OSV, NVD, CISA KEV, EPSS and configured CSAF providers, as the worker is configured) and answers 202 with its id. While a sync is queued or running, the same job id is returned. When the sync publishes new advisories, a portfolio-evaluate job for every product follows.',
        tags: TAGS,
        response: { 202: Accepted, ...errors(401, 403) },
      },
    },
    async (request, reply) => {
      const data: FeedsSyncData = { requestedBy: principalOf(request).user.username }
      const jobId = await jobs.send('feeds-sync', data, { singletonKey: FEEDS_SYNC_SINGLETON })
      void reply.status(202)
      return { jobId }
    },
  )

  app.post(
    '/products/:productId/evaluate',
    {
      config: { access: { kind: 'product', permission: 'jobs:run' } },
      schema: {
        summary: "Re-evaluate the product's findings",
        description:
          "Queues a portfolio-evaluate job for the product and answers 202 with its id: every release of the current model is scanned against the advisory store and the product's findings are brought up to date (new ones added, vanished ones removed, triage from the model).",
        tags: TAGS,
        params: ProductParams,
        response: { 202: Accepted, ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { productId } = request.params
      const product = await store.db
        .selectFrom('products')
        .select('id')
        .where('id', '=', productId)
        .executeTakeFirst()
      if (product === undefined) throw notFound(`product ${productId}`)
      const data: PortfolioEvaluateData = {
        productId,
        requestedBy: principalOf(request).user.username,
      }
      const jobId = await jobs.send('portfolio-evaluate', data)
      void reply.status(202)
      return { jobId }
    },
  )

  app.get(
    '/jobs/:jobId',
    {
      config: { access: { kind: 'signed-in' } },
      schema: {
        summary: 'The state of a background job',
        description:
          'queued, active, completed (with its output) or failed (with the error). A job about a product is found only by those who may read the product.',
        tags: TAGS,
        params: JobParams,
        response: { 200: JobStatusBody, ...errors(401, 404) },
      },
    },
    async (request) => {
      const status = await jobs.get(request.params.jobId)
      if (status === undefined || !(await mayRead(store, request, status))) {
        throw notFound(`job ${request.params.jobId}`)
      }
      return { ...status, output: status.output ?? null }
    },
  )
}
