import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { parse } from 'yaml'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import { call, sendInterruptible, signIn, type Session } from '../support/e2e-server-client.js'
import {
  postgresSchema,
  sqliteFile,
  table,
  type ServerDatabase,
} from '../support/e2e-server-databases.js'
import { importAndKill, type KillMoment } from '../support/e2e-server-interrupted-import.js'
import { byPath, largeModel, type ModelFile } from '../support/e2e-server-large-model.js'
import {
  processGroup,
  runToEnd,
  startServer,
  startWorker,
  type ProcessGroup,
  type RunningServer,
} from '../support/e2e-server-processes.js'
import { EXAMPLES_DIR, exampleNames } from '../support/model-folders.js'
import { realMirror } from '../support/real-mirror.js'
import { tempDir } from '../support/temp-dir.js'

const productIdOf = (folder: string): string =>
  (
    parse(readFileSync(path.join(EXAMPLES_DIR, folder, 'medcyber.yaml'), 'utf8')) as {
      product: { id: string }
    }
  ).product.id

/** The product id each example folder's root file declares. */
const exampleProductIds = (): string[] => exampleNames().map(productIdOf).sort()

const PUMP_FOLDER = path.join(EXAMPLES_DIR, 'infusion-pump-fleet')
const PUMP = productIdOf('infusion-pump-fleet')
/** Log4Shell in the Infusion Manager's Log4j: in CISA's KEV catalog. */
const LOG4SHELL = 'CVE-2021-44228@log4j-core-2-14'

const SETUPS: readonly {
  readonly name: string
  readonly open: () => Promise<ServerDatabase>
}[] = [
  { name: 'a SQLite file', open: () => Promise.resolve(sqliteFile()) },
  { name: 'PostgreSQL', open: postgresSchema },
]

let group: ProcessGroup
let database: ServerDatabase | undefined
beforeEach(() => {
  group = processGroup()
})
afterEach(async () => {
  await group.killAll()
  await database?.dispose()
  database = undefined
})

interface StoredModel {
  readonly revision: number
  readonly files: ModelFile[]
}

