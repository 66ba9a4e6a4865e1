import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'

import { ApiError, type ApiErrorDetail } from './api-error.js'

interface ErrorBody {
  readonly error: {
    readonly code: string
    readonly message: string
    readonly details?: readonly ApiErrorDetail[]
    readonly requestId?: string
  }
}

/** A missing property is reported at its parent; the path should name the property itself. */
const missingProperty = (params: Record<string, unknown>): string => {
  const name = params['missingProperty']
  return typeof name === 'string' ? `/${name}` : ''
}

const validationDetails = (error: FastifyError): ApiErrorDetail[] =>
  (error.validation ?? []).map((issue) => ({
    // e.g. `body/threats/0/status`, `querystring/limit`, `params/productId`
    path: `${error.validationContext ?? 'request'}${issue.instancePath}${missingProperty(issue.params)}`,
    message: issue.message ?? 'is not valid',
  }))

/**
 * Every failure leaves as `{ error: { code, message, details? } }`. Client errors say what and
 * where; server errors say only that something failed and the request id to find it in the log,
 * never a stack trace or a database message.
 */
export const handleError = (
  error: FastifyError | ApiError | Error,
  request: FastifyRequest,
  reply: FastifyReply,
): void => {
  let status = 500
  let body: ErrorBody
  if (error instanceof ApiError) {
    status = error.status
    body = {
      error: {
        code: error.code,
        message: error.message,
        ...(error.details.length === 0 ? {} : { details: error.details }),
      },
    }
  } else if ((error as Partial<FastifyError>).validation !== undefined) {
    status = 400
    body = {
      error: {
        code: 'invalid-request',
        message: 'the request does not match the API description (see details)',
        details: validationDetails(error as FastifyError),
      },
    }
  } else if (((error as Partial<FastifyError>).statusCode ?? 500) < 500) {
    // Fastify's own client errors (bad JSON, too large, wrong content type, rate limit)
    const { statusCode, code } = error as Partial<FastifyError>
    status = statusCode ?? 400
    body = { error: { code: (code ?? 'bad-request').toLowerCase(), message: error.message } }
  } else {
    request.log.error({ err: error }, 'request failed')
    body = {
      error: {
        code: 'internal',
        message: 'the server could not complete the request; the log has the details',
        requestId: request.id,
      },
    }
  }
  void reply.status(status).send(body)
}
