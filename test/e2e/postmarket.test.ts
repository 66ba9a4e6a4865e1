import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { call, signIn, type Session } from '../support/e2e-server-client.js'
import { processGroup, type CliProcess } from '../support/e2e-server-processes.js'
import { csafFailures } from '../support/csaf-validator.js'
import { epssCsvGz, nvdEmulator, nvdRecords } from '../support/feed-fixtures.js'
import {
  startSmtpReceiver,
  startWebhookReceiver,
  type SmtpReceiver,
  type WebhookReceiver,
} from '../support/notification-receivers.js'
import { startLoopbackServer, type LoopbackServer } from '../support/loopback-server.js'
import { tempDir } from '../support/temp-dir.js'
import { testdataPath } from '../support/testdata.js'
import { buildZip } from '../support/zip-writer.js'

/** The Aquila infusion system: release 3.2.4 ships log4j-core 2.14.1. */
const PUMP = 'aquila-lvp-system'
const PUMP_FOLDER = 'infusion-pump-fleet'
const RELEASE = '3.2.4'
const LOG4SHELL = 'CVE-2021-44228@log4j-core-2-14'
/** The GitHub advisories of Log4Shell and its incomplete fix: what "arrives" in the second sync. */
const NEW_ADVISORIES = new Set(['GHSA-jfh8-c2jp-5v3q.json', 'GHSA-7rjr-3q55-vv33.json'])
const LOG4J_CVES = new Set(['CVE-2021-44228', 'CVE-2021-45046'])

const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000

