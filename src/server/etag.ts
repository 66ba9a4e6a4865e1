import { Type } from '@sinclair/typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'

import { ApiError } from './api-error.js'

/**
 * Everything derived from a product's model is tagged with the model's revision: a client that
 * read `"r5"` may write only while the product is still at revision 5.
 */
export const revisionTag = (revision: number): string => `"r${String(revision)}"`

/** The `If-Match` header of a write, for the API description (checked by `ifMatchRevision`). */
export const IF_MATCH_HEADERS = Type.Object({
  'if-match': Type.Optional(
    Type.String({
      description:
        'The ETag of the revision the change is based on, e.g. "r5"; required (428 without it)',
    }),
  ),
})

/** The `If-None-Match` header of a read that can answer 304. */
export const IF_NONE_MATCH_HEADERS = Type.Object({
  'if-none-match': Type.Optional(
    Type.String({ description: 'An ETag you hold, e.g. "r5": 304 while it is still current' }),
  ),
})

const tagsOf = (header: string): string[] =>
  header
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '')

const headerOf = (request: FastifyRequest, name: string): string | undefined => {
  const value = request.headers[name]
  return Array.isArray(value) ? value.join(',') : value
}

/** 412 with the revision the product is at now, in the message and as the response's ETag. */
export const staleRevision = (
  reply: FastifyReply,
  current: number,
  sent: string | undefined,
): ApiError => {
  void reply.header('etag', revisionTag(current))
  return new ApiError(
    412,
    'stale-revision',
    `the product's model is at revision ${String(current)} now (ETag ${revisionTag(current)}); someone saved since you read it: read it again, redo your change on it and send it with the new ETag`,
    [
      {
        path: 'header/if-match',
        message: `sent ${sent ?? 'nothing'}; current ${revisionTag(current)}`,
      },
    ],
  )
}

/**
 * The revision a write is based on, from `If-Match`: 428 without one (a write that does not say
 * what it overwrites could silently undo someone else's), 412 when it names another revision.
 * `*` is refused for the same reason as no header at all.
 */
export const ifMatchRevision = (
  request: FastifyRequest,
  reply: FastifyReply,
  current: number,
): number => {
  const header = headerOf(request, 'if-match')
  const tags = header === undefined ? [] : tagsOf(header)
  if (tags.length === 0 || tags.includes('*')) {
    throw new ApiError(
      428,
      'precondition-required',
      'send If-Match with the ETag of the copy you changed, e.g. If-Match: "r5"; writes without it could overwrite someone else\'s change',
      [
        {
          path: 'header/if-match',
          message: header === undefined ? 'missing' : `${header} names no revision`,
        },
      ],
    )
  }
  if (!tags.includes(revisionTag(current))) throw staleRevision(reply, current, header)
  return current
}

/** Whether `If-None-Match` names this tag (weak comparison, as GET allows). */
export const notModified = (request: FastifyRequest, tag: string): boolean => {
  const header = headerOf(request, 'if-none-match')
  if (header === undefined) return false
  return tagsOf(header).some((sent) => sent === '*' || sent.replace(/^W\//, '') === tag)
}
