import { hash, verify } from '@node-rs/argon2'

/**
 * OWASP's minimum for argon2id: 19 MiB, 2 iterations, 1 lane (the library's defaults, pinned).
 * argon2id is the library's default algorithm; its `Algorithm` is a const enum, which isolated
 * modules cannot name, so the hash's `$argon2id$` prefix is checked by a test instead.
 */
const ARGON2ID = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const

export const MIN_PASSWORD_LENGTH = 12

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2ID)

/** False for a wrong password and for a stored hash that cannot be read. */
export const verifyPassword = async (stored: string, password: string): Promise<boolean> => {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}
