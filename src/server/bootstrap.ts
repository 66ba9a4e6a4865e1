import { randomInt } from 'node:crypto'

import { createProductFromFiles, readModelFolder } from '../services/index.js'
import { createUser, grantRole, type Store } from '../store/index.js'
import { hashPassword } from './auth/passwords.js'

/** Letters and digits that cannot be mistaken for one another when read off a terminal. */
const READABLE = 'abcdefghjkmnpqrstuvwxyz23456789'

const readablePassword = (): string =>
  Array.from({ length: 4 }, () =>
    Array.from({ length: 5 }, () => READABLE[randomInt(READABLE.length)]).join(''),
  ).join('-')

/**
 * On an empty store, creates the first administrator with a generated password (about 98 bits),
 * to be shown once at the terminal; undefined when the store already has users.
 */
export const ensureFirstAdmin = async (
  store: Store,
): Promise<{ readonly username: string; readonly password: string } | undefined> => {
  const any = await store.db.selectFrom('users').select('id').limit(1).executeTakeFirst()
  if (any !== undefined) return undefined
  const password = readablePassword()
  const user = await createUser(store, {
    username: 'admin',
    displayName: 'Administrator',
    passwordHash: await hashPassword(password),
  })
  if (user === undefined) return undefined
  await grantRole(store, user.id, { productId: '*', role: 'admin' })
  return { username: user.username, password }
}

/** What loading the example devices did, folder by folder, for the start-up message. */
export interface ExampleLoad {
  readonly folder: string
  readonly productId?: string
  readonly problem?: string
}

/** On a store without products, adds each model folder found in `examplesFolder` as a product. */
export const loadExampleProducts = async (
  store: Store,
  folders: readonly string[],
): Promise<readonly ExampleLoad[]> => {
  const any = await store.db.selectFrom('products').select('id').limit(1).executeTakeFirst()
  if (any !== undefined) return []
  const loads: ExampleLoad[] = []
  for (const folder of folders) {
    const files = await readModelFolder(folder)
    const created = await createProductFromFiles(store, files, {
      actor: 'medcyber serve',
      reason: 'example device loaded on first start',
    })
    loads.push(
      created.ok
        ? { folder, productId: created.value.productId }
        : { folder, problem: created.error.code },
    )
  }
  return loads
}
