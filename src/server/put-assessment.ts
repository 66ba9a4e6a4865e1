import type { FastifyReply, FastifyRequest } from 'fastify'

import type { FindingAssessment, ThreatAssessment } from '../core/index.js'
import { saveAssessment } from '../services/index.js'
import { findProduct, type Store } from '../store/index.js'
import { ApiError, notFound } from './api-error.js'
import { principalOf } from './auth/signed-in.js'
import { todayOf } from './calendar.js'
import { ifMatchRevision, revisionTag } from './etag.js'
import { modelSaveError } from './model-problems.js'

/** One threat assessment or one triage decision, as a PUT names it. */
export type AssessmentPut =
  | { readonly list: 'threatAssessments'; readonly key: 'threat'; readonly id: string }
  | { readonly list: 'findingAssessments'; readonly key: 'finding'; readonly id: string }

/**
 * The shared body of the assessment and triage PUTs: the entry's id comes from the path (a body
 * naming another is refused), the write needs If-Match, and the new revision's ETag comes back.
 */
export const putAssessment = async (
  store: Store,
  request: FastifyRequest<{ Params: { productId: string } }>,
  reply: FastifyReply,
  target: AssessmentPut,
  body: Readonly<Record<string, unknown>> & { readonly reason?: string },
): Promise<{ revision: number; changed: string[] }> => {
  const { productId } = request.params
  const { user } = principalOf(request)
  const { reason, [target.key]: named, ...fields } = body
  if (named !== undefined && named !== target.id) {
    throw new ApiError(
      400,
      'invalid-request',
      `the body names ${target.key} ${JSON.stringify(named)}, the path ${target.id}`,
      [{ path: `body/${target.key}`, message: `must be ${target.id} or left out` }],
    )
  }
  const product = await findProduct(store, productId)
  if (product === undefined) throw notFound(`product ${productId}`)
  const expectedRevision = ifMatchRevision(request, reply, product.revision)
  // The body was checked against the entry's own schema; only the id comes from the path.
  const entry = { ...fields, [target.key]: target.id }
  const saved = await saveAssessment(
    store,
    productId,
    target.list === 'threatAssessments'
      ? { list: target.list, entry: entry as unknown as ThreatAssessment }
      : { list: target.list, entry: entry as unknown as FindingAssessment },
    {
      expectedRevision,
      actor: user.username,
      reason: reason ?? null,
      today: todayOf(store),
    },
  )
  if (!saved.ok) throw modelSaveError(reply, saved.error, request.headers['if-match'])
  const { revision, changed } = saved.value
  void reply.header('etag', revisionTag(revision))
  return { revision, changed: [...changed] }
}
