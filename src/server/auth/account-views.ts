import { Type } from '@sinclair/typebox'

import type { AuditEventInput, RoleGrant, UserAccount } from '../../store/index.js'
import { MIN_PASSWORD_LENGTH } from './passwords.js'

/** Lower case, so `Alice` and `alice` cannot be two people; 2 to 63 characters. */
export const USERNAME_PATTERN = '^[a-z0-9][a-z0-9._-]{1,62}$'

/** Long enough for any passphrase, short enough that hashing it costs nothing extra. */
const MAX_PASSWORD_LENGTH = 1024

export const PasswordSchema = Type.String({
  minLength: MIN_PASSWORD_LENGTH,
  maxLength: MAX_PASSWORD_LENGTH,
  description: `at least ${String(MIN_PASSWORD_LENGTH)} characters`,
})

/** What was typed at sign-in: checked against the stored hash, so no length rule of its own. */
export const TypedPasswordSchema = Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH })

export const UsernameSchema = Type.String({
  pattern: USERNAME_PATTERN,
  description: 'lower-case letters, digits, dot, underscore and hyphen; 2 to 63 characters',
})

export const DisplayNameSchema = Type.String({ minLength: 1, maxLength: 200 })

export const RoleGrantSchema = Type.Object({
  productId: Type.String({ description: 'a product id, or `*` for every product' }),
  role: Type.String(),
})

export const UserSummarySchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
})

export const AccountSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  disabled: Type.Boolean(),
  hasPassword: Type.Boolean({ description: 'whether the account can sign in with a password' }),
  oidcLinked: Type.Boolean({ description: 'whether an OIDC identity is bound to the account' }),
  roles: Type.Array(RoleGrantSchema),
})

export const userSummary = (user: UserAccount) => ({
  id: user.id,
  username: user.username,
  displayName: user.displayName,
})

export const accountView = (user: UserAccount, roles: readonly RoleGrant[]) => ({
  ...userSummary(user),
  disabled: user.disabled,
  hasPassword: user.passwordHash !== null,
  oidcLinked: user.oidcSubject !== null,
  roles: roles.map((grant) => ({ productId: grant.productId, role: grant.role })),
})

/** An account as the audit trail keeps it: everything people change, never a password hash. */
export const auditedAccount = (user: UserAccount): AuditEventInput['after'] => ({
  username: user.username,
  displayName: user.displayName,
  disabled: user.disabled,
  hasPassword: user.passwordHash !== null,
  oidcSubject: user.oidcSubject,
})
