import type { FastifyReply, FastifyRequest } from 'fastify'

import { rolesOnProduct, type Store } from '../../store/index.js'
import { ApiError, forbidden } from '../api-error.js'
import { isRole, rolesGrant, type Role } from './roles.js'

const rolesOf = async (store: Store, userId: string, productId: string): Promise<Role[]> =>
  (await rolesOnProduct(store, userId, productId)).filter(isRole)

const productIdOf = (request: FastifyRequest): string => {
  const params = request.params as Record<string, unknown> | undefined
  const productId = params?.['productId']
  if (typeof productId !== 'string') {
    throw new Error(`route ${request.routeOptions.url ?? ''} has product access without :productId`)
  }
  return productId
}

/**
 * onRequest hook after `authenticate`: enforces the route's declared access. A user without any
 * role on a product gets 403 whether or not the product exists, so ids cannot be probed.
 */
export const authorize =
  (store: Store) =>
  async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const access = request.routeOptions.config.access
    if (access === undefined || access.kind === 'public') return
    const principal = request.principal
    if (principal === undefined) throw new ApiError(401, 'unauthorized', 'sign in first')
    if (access.kind === 'signed-in') return
    const productId = access.kind === 'global' ? '*' : productIdOf(request)
    const roles = await rolesOf(store, principal.user.id, productId)
    if (!rolesGrant(roles, access.permission)) throw forbidden()
    request.productRoles = roles
  }