const readModel = async (base: string, session: Session, productId: string) => {
  const answer = await call(base, 'GET', `/api/products/${productId}/model`, { session })
  expect(answer.status).toBe(200)
  expect(answer.headers.get('etag')).toBe(`"r${String((answer.body as StoredModel).revision)}"`)
  return answer.body as StoredModel
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex')

describe('medcyber serve on its first start (SQLite, the default)', () => {
  it('loads the examples, prints the address and a first-login password once, and keeps them on the next start', async () => {
    const cwd = tempDir('medcyber-e2e-first-start')
    const first = await startServer(group, [], { cwd, expectPassword: true })
    const { url } = first
    const password = first.firstPassword ?? ''
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(existsSync(path.join(cwd, '.medcyber', 'medcyber.db'))).toBe(true)
    const stdout = first.process.stdout()
    expect(stdout).toContain(`medcyber server on ${url} (sqlite: sqlite:.medcyber/medcyber.db)`)
    expect(stdout).toContain(`  API description: ${url}/api/docs\n`)
    const loaded = /^ {2}loaded (\d+) example devices: (.*)$/m.exec(stdout)
    expect(loaded?.[1]).toBe('4')
    expect(loaded?.[2]?.split(', ').sort()).toEqual(exampleProductIds())
    expect(password).toMatch(/^[a-z2-9]{5}(?:-[a-z2-9]{5}){3}$/)

    const { session, setCookie } = await signIn(url, 'admin', password)
    expect(setCookie.join('\n')).toMatch(/medcyber_session=[^;]+;.*HttpOnly/i)
    expect(setCookie.join('\n')).toMatch(/SameSite=Strict/i)
    const products = await call(url, 'GET', '/api/products', { session })
    expect(products.status).toBe(200)
    const listed = products.body as { items: { id: string }[]; total: number }
    expect(listed.items.map((item) => item.id).sort()).toEqual(exampleProductIds())
    expect(listed.total).toBe(4)
    // Without the session the same list is refused.
    expect((await call(url, 'GET', '/api/products')).status).toBe(401)

    const page = await fetch(`${url}/api/docs`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    const description = await call(url, 'GET', '/api/docs/json')
    expect(description.status).toBe(200)
    const openapi = description.body as { openapi: string; paths: Record<string, unknown> }
    expect(openapi.openapi).toBe('3.1.0')
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(['/api/session', '/api/products', '/api/products/{productId}/model']),
    )

    expect(await first.process.stop('SIGTERM')).toEqual({ code: 0, signal: null })
    expect(first.process.stderr()).toContain('SIGTERM, stopping')

    const second = await startServer(group, [], { cwd, expectPassword: false })
    const again = await signIn(second.url, 'admin', password)
    const reloaded = await call(second.url, 'GET', '/api/products', { session: again.session })
    expect(
      (reloaded.body as { items: { id: string }[] }).items.map((item) => item.id).sort(),
    ).toEqual(exampleProductIds())
    expect(await second.process.stop('SIGTERM')).toEqual({ code: 0, signal: null })
    // Only now is all it printed known: nothing loaded, no new administrator.
    expect(second.process.stdout()).toContain(`medcyber server on ${second.url} (sqlite:`)
    expect(second.process.stdout()).not.toMatch(/loaded|first login|password/)
  }, 60_000)
})

/** Extra files of 50–100 KB each: a folder of about 22 MB, under the 32 MB body limit. */
const LARGE_FILE_COUNT = 300

/** A server on one store, restarted on it after each crash; the admin's session outlives them. */
interface Crashable {
  server: RunningServer
  readonly restart: () => Promise<RunningServer>
  readonly session: Session
}

/**
 * Large imports killed at `first` until one kill lands while the request is in flight. A kill
 * that comes too late lands nowhere (the import was answered, so it must be stored): then the
 * next try starts from it, sooner for a fixed delay. Returns the revision before the landed
 * kill, the files that import sent and the model after the restart.
 */
const crashImport = async (
  run: Crashable,
  base: readonly ModelFile[],
  before: StoredModel,
  first: KillMoment,
  label: string,
) => {
  let stored = before
  let moment = first
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    const files = largeModel(base, `${label}-${String(attempt)}`, LARGE_FILE_COUNT)
    const { answer, killed } = await importAndKill({
      server: run.server,
      session: run.session,
      productId: PUMP,
      revision: stored.revision,
      files,
      moment,
    })
    if (killed) run.server = await run.restart()
    const now = await readModel(run.server.url, run.session, PUMP)
    if (answer.kind === 'connection-lost') {
      expect(killed, answer.error).toBe(true)
      expect(answer.bodySent).toBe(true)
      return { before: stored, sent: files, after: now }
    }
    expect(answer.status, answer.body).toBe(200)
    expect(now.revision).toBe(stored.revision + 1)
    expect(byPath(now.files)).toEqual(byPath(files))
    stored = now
    if (moment.kind === 'after-body')
      moment = { ...moment, delayMs: Math.round(moment.delayMs * 0.6) }
  }
  throw new Error(`no kill (${first.kind}) landed before the answer in 5 tries`)
}

/** The trail is intact, by the API and by the CLI, and its newest import names these files. */
const expectAuditMatches = async (
  run: Crashable,
  db: ServerDatabase,
  model: StoredModel,
): Promise<void> => {
  const chain = await call(run.server.url, 'GET', '/api/audit/verify', { session: run.session })
  expect(chain.body).toMatchObject({ ok: true })
  const imports = await call(
    run.server.url,
    'GET',
    `/api/products/${PUMP}/audit?action=model.import&limit=1`,
    { session: run.session },
  )
  const [newest] = (
    imports.body as {
      items: { after: { revision: number; files: { path: string; hash: string }[] } }[]
    }
  ).items
  expect(newest?.after.revision).toBe(model.revision)
  expect(newest?.after.files).toEqual(
    [...byPath(model.files)].map(([file, text]) => ({ path: file, hash: sha256(text) })),
  )
  const verified = await runToEnd(group, ['audit', 'verify', ...db.auditArgs])
  expect(verified.code, verified.stdout + verified.stderr).toBe(0)
  expect(verified.stdout).toMatch(/^audit trail intact: \d+ events/)
}

