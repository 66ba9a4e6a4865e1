import { randomBytes } from 'node:crypto'

import {
  createUser,
  findUserByOidcSubject,
  findUserByUsername,
  type Store,
  type UserAccount,
} from '../../store/index.js'
import { auditedAccount, USERNAME_PATTERN } from './account-views.js'
import type { RecordAuditEvent } from './audited-change.js'
import type { OidcIdentity } from './oidc.js'

const USERNAME = new RegExp(USERNAME_PATTERN)
/** Leaves room for a `-NN` suffix within the 63 characters a username may have. */
const BASE_LENGTH = 56
const NUMBERED_TRIES = 99

/** A username in our pattern from what the provider offers; `user` when it offers nothing usable. */
export const usernameBase = (identity: OidcIdentity): string => {
  const offered = identity.preferredUsername ?? identity.email?.split('@')[0] ?? ''
  const cleaned = offered
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+/, '')
    .slice(0, BASE_LENGTH)
  return USERNAME.test(cleaned) ? cleaned : 'user'
}

const freeUsername = async (tx: Store, base: string): Promise<string> => {
  for (let n = 1; n <= NUMBERED_TRIES; n += 1) {
    const candidate = n === 1 ? base : `${base}-${String(n)}`
    if ((await findUserByUsername(tx, candidate)) === undefined) return candidate
  }
  return `${base}-${randomBytes(3).toString('hex')}`
}

/**
 * The account bound to an OIDC identity. A first sign-in creates one with no roles: the provider
 * says who someone is, an admin of this system decides what they may do. An identity is never
 * bound to an existing account by a matching name, which would let a provider account take
 * over a local one.
 */
export const accountForIdentity = async (
  tx: Store,
  record: RecordAuditEvent,
  identity: OidcIdentity,
): Promise<UserAccount> => {
  const known = await findUserByOidcSubject(tx, identity.subject)
  if (known !== undefined) return known
  const username = await freeUsername(tx, usernameBase(identity))
  const created = await createUser(tx, {
    username,
    displayName: identity.name ?? username,
    passwordHash: null,
    oidcSubject: identity.subject,
  })
  if (created === undefined) throw new Error(`username ${username} was taken during sign-in`)
  await record({
    actor: username,
    action: 'user.create',
    subject: `user:${created.id}`,
    before: null,
    after: auditedAccount(created),
    reason: 'first sign-in through OIDC',
  })
  return created
}
