import { Type } from '@sinclair/typebox'

import {
  createUser,
  deleteOtherSessionsOf,
  deleteSessionsOf,
  findUserById,
  grantRole,
  listAllRoleGrants,
  listRoleGrants,
  listUsers,
  revokeRole,
  updateUser,
  type Store,
  type UserAccount,
} from '../../store/index.js'
import type { ApiRoutes } from '../api-app.js'
import { ApiError, notFound } from '../api-error.js'
import {
  AccountSchema,
  accountView,
  auditedAccount,
  DisplayNameSchema,
  PasswordSchema,
  RoleGrantSchema,
  UsernameSchema,
} from '../auth/account-views.js'
import { auditedChange } from '../auth/audited-change.js'
import { hashPassword } from '../auth/passwords.js'
import type { Principal } from '../auth/principal.js'
import { ROLES } from '../auth/roles.js'
import { principalOf } from '../auth/signed-in.js'
import { errors } from '../product-schemas.js'

const TAGS = ['users']
const ADMIN = { kind: 'global', permission: 'admin' } as const

const UserIdParams = Type.Object({ userId: Type.String({ minLength: 1, maxLength: 100 }) })
const RoleParams = Type.Object({
  userId: Type.String({ minLength: 1, maxLength: 100 }),
  // One enum rather than a union of literals: a wrong role gets one error, not one per role.
  role: Type.String({ enum: [...ROLES] }),
})
const ProductQuery = Type.Object({
  productId: Type.String({
    minLength: 1,
    maxLength: 200,
    description: 'the product the role applies to, or `*` for every product',
  }),
})
const RolesSchema = Type.Object({ roles: Type.Array(RoleGrantSchema) })

const selfLockout = (what: string): ApiError =>
  new ApiError(409, 'self-lockout', `you cannot ${what}: ask another administrator`)

const existingUser = async (store: Store, userId: string): Promise<UserAccount> => {
  const user = await findUserById(store, userId)
  if (user === undefined) throw notFound(`user ${userId}`)
  return user
}

const productExists = async (store: Store, productId: string): Promise<boolean> =>
  productId === '*' ||
  (await store.db
    .selectFrom('products')
    .select('id')
    .where('id', '=', productId)
    .executeTakeFirst()) !== undefined

/** Ends the account's sessions, but not the admin's own when they reset their own password. */
const endSessions = async (tx: Store, userId: string, admin: Principal): Promise<void> => {
  if (admin.user.id === userId && admin.sessionIdHash !== undefined) {
    await deleteOtherSessionsOf(tx, userId, admin.sessionIdHash)
  } else {
    await deleteSessionsOf(tx, userId)
  }
}