describe.each(SETUPS)('kill -9 during a large model import on $name', (setup) => {
  it('after a restart the model is exactly the old or the new revision, the audit trail is intact and the next import works', async () => {
    const db = await setup.open()
    database = db
    const serveArgs = ['--db', db.url, ...db.queueArgs, '--examples', PUMP_FOLDER]
    const server = await startServer(group, serveArgs, { expectPassword: true })
    const { session } = await signIn(server.url, 'admin', server.firstPassword ?? '')
    const run: Crashable = {
      server,
      session,
      restart: () => startServer(group, serveArgs, { expectPassword: false }),
    }
    const { files: base } = await readModel(server.url, session, PUMP)

    // One large import answered in full: how long the server works once the body is in.
    let stored = await readModel(server.url, session, PUMP)
    let bodySentAt = 0
    const warmUp = await sendInterruptible(server.url, 'PUT', `/api/products/${PUMP}/model`, {
      session,
      headers: { 'if-match': `"r${String(stored.revision)}"` },
      json: JSON.stringify({ files: largeModel(base, 'warm-up', LARGE_FILE_COUNT) }),
      onBodySent: () => (bodySentAt = Date.now()),
    })
    const importMs = Date.now() - bodySentAt
    expect(warmUp).toMatchObject({ kind: 'answered', status: 200 })
    stored = await readModel(server.url, session, PUMP)

    const probe = await db.writeProbe()
    // Killed while the import's transaction is open, it must be rolled back; killed once it
    // has committed (before the answer), it must be kept; killed while the server still
    // reads and checks the files, nothing was written yet.
    const moments = [
      { moment: { kind: 'while-writing', probe }, outcome: 'old' },
      { moment: { kind: 'after-writing', probe }, outcome: 'new' },
      { moment: { kind: 'after-body', delayMs: Math.round(importMs * 0.3) }, outcome: 'either' },
    ] as const
    try {
      for (const [index, expected] of moments.entries()) {
        const crash = await crashImport(run, base, stored, expected.moment, `kill-${String(index)}`)
        const outcome = crash.after.revision === crash.before.revision ? 'old' : 'new'
        if (expected.outcome !== 'either') expect(outcome).toBe(expected.outcome)
        const { revision, files } =
          outcome === 'old'
            ? crash.before
            : { revision: crash.before.revision + 1, files: crash.sent }
        expect(crash.after.revision).toBe(revision)
        expect(byPath(crash.after.files)).toEqual(byPath(files))
        await expectAuditMatches(run, db, crash.after)

        // Work goes on from the revision read now.
        const next = await call(run.server.url, 'PUT', `/api/products/${PUMP}/model`, {
          session,
          headers: { 'if-match': `"r${String(crash.after.revision)}"` },
          body: { files: largeModel(base, `after-${String(index)}`, LARGE_FILE_COUNT) },
        })
        expect(next.status, JSON.stringify(next.body)).toBe(200)
        expect(next.body).toMatchObject({ revision: crash.after.revision + 1 })
        stored = await readModel(run.server.url, session, PUMP)
      }
    } finally {
      await probe.close()
    }
    expect(await run.server.process.stop('SIGTERM')).toEqual({ code: 0, signal: null })
  }, 150_000)
})

describe.each(SETUPS)('tampering with the audit trail on $name', (setup) => {
  it('medcyber audit verify names the one edited event (exit 1) and passes again once it is restored', async () => {
    const db = await setup.open()
    database = db
    const serveArgs = ['--db', db.url, ...db.queueArgs, '--examples', PUMP_FOLDER]
    const server = await startServer(group, serveArgs, { expectPassword: true })
    const { session } = await signIn(server.url, 'admin', server.firstPassword ?? '')
    const { revision } = await readModel(server.url, session, PUMP)
    const reason = 'Log4Shell reachable through the pump-management server: triage review 7'
    const triage = await call(
      server.url,
      'PUT',
      `/api/products/${PUMP}/findings/${encodeURIComponent(LOG4SHELL)}/triage`,
      {
        session,
        headers: { 'if-match': `"r${String(revision)}"` },
        body: {
          status: 'affected',
          response: ['update'],
          detail: 'Upgrade the Infusion Manager to 6.1.0, which ships Log4j 2.17.1.',
          reason,
        },
      },
    )
    expect(triage.status, JSON.stringify(triage.body)).toBe(200)
    expect(await server.process.stop('SIGTERM')).toEqual({ code: 0, signal: null })

    const verify = () => runToEnd(group, ['audit', 'verify', ...db.auditArgs])
    const before = await verify()
    expect(before.code, before.stdout + before.stderr).toBe(0)

    const events = table(db, 'audit_events')
    const [row] = await db.sql(`select id, seq from ${events} where reason = ?`, [reason])
    expect(row).toBeDefined()
    const { id, seq } = row as { id: string; seq: number | string }
    await db.sql(`update ${events} set reason = ? where id = ?`, [
      'Log4Shell not reachable: no triage needed',
      id,
    ])
    const tampered = await verify()
    expect(tampered.code, tampered.stderr).toBe(1)
    expect(tampered.stdout).toContain(`audit trail BROKEN at event ${id} (seq ${String(seq)})`)

    await db.sql(`update ${events} set reason = ? where id = ?`, [reason, id])
    const restored = await verify()
    expect(restored.code, restored.stdout + restored.stderr).toBe(0)
    expect(restored.stdout).toBe(before.stdout)
  }, 60_000)
})

