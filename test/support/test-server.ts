import { issueApiToken } from '../../src/server/auth/issue-credentials.js'
import type { Role } from '../../src/server/index.js'
import { createApp, type ApiApp, type ServerDeps } from '../../src/server/index.js'
import { createUser, grantRole, type Store } from '../../src/store/index.js'
import type { JobQueue } from '../../src/jobs/index.js'
import type { TestDialect } from './store-dialects.js'

/** A user made for a test, with an API token to send as `Authorization`. */
export interface TestUser {
  readonly id: string
  readonly username: string
  readonly headers: { readonly authorization: string }
}

export interface TestServer {
  readonly app: ApiApp
  readonly store: Store
  /** Creates a user holding these roles (product id `*` = every product) and a token for them. */
  readonly userWith: (grants: readonly { productId: string; role: Role }[]) => Promise<TestUser>
  readonly dispose: () => Promise<void>
}

let counter = 0

/**
 * The API on a fresh store of the given dialect, without a socket (`app.inject`). `jobs` defaults
 * to a queue that refuses work, for tests that never queue any.
 */
export const openTestServer = async (
  dialect: TestDialect,
  overrides: Partial<Omit<ServerDeps, 'store'>> & { readonly now?: () => Date } = {},
): Promise<TestServer> => {
  const opened = await dialect.open(overrides.now === undefined ? {} : { now: overrides.now })
  const { store } = opened
  const jobs: JobQueue = overrides.jobs ?? {
    send: () => Promise.reject(new Error('this test server has no job queue')),
    get: () => Promise.resolve(undefined),
    work: () => Promise.resolve(),
    stop: () => Promise.resolve(),
  }
  const app = await createApp({ secureCookies: false, logger: false, ...overrides, store, jobs })
  await app.ready()
  return {
    app,
    store,
    userWith: async (grants) => {
      counter += 1
      const username = `user${String(counter)}`
      const user = await createUser(store, {
        username,
        displayName: `Test ${username}`,
        passwordHash: null,
      })
      if (user === undefined) throw new Error(`user ${username} exists`)
      for (const grant of grants) await grantRole(store, user.id, grant)
      const { secret } = await issueApiToken(store, user.id, 'test', null)
      return { id: user.id, username, headers: { authorization: `Bearer ${secret}` } }
    },
    dispose: async () => {
      await app.close()
      await opened.dispose()
    },
  }
}
