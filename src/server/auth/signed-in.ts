import type { FastifyRequest } from 'fastify'

import { ApiError } from '../api-error.js'
import type { Principal } from './principal.js'

/** The principal of a route whose access rule already required one. */
export const principalOf = (request: FastifyRequest): Principal => {
  const principal = request.principal
  if (principal === undefined) throw new ApiError(401, 'unauthorized', 'sign in first')
  return principal
}
