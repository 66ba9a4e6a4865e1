import { randomUUID } from 'node:crypto'

import type { Store } from './open-store.js'

/** A person (or a CI robot) who signs in. Passwords are hashed by the caller (argon2id). */
export interface UserAccount {
  readonly id: string
  readonly username: string
  readonly displayName: string
  readonly passwordHash: string | null
  readonly oidcSubject: string | null
  readonly disabled: boolean
}

/** A role held on one product, or on every product (`*`). */
export interface RoleGrant {
  readonly productId: string
  readonly role: string
}

export interface NewUser {
  readonly username: string
  readonly displayName: string
  readonly passwordHash: string | null
  readonly oidcSubject?: string
}

type UserRow = {
  readonly id: string
  readonly username: string
  readonly display_name: string
  readonly password_hash: string | null
  readonly oidc_subject: string | null
  readonly disabled: number
}

const toUser = (row: UserRow): UserAccount => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  passwordHash: row.password_hash,
  oidcSubject: row.oidc_subject,
  disabled: row.disabled !== 0,
})

const USER_COLUMNS = [
  'id',
  'username',
  'display_name',
  'password_hash',
  'oidc_subject',
  'disabled',
] as const

/** Creates a user; undefined when the username is taken. */
export const createUser = async (store: Store, user: NewUser): Promise<UserAccount | undefined> => {
  const existing = await findUserByUsername(store, user.username)
  if (existing !== undefined) return undefined
  const row = {
    id: randomUUID(),
    username: user.username,
    display_name: user.displayName,
    password_hash: user.passwordHash,
    oidc_subject: user.oidcSubject ?? null,
    created_at: store.now().toISOString(),
  }
  await store.db.insertInto('users').values(row).execute()
  return toUser({ ...row, disabled: 0 })
}

export const findUserByUsername = async (
  store: Store,
  username: string,
): Promise<UserAccount | undefined> => {
  const row = await store.db
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where('username', '=', username)
    .executeTakeFirst()
  return row === undefined ? undefined : toUser(row)
}

export const findUserById = async (store: Store, id: string): Promise<UserAccount | undefined> => {
  const row = await store.db
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where('id', '=', id)
    .executeTakeFirst()
  return row === undefined ? undefined : toUser(row)
}

export const findUserByOidcSubject = async (
  store: Store,
  subject: string,
): Promise<UserAccount | undefined> => {
  const row = await store.db
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where('oidc_subject', '=', subject)
    .executeTakeFirst()
  return row === undefined ? undefined : toUser(row)
}

export const listUsers = async (store: Store): Promise<readonly UserAccount[]> =>
  (await store.db.selectFrom('users').select(USER_COLUMNS).orderBy('username').execute()).map(
    toUser,
  )

export const updateUser = async (
  store: Store,
  id: string,
  change: {
    readonly displayName?: string
    readonly passwordHash?: string | null
    readonly disabled?: boolean
  },
): Promise<boolean> => {
  const values = {
    ...(change.displayName === undefined ? {} : { display_name: change.displayName }),
    ...(change.passwordHash === undefined ? {} : { password_hash: change.passwordHash }),
    ...(change.disabled === undefined ? {} : { disabled: change.disabled ? 1 : 0 }),
  }
  if (Object.keys(values).length === 0) return (await findUserById(store, id)) !== undefined
  const result = await store.db.updateTable('users').set(values).where('id', '=', id).execute()
  return result.some((r) => Number(r.numUpdatedRows) > 0)
}

export const grantRole = async (store: Store, userId: string, grant: RoleGrant): Promise<void> => {
  await store.db
    .insertInto('product_roles')
    .values({ user_id: userId, product_id: grant.productId, role: grant.role })
    .onConflict((conflict) => conflict.doNothing())
    .execute()
}

export const revokeRole = async (store: Store, userId: string, grant: RoleGrant): Promise<void> => {
  await store.db
    .deleteFrom('product_roles')
    .where('user_id', '=', userId)
    .where('product_id', '=', grant.productId)
    .where('role', '=', grant.role)
    .execute()
}

export const listRoleGrants = async (store: Store, userId: string): Promise<readonly RoleGrant[]> =>
  (
    await store.db
      .selectFrom('product_roles')
      .select(['product_id', 'role'])
      .where('user_id', '=', userId)
      .orderBy('product_id')
      .orderBy('role')
      .execute()
  ).map((row) => ({ productId: row.product_id, role: row.role }))

/** The roles a user holds on one product: those granted on it and those granted on `*`. */
export const rolesOnProduct = async (
  store: Store,
  userId: string,
  productId: string,
): Promise<readonly string[]> =>
  (
    await store.db
      .selectFrom('product_roles')
      .select('role')
      .distinct()
      .where('user_id', '=', userId)
      .where('product_id', 'in', [productId, '*'])
      .execute()
  ).map((row) => row.role)

/** Every role grant of every user, for the users overview (one query, not one per user). */
export const listAllRoleGrants = async (
  store: Store,
): Promise<ReadonlyMap<string, readonly RoleGrant[]>> => {
  const rows = await store.db
    .selectFrom('product_roles')
    .select(['user_id', 'product_id', 'role'])
    .orderBy('user_id')
    .orderBy('product_id')
    .orderBy('role')
    .execute()
  const grants = new Map<string, RoleGrant[]>()
  for (const row of rows) {
    const held = grants.get(row.user_id) ?? []
    held.push({ productId: row.product_id, role: row.role })
    grants.set(row.user_id, held)
  }
  return grants
}

/** What the web app remembers for a user between visits. */
export interface UserPreferences {
  readonly locale: string | null
  /** ISO 8601 instant the user last marked advisories as seen; null when never. */
  readonly advisoriesSeenAt: string | null
}

/** The user's preferences; undefined when there is no such user. */
export const findUserPreferences = async (
  store: Store,
  userId: string,
): Promise<UserPreferences | undefined> => {
  const row = await store.db
    .selectFrom('users')
    .select(['locale', 'advisories_seen_at'])
    .where('id', '=', userId)
    .executeTakeFirst()
  return row === undefined
    ? undefined
    : { locale: row.locale, advisoriesSeenAt: row.advisories_seen_at }
}

/** Changes the preferences given and keeps the others; undefined when there is no such user. */
export const updateUserPreferences = async (
  store: Store,
  userId: string,
  change: Partial<UserPreferences>,
): Promise<UserPreferences | undefined> => {
  const values = {
    ...(change.locale === undefined ? {} : { locale: change.locale }),
    ...(change.advisoriesSeenAt === undefined
      ? {}
      : { advisories_seen_at: change.advisoriesSeenAt }),
  }
  if (Object.keys(values).length > 0) {
    await store.db.updateTable('users').set(values).where('id', '=', userId).execute()
  }
  return findUserPreferences(store, userId)
}
