import type { FastifyReply } from 'fastify'

import type { LocatedIssue } from '../formats/index.js'
import type {
  AnalysisProblem,
  ArchitectureEditProblem,
  EntryPlace,
  ModelSaveProblem,
} from '../services/index.js'
import { ApiError, notFound, type ApiErrorDetail } from './api-error.js'
import { staleRevision } from './etag.js'

/** Enough to fix a broken model in a few rounds; the rest is one `medcyber validate` away. */
const MAX_DETAILS = 200

/**
 * Model issues as error details: `file:line:column` and the message with its code, and the
 * architecture entry an issue is about when it is known.
 */
export const locatedDetails = (
  issues: readonly (LocatedIssue & { readonly entry?: EntryPlace })[],
): ApiErrorDetail[] =>
  issues.slice(0, MAX_DETAILS).map(({ entry, ...issue }) => ({
    path: `${issue.file}:${String(issue.line)}:${String(issue.column)}`,
    message: `${issue.message} [${issue.code}]`,
    ...(entry?.id === undefined
      ? {}
      : { entry: { list: entry.list, id: entry.id, field: entry.field ?? null } }),
  }))

const invalidModel = (
  issues: readonly (LocatedIssue & { readonly entry?: EntryPlace })[],
  message: string,
): ApiError => new ApiError(422, 'invalid-model', message, locatedDetails(issues))

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

/** What a refused edit of the architecture means over HTTP; `edits` is where they were sent. */
export const architectureEditError = (
  reply: FastifyReply,
  problem: ArchitectureEditProblem,
  sentIfMatch: string | undefined,
): ApiError => {
  switch (problem.code) {
    case 'unknown-entry':
      return new ApiError(
        404,
        'unknown-entry',
        `the model has no ${problem.list} entry '${problem.id}'; nothing was stored`,
        [
          {
            path: `body/edits/${String(problem.edit)}/id`,
            message: `no such id in ${problem.list}`,
          },
        ],
      )
    case 'entry-without-id':
      return new ApiError(400, 'invalid-request', 'every entry put needs its id', [
        {
          path: `body/edits/${String(problem.edit)}/entry/id`,
          message: 'must be a non-empty string',
        },
      ])
    case 'invalid-model':
      return invalidModel(
        problem.issues,
        'the model would not be valid; nothing was stored (see details for file:line:column and the entry)',
      )
    default:
      return modelSaveError(reply, problem, sentIfMatch)
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
