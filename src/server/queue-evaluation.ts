import type { FastifyRequest } from 'fastify'

import type { PortfolioEvaluateData } from '../services/index.js'
import { principalOf } from './auth/signed-in.js'
import type { ServerDeps } from './server-deps.js'

/**
 * After a save that can change the product's findings (triage, SBOMs, releases), queues the
 * product's re-evaluation, so the stored findings follow the model without waiting for the next
 * feed sync. The save is stored already: a queue that refuses the job is logged, not an error.
 * Without an advisory data dir the server does no scanning, so nothing is queued.
 */
export const queueEvaluation = async (
  deps: Pick<ServerDeps, 'jobs' | 'dataDir'>,
  request: FastifyRequest,
  productId: string,
): Promise<{ evaluationJobId?: string }> => {
  if (deps.dataDir === undefined) return {}
  const data: PortfolioEvaluateData = {
    productId,
    requestedBy: principalOf(request).user.username,
  }
  try {
    // No singleton key: a job already running may have read the model before this save.
    return { evaluationJobId: await deps.jobs.send('portfolio-evaluate', data) }
  } catch (error) {
    request.log.error(
      { err: error, productId },
      'the re-evaluation of the findings after a save could not be queued',
    )
    return {}
  }
}
