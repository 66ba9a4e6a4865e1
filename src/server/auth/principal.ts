import type { UserAccount } from '../../store/index.js'
import type { Permission, Role } from './roles.js'

/** Who is making the request, and how they proved it. */
export interface Principal {
  readonly user: UserAccount
  readonly via: 'session' | 'token'
  /** The hash of the session cookie's secret, for sign-out; only with `via: 'session'`. */
  readonly sessionIdHash?: string
}

/**
 * What a route requires. Every `/api` route must declare one (app.ts refuses to start
 * otherwise), so a forgotten check is a start-up failure, not an open door.
 * - `public`: anyone, signed in or not (sign-in itself, the API description).
 * - `signed-in`: any signed-in user (their own profile and tokens).
 * - `product`: a permission on the product named by the `productId` path parameter.
 * - `global`: a permission held through a role granted on every product (`*`).
 */
export type RouteAccess =
  | { readonly kind: 'public' }
  | { readonly kind: 'signed-in' }
  | { readonly kind: 'product'; readonly permission: Permission }
  | { readonly kind: 'global'; readonly permission: Permission }

/** One API route and what it requires: the route table the role matrix and the docs read. */
export interface DeclaredRoute {
  readonly method: string
  readonly url: string
  readonly access: RouteAccess
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every `/api` route registered, in order, with its access rule. */
    readonly declaredRoutes: readonly DeclaredRoute[]
  }
  interface FastifyRequest {
    principal: Principal | undefined
    /** The roles the principal holds on the route's product or on `*` (after the access check). */
    productRoles: readonly Role[] | null
  }
  interface FastifyContextConfig {
    access?: RouteAccess
  }
}
