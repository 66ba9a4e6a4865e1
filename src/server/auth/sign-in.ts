import { findUserByUsername, type Store, type UserAccount } from '../../store/index.js'
import { verifyPassword } from './passwords.js'

/**
 * An argon2id hash, with the parameters `hashPassword` uses, of a random secret nobody kept. An
 * unknown username is checked against it, so answering takes as long as for a real account and
 * the response time does not tell which usernames exist.
 */
export const DUMMY_PASSWORD_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$VLk+CMpgJYqLxXocpXF1KA$U+tZoeXh2unqr4wygrMIJ1FrWDRLtjSX0cggSWLQkr0'

export type PasswordCheck =
  | { readonly outcome: 'accepted'; readonly user: UserAccount }
  /** Unknown user, account without a password, or a wrong password: one answer for all three. */
  | { readonly outcome: 'wrong'; readonly user: UserAccount | undefined }
  /** The password was right, so saying the account is disabled reveals nothing new. */
  | { readonly outcome: 'disabled'; readonly user: UserAccount }

/** Usernames are stored in lower case; people type them as they like. */
export const normalizeUsername = (typed: string): string => typed.trim().toLowerCase()

export const checkPassword = async (
  store: Store,
  username: string,
  password: string,
): Promise<PasswordCheck> => {
  const user = await findUserByUsername(store, normalizeUsername(username))
  const stored = user?.passwordHash ?? null
  const matches = await verifyPassword(stored ?? DUMMY_PASSWORD_HASH, password)
  if (user === undefined || stored === null || !matches) return { outcome: 'wrong', user }
  if (user.disabled) return { outcome: 'disabled', user }
  return { outcome: 'accepted', user }
}