/** Waits until `found` gives something, polling; fails naming what never came. */
const eventually = async <T>(what: string, found: () => T | undefined, ms = 30_000): Promise<T> => {
  const until = Date.now() + ms
  for (;;) {
    const value = found()
    if (value !== undefined) return value
    if (Date.now() > until) throw new Error(`${what} did not arrive within ${String(ms)} ms`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

// --- the advisory feeds, on loopback -------------------------------------------------------------

/** The real GitHub advisories of Maven packages, as OSV's `Maven/all.zip`, with or without Log4Shell. */
const mavenZip = (withLog4Shell: boolean): Buffer => {
  const folder = testdataPath('ghsa-selected')
  const entries = readdirSync(folder)
    .filter((name) => name.endsWith('.json') && (withLog4Shell || !NEW_ADVISORIES.has(name)))
    .flatMap((name) => {
      const data = readFileSync(path.join(folder, name), 'utf8')
      const record = JSON.parse(data) as { affected?: { package?: { ecosystem?: string } }[] }
      return record.affected?.[0]?.package?.ecosystem === 'Maven' ? [{ name, data }] : []
    })
  return buildZip(entries)
}

interface JobState {
  readonly state: string
  readonly output: unknown
  readonly error: string | null
}

describe('postmarket monitoring, from a new advisory to reminders and a CSAF advisory', () => {
  let feeds: LoopbackServer
  let smtp: SmtpReceiver
  let webhook: WebhookReceiver
  const group = processGroup()

  beforeAll(async () => {
    ;[feeds, smtp, webhook] = await Promise.all([
      startLoopbackServer(),
      startSmtpReceiver(),
      startWebhookReceiver(),
    ])
    feeds.put('/osv/Maven/all.zip', mavenZip(false))
    feeds.mount('/kev/', testdataPath('cisa-kev'))
    feeds.put('/epss/epss_scores-current.csv.gz', epssCsvGz({ scoreDate: '2026-11-28' }))
    // NVD stays as it is: the new advisory comes through OSV.
    feeds.handle(
      '/nvd',
      nvdEmulator(() => nvdRecords().filter((cve) => !LOG4J_CVES.has(cve.id))),
    )
  })
  afterAll(async () => {
    await group.killAll()
    await Promise.all([feeds.close(), smtp.close(), webhook.close()])
  })

  const settledJob = async (base: string, session: Session, jobId: string): Promise<JobState> => {
    const until = Date.now() + 120_000
    for (;;) {
      const answer = await call(base, 'GET', `/api/jobs/${jobId}`, { session })
      expect(answer.status, JSON.stringify(answer.body)).toBe(200)
      const job = answer.body as JobState
      if (job.state === 'completed' || job.state === 'failed') return job
      if (Date.now() > until) throw new Error(`job ${jobId} is still ${job.state}`)
      await new Promise((resolve) => setTimeout(resolve, 200))
    }
  }

  /** A feed sync as the web app's button asks for it, and the evaluation it queues. */
  const syncAndEvaluate = async (base: string, session: Session) => {
    const queued = await call(base, 'POST', '/api/jobs/feeds-sync', { session })
    expect(queued.status, JSON.stringify(queued.body)).toBe(202)
    const sync = await settledJob(base, session, (queued.body as { jobId: string }).jobId)
    expect(sync.state, sync.error ?? '').toBe('completed')
    const { evaluationJobId } = sync.output as { evaluationJobId?: string }
    expect(evaluationJobId, JSON.stringify(sync.output)).toBeDefined()
    const evaluation = await settledJob(base, session, evaluationJobId ?? '')
    expect(evaluation.state, evaluation.error ?? '').toBe('completed')
    return evaluation.output as { added: number }
  }

  const startServer = async (): Promise<{ url: string; password: string; process: CliProcess }> => {
    const folder = tempDir('medcyber-e2e-postmarket')
    const config = path.join(folder, 'feeds.yaml')
    writeFileSync(
      config,
      [
        `osv: { url: '${feeds.url}/osv/', ecosystems: [Maven] }`,
        `nvd: { url: '${feeds.url}/nvd' }`,
        `kev: { url: '${feeds.url}/kev/known_exploited_vulnerabilities.json' }`,
        `epss: { url: '${feeds.url}/epss/epss_scores-current.csv.gz' }`,
        '',
      ].join('\n'),
    )
    const server = group.start([
      'serve',
      '--db',
      `sqlite:${path.join(folder, 'medcyber.db')}`,
      '--port',
      '0',
      '--data-dir',
      path.join(folder, 'advisories'),
      '--feeds-config',
      config,
      '--examples',
      path.join('examples', PUMP_FOLDER),
    ])
    const [, url] = await server.waitFor(/medcyber server on (http:\/\/\S+) /, {
      timeoutMs: 60_000,
    })
    const [, password] = await server.waitFor(/password (\S+)/)
    return { url: url ?? '', password: password ?? '', process: server }
  }

  /** Records the uncontrolled decision for Log4Shell in 3.2.4: the clocks it started. */
  const decideUncontrolled = async (base: string, session: Session) => {
    const decided = await call(
      base,
      'PUT',
      `/api/products/${PUMP}/releases/${RELEASE}/decisions/${encodeURIComponent(LOG4SHELL)}`,
      {
        session,
        body: {
          decision: 'uncontrolled',
          rationale:
            'Remote code execution through the service tool log viewer; no compensating control.',
        },
      },
    )
    expect(decided.status, JSON.stringify(decided.body)).toBe(200)
    const started = (
      decided.body as {
        started: { kind: string; due: string; startedOn: string; period: number }[]
      }
    ).started
    const communicate = started.find(
      (clock) => clock.kind === 'fda-uncontrolled-risk-communication',
    )
    const remediate = started.find((clock) => clock.kind === 'fda-uncontrolled-risk-remediation')
    return { communicate, remediate, started }
  }

  /** Triages Log4Shell as affected with an update planned and generates the CSAF advisories. */
  const draftedAdvisories = async (base: string, session: Session) => {
    const model = await fetch(`${base}/api/products/${PUMP}/model`, {
      headers: { cookie: session.cookie },
    })
    const triaged = await call(
      base,
      'PUT',
      `/api/products/${PUMP}/findings/${encodeURIComponent(LOG4SHELL)}/triage`,
      {
        session,
        headers: { 'if-match': model.headers.get('etag') ?? '' },
        body: {
          status: 'affected',
          response: ['update'],
          detail:
            'Update to release 4.1.2, which ships log4j-core 2.17.1; until then disable remote log viewing.',
          releases: [RELEASE],
          discoveryMethod: 'sbom-monitoring',
        },
      },
    )
    expect(triaged.status, JSON.stringify(triaged.body)).toBe(200)
    const generation = await call(base, 'POST', `/api/products/${PUMP}/documents`, {
      session,
      body: { kind: 'csaf-advisory', formats: ['json'], language: 'en', release: RELEASE },
    })
    expect(generation.status, JSON.stringify(generation.body)).toBe(202)
    const generated = await settledJob(base, session, (generation.body as { jobId: string }).jobId)
    expect(generated.state, generated.error ?? '').toBe('completed')
    const listed = await call(base, 'GET', `/api/products/${PUMP}/documents?kind=csaf-advisory`, {
      session,
    })
    const files = (listed.body as { items: { id: string; name: string }[] }).items
    const advisories = await Promise.all(
      files.map(async (file) => {
        const answer = await fetch(`${base}/api/products/${PUMP}/documents/${file.id}`, {
          headers: { cookie: session.cookie },
        })
        return (await answer.json()) as Record<string, unknown>
      }),
    )
    return advisories
  }

  it('flags the affected release in one evaluation, starts the 30/60-day clocks, reminds by e-mail and webhook, and drafts a conformant CSAF advisory', async () => {
    const server = await startServer()
    const base = server.url
    const { session } = await signIn(base, 'admin', server.password)

    const settings = await call(base, 'PUT', '/api/settings/notifications', {
      session,
      body: {
        email: {
          smtpUrl: smtp.url,
          // The receiver speaks plain SMTP on loopback: a relay on this host.
          security: 'none',
          from: 'medcyber@manufacturer.example',
          recipients: ['psirt@manufacturer.example'],
        },
        webhooks: [{ url: webhook.url, secret: 'shared-secret' }],
        // The 30-day clock starts with 30 days left: a 30-day lead reminds at once.
        reminderLeadDays: [30, 7, 1],
      },
    })
    expect(settings.status, JSON.stringify(settings.body)).toBe(200)

    // First sync: the product's first evaluation sets the baseline and raises no alert.
    await syncAndEvaluate(base, session)
    const quiet = await call(base, 'GET', `/api/alerts?productId=${PUMP}`, { session })
    expect(quiet.status, JSON.stringify(quiet.body)).toBe(200)
    expect((quiet.body as { alerts: unknown[] }).alerts).toEqual([])
    const findingsBefore = await call(base, 'GET', `/api/products/${PUMP}/findings?limit=500`, {
      session,
    })
    const idsBefore = (findingsBefore.body as { items: { findingId: string }[] }).items.map(
      (item) => item.findingId,
    )
    expect(idsBefore).not.toContain(LOG4SHELL)

    // Log4Shell is published: the next sync brings it, and one evaluation flags release 3.2.4.
    feeds.put('/osv/Maven/all.zip', mavenZip(true))
    const evaluation = await syncAndEvaluate(base, session)
    expect(evaluation.added).toBeGreaterThan(0)
    const alerts = await call(base, 'GET', `/api/alerts?productId=${PUMP}&state=open`, { session })
    expect(alerts.status).toBe(200)
    const alert = (
      alerts.body as {
        alerts: {
          id: string
          release: string
          findingId: string
          kev: boolean
          suggestedStatus: string
          reasoning: string[]
        }[]
      }
    ).alerts.find((item) => item.findingId === LOG4SHELL)
    expect(alert, JSON.stringify(alerts.body)).toMatchObject({ release: RELEASE, kev: true })
    // The suggested triage comes with its reasons, read from the model's interfaces and flows.
    expect(alert?.reasoning.length).toBeGreaterThan(0)

    // The alert digest reaches the PSIRT's mailbox and the chat webhook.
    const alertMail = await eventually('the alert e-mail', () =>
      smtp.messages.find((mail) => mail.text.includes('CVE-2021-44228')),
    )
    expect(alertMail.to).toEqual(['psirt@manufacturer.example'])
    const alertHook = await eventually('the alert webhook', () =>
      webhook.received.find((delivery) => delivery.body.includes('CVE-2021-44228')),
    )
    expect((alertHook.json as { text?: string }).text).toContain(RELEASE)
    expect(alertHook.headers['x-medcyber-signature']).toMatch(/^sha256=[0-9a-f]{64}$/)

    // The risk is uncontrolled: the FDA 30- and 60-day clocks start from the day it was learned.
    const { communicate, remediate, started } = await decideUncontrolled(base, session)
    expect(communicate, JSON.stringify(started)).toBeDefined()
    expect(remediate, JSON.stringify(started)).toBeDefined()
    expect(started.map((clock) => clock.kind)).toContain('fda-524b-out-of-cycle-patch')
    expect(days(communicate?.startedOn ?? '', communicate?.due ?? '')).toBe(30)
    expect(days(remediate?.startedOn ?? '', remediate?.due ?? '')).toBe(60)
    const dashboard = await call(base, 'GET', `/api/clocks?productId=${PUMP}`, { session })
    expect(dashboard.status).toBe(200)
    expect(JSON.stringify(dashboard.body)).toContain(communicate?.due ?? 'missing')

    // The reminder run sends the 30-day clock's reminder to both channels, once.
    const mailsBefore = smtp.messages.length
    const hooksBefore = webhook.received.length
    const reminders = await call(base, 'POST', '/api/clocks/reminders/run', { session })
    expect(reminders.status, JSON.stringify(reminders.body)).toBeLessThan(300)
    const reminderMail = await eventually('the reminder e-mail', () =>
      smtp.messages.slice(mailsBefore).find((mail) => /remind|due/i.test(mail.text)),
    )
    expect(reminderMail.text).toContain(communicate?.due ?? 'missing')
    await eventually('the reminder webhook', () =>
      webhook.received.slice(hooksBefore).find((delivery) => /remind|due/i.test(delivery.body)),
    )
    // Asked again the same day, nothing is sent twice.
    const mailsAfter = smtp.messages.length
    const again = await call(base, 'POST', '/api/clocks/reminders/run', { session })
    expect(again.status).toBeLessThan(300)
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(smtp.messages.length).toBe(mailsAfter)

    // The decision goes to customers as a CSAF advisory: triaged as affected with the update
    // planned, the generated advisory passes the CSAF 2.0 schema and every OASIS mandatory test.
    const log4shell = await draftedAdvisories(base, session).then((advisories) =>
      advisories.find((doc) => JSON.stringify(doc).includes('CVE-2021-44228')),
    )
    expect(log4shell).toBeDefined()
    expect(await csafFailures(log4shell ?? {})).toEqual([])
    expect(JSON.stringify(log4shell)).toContain('known_affected')

    expect(server.process.stderr()).not.toMatch(/TypeError|at .*\.js:\d+/)
  }, 300_000)
})
