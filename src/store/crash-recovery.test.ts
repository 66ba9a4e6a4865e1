import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import { storeDialects } from '../../test/support/store-dialects.js'
import { tempDir } from '../../test/support/temp-dir.js'
import { exportModel, openStore, verifyAuditChain } from './index.js'
import type { OpenStoreOptions, Store } from './index.js'

const STORE_INDEX = path.join(path.dirname(fileURLToPath(import.meta.url)), 'index.ts')
const FILES = 400
const FILE_SIZE = 20_000

/**
 * A separate process imports one large model after another, each file stamped with its revision,
 * and reports each commit; it is killed with SIGKILL while a later import is under way.
 */
const importer = (options: OpenStoreOptions): string => `
const { importModel, openStore } = await import(${JSON.stringify(STORE_INDEX)})
const store = await openStore(${JSON.stringify(options)})
for (let revision = 0; ; revision += 1) {
  const files = Array.from({ length: ${String(FILES)} }, (_, i) => ({
    path: 'part-' + String(i).padStart(4, '0') + '.yaml',
    text: 'revision: ' + String(revision + 1) + '\\n' + 'x'.repeat(${String(FILE_SIZE)}) + '\\n',
  }))
  const result = await importModel(store, 'pump', files, { expectedRevision: revision, actor: 'ci', reason: null })
  if (!result.ok) throw new Error(result.error.message)
  process.stdout.write('committed ' + String(revision + 1) + '\\n')
}
`

/** Runs the importer until two imports committed, then kills it a moment into the third. */
const killMidImport = async (options: OpenStoreOptions): Promise<void> => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', importer(options)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString()
  })
  const exited = new Promise<void>((resolve) => {
    child.on('exit', () => {
      resolve()
    })
  })
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('committed 2')) setTimeout(resolve, 15)
    })
    child.on('exit', () => {
      reject(new Error(`importer ended early: ${stderr}`))
    })
  })
  child.kill('SIGKILL')
  await exited
}

/** The last committed model is whole (every file from one revision) and the chain agrees. */
const expectConsistent = async (store: Store): Promise<void> => {
  const model = await exportModel(store, 'pump')
  expect(model.revision).toBeGreaterThanOrEqual(2)
  expect(model.files).toHaveLength(FILES)
  const stamps = new Set(model.files.map((file) => file.text.split('\n')[0]))
  expect([...stamps]).toEqual([`revision: ${String(model.revision)}`])
  expect(await verifyAuditChain(store)).toMatchObject({ ok: true, count: model.revision })
}

describe('a store whose importer is killed with SIGKILL mid-import', () => {
  it('on a SQLite file opens again with the last committed model whole', async () => {
    const url = `sqlite:${path.join(tempDir('medcyber-crash'), 'medcyber.db')}`
    await killMidImport({ url })
    const store = await openStore({ url })
    try {
      await expectConsistent(store)
    } finally {
      await store.close()
    }
  })

  const postgres = storeDialects.find((dialect) => dialect.name === 'postgres')
  it('on PostgreSQL keeps the last committed model whole', async () => {
    const opened = await postgres?.open()
    if (opened?.shared === undefined) throw new Error('PostgreSQL test store not shareable')
    try {
      await killMidImport(opened.shared)
      await expectConsistent(opened.store)
    } finally {
      await opened.dispose()
    }
  })
})
