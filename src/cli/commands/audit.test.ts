import path from 'node:path'

import { sql } from 'kysely'
import { afterEach, describe, expect, it } from 'vitest'

import { EXAMPLES_DIR, readFolder } from '../../../test/support/model-folders.js'
import { storeDialects, type TestDialect } from '../../../test/support/store-dialects.js'
import { tempDir } from '../../../test/support/temp-dir.js'
import {
  importModel,
  openStore,
  recordApproval,
  type OpenStoreOptions,
  type Store,
} from '../../store/index.js'
import type { CliIo } from '../cli-io.js'
import { nodeIo } from '../node-io.js'
import { auditVerifyCommand, type AuditVerifyOptions } from './audit.js'

const MODEL = [...readFolder(path.join(EXAMPLES_DIR, 'insulin-pump'))].map(([file, text]) => ({
  path: file,
  text,
}))

interface SharedStore {
  readonly store: Store
  /** What another process (the CLI) opens the same store with. */
  readonly options: OpenStoreOptions
  readonly dispose: () => Promise<void>
}

/** SQLite as a file (not in memory), so the command opens the same store as the test. */
const openShared = async (dialect: TestDialect): Promise<SharedStore> => {
  if (dialect.name === 'sqlite') {
    const url = `sqlite:${path.join(tempDir('audit-verify'), 'medcyber.db')}`
    const store = await openStore({ url })
    return { store, options: { url }, dispose: () => store.close() }
  }
  const opened = await dialect.open()
  if (opened.shared === undefined) throw new Error('PostgreSQL test stores are shared')
  return { store: opened.store, options: opened.shared, dispose: opened.dispose }
}

/** Three events: an import, a signature on it, and a second import. */
const buildTrail = async (store: Store): Promise<void> => {
  const imported = await importModel(store, 'insulin-pump', MODEL, {
    expectedRevision: 0,
    actor: 'sam',
    reason: 'first import',
  })
  expect(imported.ok).toBe(true)
  const signed = await recordApproval(store, {
    productId: 'insulin-pump',
    subject: 'risk-register',
    release: undefined,
    meaning: 'approved',
    signer: { id: 'u-ari', username: 'ari', displayName: 'Ari Approver' },
    reason: 'risk register approved',
    modelRevision: 1,
    contentHash: 'c'.repeat(64),
  })
  expect(signed.ok).toBe(true)
  const changed = MODEL.map((file) =>
    file.path === 'medcyber.yaml' ? { ...file, text: `${file.text}\n# reviewed\n` } : file,
  )
  const second = await importModel(store, 'insulin-pump', changed, {
    expectedRevision: 1,
    actor: 'sam',
    reason: 'comment',
  })
  expect(second.ok).toBe(true)
}

const verify = async (options: AuditVerifyOptions) => {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    ...nodeIo(),
    stdout: (text) => {
      stdout += text
    },
    stderr: (text) => {
      stderr += text
    },
  }
  const code = await auditVerifyCommand(io, options)
  return { code, stdout, stderr }
}

const eventAt = async (store: Store, seq: number) =>
  store.db
    .selectFrom('audit_events')
    .select(['id', 'hash'])
    .where('seq', '=', seq)
    .executeTakeFirstOrThrow()

describe.each(storeDialects)('medcyber audit verify on $name', (dialect) => {
  let shared: SharedStore | undefined
  afterEach(async () => {
    await shared?.dispose()
    shared = undefined
  })

  const prepare = async (): Promise<{ store: Store; db: AuditVerifyOptions }> => {
    shared = await openShared(dialect)
    await buildTrail(shared.store)
    const { url, schema } = shared.options
    return { store: shared.store, db: { db: url, ...(schema === undefined ? {} : { schema }) } }
  }

  it('says an untampered trail is intact and names its head; an older kept head is fine', async () => {
    const { store, db } = await prepare()
    const head = await eventAt(store, 3)
    const result = await verify(db)
    expect(result.stderr).toBe('')
    expect(result.stdout).toBe(`audit trail intact: 3 events, head ${head.hash}\n`)
    expect(result.code).toBe(0)
    const older = await eventAt(store, 1)
    const since = await verify({ ...db, expectHead: older.hash })
    expect(since.code).toBe(0)
    expect(since.stdout).toContain('2 events were added since')
  })

  it('finds a reason changed directly in the database', async () => {
    const { store, db } = await prepare()
    const signature = await eventAt(store, 2)
    await sql`update audit_events set reason = ${'approved without review'} where seq = 2`.execute(
      store.db,
    )
    const result = await verify(db)
    expect(result.stdout).toBe(`audit trail BROKEN at event ${signature.id} (seq 2): edited\n`)
    expect(result.code).toBe(1)
  })

  it('finds a deleted event', async () => {
    const { store, db } = await prepare()
    const after = await eventAt(store, 3)
    await sql`delete from audit_events where seq = 2`.execute(store.db)
    const result = await verify(db)
    expect(result.stdout).toBe(`audit trail BROKEN at event ${after.id} (seq 3): deleted\n`)
    expect(result.code).toBe(1)
  })

  it('finds two events swapped', async () => {
    const { store, db } = await prepare()
    await sql`update audit_events set seq = 0 where seq = 2`.execute(store.db)
    await sql`update audit_events set seq = 2 where seq = 3`.execute(store.db)
    await sql`update audit_events set seq = 3 where seq = 0`.execute(store.db)
    const result = await verify(db)
    expect(result.stdout).toMatch(/^audit trail BROKEN at event \S+ \(seq 2\): reordered\n$/)
    expect(result.code).toBe(1)
  })

  it('finds the newest events cut off only against a head kept elsewhere', async () => {
    const { store, db } = await prepare()
    const kept = await eventAt(store, 3)
    await sql`delete from audit_events where seq = 3`.execute(store.db)
    // The shortened chain is still a valid chain...
    expect((await verify(db)).code).toBe(0)
    // ...but it no longer holds the head noted before.
    const result = await verify({ ...db, expectHead: kept.hash })
    expect(result.stdout).toContain(`the expected head ${kept.hash} is not in the trail`)
    expect(result.code).toBe(1)
    const json = await verify({ ...db, expectHead: kept.hash, json: true })
    expect(JSON.parse(json.stdout)).toMatchObject({ kind: 'cut-off', count: 2 })
  })
})

describe('medcyber audit verify refuses what is not a store', () => {
  it('does not create a missing SQLite file', async () => {
    const file = path.join(tempDir('audit-verify'), 'missing.db')
    const result = await verify({ db: `sqlite:${file}` })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(`no database file at ${file}`)
    expect((await nodeIo().files.kindOf(file)) === 'missing').toBe(true)
  })

  it('rejects a malformed expected head and an unknown URL scheme', async () => {
    expect((await verify({ db: 'sqlite:x.db', expectHead: 'abc' })).code).toBe(2)
    const bad = await verify({ db: 'mysql://localhost/x' })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('sqlite: or postgres://')
  })
})
