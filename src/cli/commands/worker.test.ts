import { randomBytes } from 'node:crypto'
import path from 'node:path'

import pg from 'pg'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'

import { EXAMPLES_DIR, readFolder } from '../../../test/support/model-folders.js'
import { realMirror } from '../../../test/support/real-mirror.js'
import { storeDialects } from '../../../test/support/store-dialects.js'
import { tempDir } from '../../../test/support/temp-dir.js'
import {
  createSqliteJobQueue,
  openPgBossJobQueue,
  type JobQueue,
  type JobStatus,
} from '../../jobs/index.js'
import { importModel, openStore, type Store } from '../../store/index.js'
import type { CliIo } from '../cli-io.js'
import { nodeIo } from '../node-io.js'
import { workerCommand } from './worker.js'

const PRODUCT = 'infusion-pump-fleet'
const postgres = storeDialects.find((dialect) => dialect.name === 'postgres')

/** The database a worker and an API server share, seen from the API server's side. */
interface SharedDatabase {
  /** The worker's --db. */
  readonly url: string
  readonly pgBossSchema?: string
  readonly store: Store
  readonly queue: JobQueue
  readonly dispose: () => Promise<void>
}

const SETUPS: readonly {
  readonly name: string
  readonly open: () => Promise<SharedDatabase>
}[] = [
  {
    name: 'SQLite file',
    open: async () => {
      const url = `sqlite:${path.join(tempDir('worker'), 'medcyber.db')}`
      const store = await openStore({ url })
      return { url, store, queue: createSqliteJobQueue(store), dispose: () => store.close() }
    },
  },
  {
    name: 'PostgreSQL',
    open: async () => {
      if (postgres === undefined) throw new Error('no PostgreSQL dialect')
      const opened = await postgres.open()
      if (opened.shared?.schema === undefined) throw new Error('PostgreSQL store without a schema')
      const base = opened.shared.url
      const pgBossSchema = `pgboss_${String(process.pid)}_${randomBytes(4).toString('hex')}`
      const queue = await openPgBossJobQueue({
        connectionString: base,
        schema: pgBossSchema,
        pollIntervalMs: 100,
      })
      return {
        // The worker finds the test's store schema through the connection's search path.
        url: `${base}?options=${encodeURIComponent(`-c search_path=${opened.shared.schema}`)}`,
        pgBossSchema,
        store: opened.store,
        queue,
        dispose: async () => {
          await queue.stop()
          await opened.dispose()
          const client = new pg.Client({ connectionString: base })
          await client.connect()
          try {
            await client.query(`drop schema if exists ${pgBossSchema} cascade`)
          } finally {
            await client.end()
          }
        },
      }
    },
  },
]

let mirror: string
beforeAll(() => {
  mirror = realMirror()
})

const settled = async (queue: JobQueue, id: string): Promise<JobStatus> => {
  const until = Date.now() + 60_000
  for (;;) {
    const status = await queue.get(id)
    if (status?.state === 'completed' || status?.state === 'failed') return status
    if (Date.now() > until) throw new Error(`job ${id} is still ${status?.state ?? 'missing'}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe.each(SETUPS)('medcyber worker on $name', (setup) => {
  let shared: SharedDatabase | undefined
  afterEach(async () => {
    await shared?.dispose()
    shared = undefined
  })

  it('runs the feed sync an API server queued, then the evaluation it queued, until stopped', async () => {
    shared = await setup.open()
    const { store, queue } = shared
    const files = [...readFolder(path.join(EXAMPLES_DIR, PRODUCT))].map(([file, text]) => ({
      path: file.split(path.sep).join('/'),
      text,
    }))
    const imported = await importModel(store, PRODUCT, files, {
      expectedRevision: 0,
      actor: 'alice',
      reason: null,
    })
    expect(imported.ok).toBe(true)

    let stdout = ''
    let stderr = ''
    let stop: (signal: string) => void = () => undefined
    const stopped = new Promise<string>((resolve) => {
      stop = resolve
    })
    const io: CliIo = {
      ...nodeIo(),
      stdout: (text) => {
        stdout += text
      },
      stderr: (text) => {
        stderr += text
      },
      untilStopped: () => stopped,
    }
    const dataDir = tempDir('worker-advisories')
    const exit = workerCommand(io, {
      db: shared.url,
      dataDir,
      mirror,
      env: {},
      ...(shared.pgBossSchema === undefined ? {} : { pgBossSchema: shared.pgBossSchema }),
    })

    const syncId = await queue.send('feeds-sync', { requestedBy: 'alice' })
    const sync = await settled(queue, syncId)
    expect(sync.state, sync.error ?? '').toBe('completed')
    const { evaluationJobId } = sync.output as { evaluationJobId: string }
    const evaluation = await settled(queue, evaluationJobId)
    expect(evaluation).toMatchObject({ state: 'completed', output: { products: 1 } })
    const { findings } = evaluation.output as { findings: number }
    const rows = await store.db
      .selectFrom('findings')
      .select(['finding_id', 'kev'])
      .where('product_id', '=', PRODUCT)
      .execute()
    expect(rows).toHaveLength(findings)
    expect(rows.some((row) => row.kev === 1)).toBe(true)

    stop('SIGTERM')
    expect(await exit).toBe(0)
    expect(stderr).toContain('waiting for jobs')
    expect(stderr).toContain('SIGTERM, finishing the running jobs')
    expect(stdout).toContain(`completed feeds-sync ${syncId} (attempt 1/3`)
    expect(stdout).toContain(`completed portfolio-evaluate ${evaluationJobId} (attempt 1/3`)
    expect(stdout.trim().split('\n')).toHaveLength(2)
  }, 120_000)
})
