import { randomBytes } from 'node:crypto'

import pg from 'pg'
import { describe, expect, it } from 'vitest'

import { storeDialects } from '../../test/support/store-dialects.js'
import { retryingWhileSchemasVanish } from './postgres-introspection.js'

const failure = (code: string) => Object.assign(new Error(`failed with ${code}`), { code })

/** A query stand-in that answers call n (from 1) with `answer(n)` and counts its calls. */
const counted = (answer: (call: number) => Promise<string>) => {
  const query = {
    calls: 0,
    run: () => {
      query.calls += 1
      return answer(query.calls)
    },
  }
  return query
}

describe('introspection while other schemas are dropped', () => {
  it('asks again while a schema vanished under the query, and only then', async () => {
    const flaky = counted((call) =>
      call < 3 ? Promise.reject(failure('3F000')) : Promise.resolve('tables'),
    )
    await expect(retryingWhileSchemasVanish(flaky.run)).resolves.toBe('tables')
    expect(flaky.calls).toBe(3)

    const broken = counted(() => Promise.reject(failure('42P01')))
    await expect(retryingWhileSchemasVanish(broken.run)).rejects.toThrow('42P01')
    expect(broken.calls).toBe(1)

    const gone = counted(() => Promise.reject(failure('3F000')))
    await expect(retryingWhileSchemasVanish(gone.run)).rejects.toThrow('3F000')
    expect(gone.calls).toBe(5)
  })

  const postgres = storeDialects.find((dialect) => dialect.name === 'postgres')
  it('lists the store tables on PostgreSQL while other stores drop their schemas', async () => {
    if (postgres === undefined) throw new Error('no PostgreSQL dialect')
    const { store, shared, dispose } = await postgres.open()
    const admin = new pg.Client({ connectionString: shared?.url })
    await admin.connect()
    const churn = async () => {
      for (let round = 0; round < 40; round += 1) {
        const schema = `medcyber_churn_${randomBytes(6).toString('hex')}`
        await admin.query(`create schema ${schema}`)
        await admin.query(`create table ${schema}.t (id serial primary key, note text)`)
        await admin.query(`drop schema ${schema} cascade`)
      }
    }
    const introspect = async () => {
      const names: string[][] = []
      for (let round = 0; round < 40; round += 1) {
        const tables = await store.db.introspection.getTables()
        names.push(tables.filter((table) => table.schema === shared?.schema).map((t) => t.name))
      }
      return names
    }
    try {
      const [, listed] = await Promise.all([churn(), introspect()])
      for (const names of listed) expect(names).toContain('products')
    } finally {
      await admin.end()
      await dispose()
    }
  }, 60_000)
})