/** Accounts and role grants, for administrators. Every change lands in the audit trail. */
export const userRoutes: ApiRoutes = (app, deps) => {
  const { store } = deps

  app.get(
    '/users',
    {
      config: { access: ADMIN },
      schema: {
        summary: 'List the accounts with their role grants',
        tags: TAGS,
        response: { 200: Type.Object({ users: Type.Array(AccountSchema) }), ...errors(401, 403) },
      },
    },
    async () => {
      const [users, grants] = await Promise.all([listUsers(store), listAllRoleGrants(store)])
      return { users: users.map((user) => accountView(user, grants.get(user.id) ?? [])) }
    },
  )

  app.post(
    '/users',
    {
      config: { access: ADMIN },
      schema: {
        summary: 'Create an account (without roles)',
        description:
          'Without a password the account can only sign in through OIDC, or after an administrator sets one.',
        tags: TAGS,
        body: Type.Object({
          username: UsernameSchema,
          displayName: DisplayNameSchema,
          password: Type.Optional(PasswordSchema),
        }),
        response: { 201: AccountSchema, ...errors(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const admin = principalOf(request)
      const { username, displayName, password } = request.body
      const passwordHash = password === undefined ? null : await hashPassword(password)
      const created = await auditedChange(store, async (tx, record) => {
        const user = await createUser(tx, { username, displayName, passwordHash })
        if (user === undefined) return undefined
        await record({
          actor: admin.user.username,
          action: 'user.create',
          subject: `user:${user.id}`,
          before: null,
          after: auditedAccount(user),
          reason: null,
        })
        return user
      })
      if (created === undefined) {
        throw new ApiError(409, 'username-taken', `the username ${username} is taken`, [
          { path: 'body/username', message: 'is taken' },
        ])
      }
      return reply.code(201).send(accountView(created, []))
    },
  )

  app.patch(
    '/users/:userId',
    {
      config: { access: ADMIN },
      schema: {
        summary: "Change an account's name, set its password, or disable it",
        description:
          'Disabling an account or setting its password signs it out everywhere; its API tokens stop working while it is disabled.',
        tags: TAGS,
        params: UserIdParams,
        body: Type.Object({
          displayName: Type.Optional(DisplayNameSchema),
          disabled: Type.Optional(Type.Boolean()),
          password: Type.Optional(PasswordSchema),
        }),
        response: { 200: AccountSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const admin = principalOf(request)
      const { userId } = request.params
      const { displayName, disabled, password } = request.body
      if (disabled === true && userId === admin.user.id) throw selfLockout('disable yourself')
      const passwordHash = password === undefined ? undefined : await hashPassword(password)
      const updated = await auditedChange(store, async (tx, record) => {
        const before = await existingUser(tx, userId)
        await updateUser(tx, userId, {
          ...(displayName === undefined ? {} : { displayName }),
          ...(disabled === undefined ? {} : { disabled }),
          ...(passwordHash === undefined ? {} : { passwordHash }),
        })
        const after = await existingUser(tx, userId)
        if (passwordHash !== undefined || (after.disabled && !before.disabled)) {
          await endSessions(tx, userId, admin)
        }
        await record({
          actor: admin.user.username,
          action: 'user.update',
          subject: `user:${userId}`,
          before: auditedAccount(before),
          after: auditedAccount(after),
          reason: passwordHash === undefined ? null : 'password set by an administrator',
        })
        return after
      })
      return accountView(updated, await listRoleGrants(store, userId))
    },
  )

  app.put(
    '/users/:userId/roles/:role',
    {
      config: { access: ADMIN },
      schema: {
        summary: 'Grant a role on a product (or on every product with `*`)',
        tags: TAGS,
        params: RoleParams,
        querystring: ProductQuery,
        response: { 200: RolesSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const admin = principalOf(request)
      const { userId, role } = request.params
      const { productId } = request.query
      if (!(await productExists(store, productId))) {
        throw new ApiError(400, 'unknown-product', `there is no product ${productId}`, [
          { path: 'querystring/productId', message: 'names no product' },
        ])
      }
      const roles = await auditedChange(store, async (tx, record) => {
        await existingUser(tx, userId)
        const held = await listRoleGrants(tx, userId)
        if (held.some((grant) => grant.productId === productId && grant.role === role)) return held
        await grantRole(tx, userId, { productId, role })
        await record({
          actor: admin.user.username,
          action: 'role.grant',
          subject: `user:${userId}`,
          before: null,
          after: { productId, role },
          reason: null,
        })
        return listRoleGrants(tx, userId)
      })
      return { roles: [...roles] }
    },
  )

  app.delete(
    '/users/:userId/roles/:role',
    {
      config: { access: ADMIN },
      schema: {
        summary: 'Revoke a role on a product (or on every product with `*`)',
        tags: TAGS,
        params: RoleParams,
        querystring: ProductQuery,
        response: { 200: RolesSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const admin = principalOf(request)
      const { userId, role } = request.params
      const { productId } = request.query
      if (userId === admin.user.id && role === 'admin' && productId === '*') {
        throw selfLockout('revoke your own administration of every product')
      }
      const roles = await auditedChange(store, async (tx, record) => {
        await existingUser(tx, userId)
        const held = await listRoleGrants(tx, userId)
        if (!held.some((grant) => grant.productId === productId && grant.role === role)) return held
        await revokeRole(tx, userId, { productId, role })
        await record({
          actor: admin.user.username,
          action: 'role.revoke',
          subject: `user:${userId}`,
          before: { productId, role },
          after: null,
          reason: null,
        })
        return listRoleGrants(tx, userId)
      })
      return { roles: [...roles] }
    },
  )
}
