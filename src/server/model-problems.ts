import type { FastifyReply } from 'fastify'

import type { LocatedIssue } from '../formats/index.js'
import type { AnalysisProblem, ModelSaveProblem } from '../services/index.js'
import { ApiError, notFound, type ApiErrorDetail } from './api-error.js'
import { staleRevision } from './etag.js'

/** Enough to fix a broken model in a few rounds; the rest is one `medcyber validate` away. */
const MAX_DETAILS = 200

/** Model issues as error details: `file:line:column` and the message with its code. */
export const locatedDetails = (issues: readonly LocatedIssue[]): ApiErrorDetail[] =>
  issues.slice(0, MAX_DETAILS).map((issue) => ({
    path: `${issue.file}:${String(issue.line)}:${String(issue.column)}`,
    message: `${issue.message} [${issue.code}]`,
  }))

const invalidModel = (issues: readonly LocatedIssue[], message: string): ApiError =>
  new ApiError(422, 'invalid-model', message, locatedDetails(issues))

/** What a refused model write means over HTTP. */
export const modelSaveError = (
  reply: FastifyReply,
  problem: ModelSaveProblem,
  sentIfMatch: string | undefined,
): ApiError => {
  switch (problem.code) {
    case 'not-found':
      return notFound(`product ${problem.productId}`)
    case 'invalid-model':
      return invalidModel(
        problem.issues,
        'the model would not be valid; nothing was stored (see details for file:line:column)',
      )
    case 'stale-revision':
      return staleRevision(reply, problem.actualRevision, sentIfMatch)
    case 'bad-files':
      return new ApiError(400, 'invalid-files', problem.message, [
        { path: 'body/files', message: problem.message },
      ])
    case 'unknown-threat':
      return notFound(`threat ${problem.threat}`)
  }
}

/** Why the threats or the register of a product cannot be given. */
export const analysisError = (problem: AnalysisProblem): ApiError => {
  switch (problem.code) {
    case 'not-found':
      return notFound(`product ${problem.productId}`)
    case 'invalid-model':
      return invalidModel(
        problem.issues,
        `the stored model (revision ${String(problem.revision)}) is not valid, so it cannot be analysed; fix it with PUT .../model`,
      )
    case 'unknown-release':
      return new ApiError(
        400,
        'unknown-release',
        `the model has no release '${problem.release}' (${problem.releases.join(', ')})`,
        [{ path: 'querystring/release', message: `one of: ${problem.releases.join(', ')}` }],
      )
  }
}