interface JobState {
  readonly state: string
  readonly output: unknown
  readonly error: string | null
}

/** Polls `GET /api/jobs/{id}` until the job completed or failed. */
const settledJob = async (base: string, session: Session, jobId: string): Promise<JobState> => {
  const until = Date.now() + 60_000
  for (;;) {
    const answer = await call(base, 'GET', `/api/jobs/${jobId}`, { session })
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)
    const job = answer.body as JobState
    if (job.state === 'completed' || job.state === 'failed') return job
    if (Date.now() > until) throw new Error(`job ${jobId} is still ${job.state} after 60 s`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe('two API servers and a worker on one PostgreSQL, as docs/server.md sets them up', () => {
  it('a feed sync asked of server A is run by the worker and followed on server B, down to known exploited findings', async () => {
    const db = await postgresSchema()
    database = db
    const shared = ['--db', db.url, ...db.queueArgs, '--no-worker']
    const a = await startServer(group, [...shared, '--examples', PUMP_FOLDER], {
      expectPassword: true,
    })
    const [b, worker] = await Promise.all([
      startServer(group, [...shared, '--no-examples'], { expectPassword: false }),
      startWorker(group, [
        '--db',
        db.url,
        ...db.queueArgs,
        '--mirror',
        realMirror(),
        '--data-dir',
        tempDir('medcyber-e2e-advisories'),
      ]),
    ])

    const { session } = await signIn(a.url, 'admin', a.firstPassword ?? '')
    // The servers keep no state of their own: a session opened on A is valid on B.
    const onB = await call(b.url, 'GET', '/api/session', { session })
    expect(onB.status).toBe(200)
    expect(onB.body).toMatchObject({ user: { username: 'admin' }, via: 'session' })

    // A browser request that changes data must echo the CSRF token.
    const forged = await call(a.url, 'POST', '/api/jobs/feeds-sync', {
      headers: { cookie: session.cookie },
    })
    expect(forged.status).toBe(403)
    expect(forged.body).toMatchObject({ error: { code: 'csrf' } })

    const queued = await call(a.url, 'POST', '/api/jobs/feeds-sync', { session })
    expect(queued.status, JSON.stringify(queued.body)).toBe(202)
    const { jobId } = queued.body as { jobId: string }
    // One sync at a time across the servers: asked again on B while it is queued or running
    // (the worker is still reading the mirror), the same job answers.
    const again = await call(b.url, 'POST', '/api/jobs/feeds-sync', { session })
    expect(again.status).toBe(202)
    expect(again.body).toEqual({ jobId })
    const sync = await settledJob(b.url, session, jobId)
    expect(sync.state, sync.error ?? '').toBe('completed')
    const { evaluationJobId } = sync.output as { evaluationJobId: string }
    const evaluation = await settledJob(b.url, session, evaluationJobId)
    expect(evaluation.state, evaluation.error ?? '').toBe('completed')

    const findings = await call(b.url, 'GET', `/api/products/${PUMP}/findings?kev=true&limit=200`, {
      session,
    })
    expect(findings.status).toBe(200)
    const page = findings.body as { items: { findingId: string; kev: boolean }[]; total: number }
    expect(page.items.map((item) => item.findingId)).toContain(LOG4SHELL)
    expect(page.items.every((item) => item.kev)).toBe(true)
    // Written to the test's own schema, which the URL's search path named.
    const [stored] = await db.sql(
      `select count(*) as count from ${table(db, 'findings')} where product_id = ? and kev = 1`,
      [PUMP],
    )
    expect(Number(stored?.['count'])).toBe(page.total)

    // The worker ran both jobs; the API servers (--no-worker) only queued and reported them.
    for (const server of [a, b]) {
      expect(await server.process.stop('SIGTERM')).toEqual({ code: 0, signal: null })
      expect(server.process.stdout()).not.toMatch(/^completed /m)
    }
    // B found the administrator A created and made none of its own.
    expect(b.process.stdout()).not.toContain('first login')
    expect(await worker.stop('SIGTERM')).toEqual({ code: 0, signal: null })
    expect(worker.stdout()).toContain(`completed feeds-sync ${jobId} (attempt 1/3`)
    expect(worker.stdout()).toContain(
      `completed portfolio-evaluate ${evaluationJobId} (attempt 1/3`,
    )
  }, 120_000)
})
