import { afterEach, describe, expect, it } from 'vitest'

import { storeDialects, type TestStore } from '../../test/support/store-dialects.js'
import { migratorOf, schemaOf } from '../../test/support/store-migrator.js'
import {
  createUser,
  findUserById,
  findUserPreferences,
  migrateToLatest,
  updateUserPreferences,
  type Store,
} from './index.js'

const AT = new Date('2031-05-01T09:00:00.000Z')

/** Other tests' stores share the PostgreSQL database, each in a schema of its own. */
const userColumns = async (store: Store): Promise<string[]> => {
  const schema = await schemaOf(store)
  const users = (await store.db.introspection.getTables()).find(
    (table) => table.name === 'users' && table.schema === schema,
  )
  return (users?.columns ?? []).map((column) => column.name).sort()
}

describe.each(storeDialects)('user preferences in the store on $name', (dialect) => {
  let opened: TestStore | undefined

  afterEach(async () => {
    await opened?.dispose()
    opened = undefined
  })

  it('the migration adds empty preferences to the users there are, and goes back down', async () => {
    opened = await dialect.open({ now: () => AT, migrate: false })
    const { store } = opened
    const migrator = await migratorOf(store)
    expect((await migrator.migrateTo('0002-team-server')).error).toBeUndefined()
    const before = await userColumns(store)
    expect(before).not.toContain('locale')
    const ada = await createUser(store, {
      username: 'ada',
      displayName: 'Ada',
      passwordHash: null,
    })
    if (ada === undefined) throw new Error('ada exists')

    await migrateToLatest(store)
    expect(await userColumns(store)).toEqual([...before, 'advisories_seen_at', 'locale'].sort())
    expect(await findUserById(store, ada.id)).toEqual(ada)
    expect(await findUserPreferences(store, ada.id)).toEqual({
      locale: null,
      advisoriesSeenAt: null,
    })

    expect((await migrator.migrateTo('0002-team-server')).error).toBeUndefined()
    expect(await userColumns(store)).toEqual(before)
    expect(await findUserById(store, ada.id)).toEqual(ada)
    await migrateToLatest(store)
    expect(await findUserPreferences(store, ada.id)).toEqual({
      locale: null,
      advisoriesSeenAt: null,
    })
  })

  it('changes only the preferences given, of only that user', async () => {
    opened = await dialect.open({ now: () => AT })
    const { store } = opened
    const [ada, grace] = await Promise.all(
      ['ada', 'grace'].map((username) =>
        createUser(store, { username, displayName: username, passwordHash: null }),
      ),
    )
    if (ada === undefined || grace === undefined) throw new Error('users exist')
    expect(await updateUserPreferences(store, ada.id, { locale: 'ja' })).toEqual({
      locale: 'ja',
      advisoriesSeenAt: null,
    })
    expect(
      await updateUserPreferences(store, ada.id, { advisoriesSeenAt: AT.toISOString() }),
    ).toEqual({ locale: 'ja', advisoriesSeenAt: '2031-05-01T09:00:00.000Z' })
    expect(await updateUserPreferences(store, ada.id, {})).toEqual({
      locale: 'ja',
      advisoriesSeenAt: '2031-05-01T09:00:00.000Z',
    })
    expect(await findUserPreferences(store, grace.id)).toEqual({
      locale: null,
      advisoriesSeenAt: null,
    })
    expect(await updateUserPreferences(store, 'no-such-user', { locale: 'en' })).toBeUndefined()
  })
})
