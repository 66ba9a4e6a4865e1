import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { stringify } from 'yaml'

import type { JobQueue } from '../../jobs/index.js'
import { importModel, listNotifications, writeSetting } from '../../store/index.js'
import { minimalModel } from '../../../test/support/minimal-model.js'
import { storeDialects } from '../../../test/support/store-dialects.js'
import {
  openTestServer,
  type TestServer,
  type TestUser,
} from '../../../test/support/test-server.js'

const FINDING = 'CVE-2024-0001@freertos'

interface Clock {
  id: string
  kind: string
  startedOn: string
  due: string
  state: string
  daysRemaining: number
  metOn: string | null
  trigger: string
  source: { document: string; clause: string }
  evidence: { note: string; documentId?: string; recordedBy: string } | null
  productName?: string
}

interface Decided {
  decision: {
    id: string
    decision: string
    learnedOn: string
    learnedFrom: string
    current: boolean
  }
  previous: { id: string; decision: string } | null
  started: Clock[]
  clocks: Clock[]
}

/** The minimal model without SBOM files, under another product id. */
const modelFiles = (productId: string) => [
  {
    path: 'medcyber.yaml',
    text: stringify({
      ...minimalModel(),
      product: { ...minimalModel().product, id: productId },
      sboms: [],
      releases: [{ version: '1.0', date: '2024-01-01', changeType: 'initial' }],
    }),
  },
]

describe.each(storeDialects)('regulatory clocks on $name', (dialect) => {
  let server: TestServer
  let now = new Date('2026-03-10T09:00:00Z')
  let assessor: TestUser
  let viewer: TestUser
  let stranger: TestUser
  let admin: TestUser
  const sent: string[] = []

  const call = async <T>(
    method: 'GET' | 'PUT' | 'POST',
    url: string,
    user: TestUser,
    payload?: unknown,
    status = 200,
  ): Promise<T> => {
    const response = await server.app.inject({
      method,
      url,
      headers: user.headers,
      ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    })
    expect(response.statusCode, response.body).toBe(status)
    return response.json<T>()
  }
  const decide = (subject: string, body: Record<string, unknown>, status = 200) =>
    call<Decided>(
      'PUT',
      `/api/products/pump/releases/1.0/decisions/${encodeURIComponent(subject)}`,
      assessor,
      body,
      status,
    )
  const clocks = (query: string, user: TestUser = viewer) =>
    call<{ items: Clock[]; total: number; today: string }>('GET', `/api/clocks?${query}`, user)

  beforeAll(async () => {
    const jobs: JobQueue = {
      send: (name) => {
        sent.push(name)
        return Promise.resolve('00000000-0000-4000-8000-00000000000a')
      },
      get: () => Promise.resolve(undefined),
      work: () => Promise.resolve(),
      stop: () => Promise.resolve(),
    }
    server = await openTestServer(dialect, { now: () => now, jobs })
    for (const productId of ['pump', 'other']) {
      const imported = await importModel(server.store, productId, modelFiles(productId), {
        expectedRevision: 0,
        actor: 'test',
        reason: null,
      })
      expect(imported.ok).toBe(true)
    }
    // As an evaluation stores it: first seen late on 1 March (UTC, the policy's zone).
    await server.store.db
      .insertInto('findings')
      .values({
        product_id: 'pump',
        release: '1.0',
        finding_id: FINDING,
        vulnerability: 'CVE-2024-0001',
        aliases: '[]',
        component: 'freertos',
        severity: 'critical',
        cvss_score: 9.8,
        kev: 0,
        epss: null,
        vex_status: 'affected',
        summary: null,
        first_seen: '2026-03-01T22:30:00.000Z',
        evaluated_at: '2026-03-01T22:30:00.000Z',
        advisory_generation: null,
      })
      .execute()
    assessor = await server.userWith([{ productId: 'pump', role: 'risk-manager' }])
    viewer = await server.userWith([{ productId: 'pump', role: 'viewer' }])
    stranger = await server.userWith([{ productId: 'other', role: 'viewer' }])
    admin = await server.userWith([{ productId: '*', role: 'admin' }])
  }, 60_000)
  afterAll(async () => {
    await server.dispose()
  })

  test('an uncontrolled decision starts the FDA 30/60-day and 524B clocks from the day first seen', async () => {
    const body = await decide(FINDING, {
      decision: 'uncontrolled',
      rationale: 'Remote code execution reaches the bolus function',
    })
    expect(body.decision).toMatchObject({
      decision: 'uncontrolled',
      learnedOn: '2026-03-01',
      learnedFrom: 'finding-first-seen',
      current: true,
    })
    expect(body.previous).toBeNull()
    expect(
      body.started.map((clock) => [clock.kind, clock.due, clock.state, clock.daysRemaining]),
    ).toEqual([
      ['fda-uncontrolled-risk-communication', '2026-03-31', 'open', 21],
      ['fda-524b-out-of-cycle-patch', '2026-04-30', 'open', 51],
      ['fda-uncontrolled-risk-remediation', '2026-04-30', 'open', 51],
    ])
    expect(body.started[0]?.source.clause).toContain('VII.B')
    const audit = await server.store.db
      .selectFrom('audit_events')
      .select(['action', 'actor', 'subject', 'reason'])
      .where('action', '=', 'risk-decision.record')
      .execute()
    expect(audit).toEqual([
      {
        action: 'risk-decision.record',
        actor: assessor.username,
        subject: `product:pump/release:1.0/${FINDING}`,
        reason: 'Remote code execution reaches the bolus function',
      },
    ])
  })

  test('a later decision supersedes the earlier one and keeps the running clocks', async () => {
    const controlled = await decide(FINDING, {
      decision: 'controlled',
      rationale: 'Compensating control: BLE pairing disabled in the field',
    })
    expect(controlled.previous?.decision).toBe('uncontrolled')
    expect(controlled.started).toEqual([])
    expect(controlled.clocks).toHaveLength(3)
    const again = await decide(FINDING, { decision: 'uncontrolled', rationale: 'Control failed' })
    expect(again.started).toEqual([])
    expect(again.clocks).toHaveLength(3)
    const current = await call<{ items: { decision: string }[]; total: number }>(
      'GET',
      '/api/products/pump/decisions',
      viewer,
    )
    expect(current.items.map((item) => item.decision)).toEqual(['uncontrolled'])
    const history = await call<{ items: { decision: string; current: boolean }[] }>(
      'GET',
      '/api/products/pump/decisions?history=true',
      viewer,
    )
    expect(history.items.map((item) => [item.decision, item.current])).toEqual([
      ['uncontrolled', true],
      ['controlled', false],
      ['uncontrolled', false],
    ])
  })

  test('a controlled decision starts no clock', async () => {
    const body = await decide('command-replay', {
      decision: 'controlled',
      rationale: 'Signed commands',
    })
    expect(body.started).toEqual([])
    expect(body.decision.learnedFrom).toBe('decision-date')
  })

  test('refuses an unknown release or subject and a day that does not exist', async () => {
    const release = await server.app.inject({
      method: 'PUT',
      url: `/api/products/pump/releases/9.9/decisions/${FINDING}`,
      headers: assessor.headers,
      payload: { decision: 'uncontrolled', rationale: 'x' },
    })
    expect(release.statusCode).toBe(400)
    expect(release.json<{ error: { code: string } }>().error.code).toBe('unknown-release')
    const subject = await decide(
      'CVE-1999-0001@nothing',
      { decision: 'uncontrolled', rationale: 'x' },
      400,
    )
    expect(subject).toMatchObject({ error: { code: 'unknown-subject' } })
    const day = await decide(
      FINDING,
      { decision: 'uncontrolled', rationale: 'x', learnedOn: '2026-02-30' },
      400,
    )
    expect(day).toMatchObject({ error: { details: [{ path: 'body/learnedOn' }] } })
  })

  test('lists clocks across the products a user may read, the earliest due first', async () => {
    const listed = await clocks('state=open')
    expect(listed.today).toBe('2026-03-10')
    expect(listed.items.map((clock) => clock.due)).toEqual([
      '2026-03-31',
      '2026-04-30',
      '2026-04-30',
    ])
    expect(listed.items[0]?.productName).toBe('pump')
    expect((await clocks('', stranger)).total).toBe(0)
    expect((await clocks('dueBefore=2026-04-01')).total).toBe(1)
  })

  test('evidence closes a clock; missed is worked out from today, never stored', async () => {
    const [communication] = (await clocks('state=open')).items
    const url = `/api/products/pump/clocks/${communication!.id}/evidence`
    const future = await call<{ error: { details: { path: string }[] } }>(
      'POST',
      url,
      assessor,
      { metOn: '2026-03-20', note: 'x' },
      400,
    )
    expect(future.error.details[0]?.path).toBe('body/metOn')
    await call(
      'POST',
      url,
      assessor,
      {
        metOn: '2026-03-09',
        note: 'x',
        documentId: '00000000-0000-4000-8000-000000000009',
      },
      400,
    )
    now = new Date('2026-05-02T09:00:00Z')
    expect((await clocks('state=missed')).total).toBe(3)
    const met = await call<Clock>('POST', url, assessor, {
      metOn: '2026-03-30',
      note: 'Customer notice sent to every hospital',
    })
    expect(met).toMatchObject({
      state: 'met',
      metOn: '2026-03-30',
      evidence: { note: 'Customer notice sent to every hospital', recordedBy: assessor.username },
    })
    expect((await clocks('state=missed')).items.map((clock) => clock.kind)).toEqual([
      'fda-524b-out-of-cycle-patch',
      'fda-uncontrolled-risk-remediation',
    ])
    expect((await clocks('state=met')).total).toBe(1)
    now = new Date('2026-03-10T09:00:00Z')
    expect((await clocks('state=missed')).total).toBe(0)
  })

  test('a withdrawn clock takes no evidence and a met one is not withdrawn', async () => {
    const [met] = (await clocks('state=met')).items
    await call(
      'POST',
      `/api/products/pump/clocks/${met!.id}/withdrawal`,
      assessor,
      { reason: 'x' },
      409,
    )
    const patch = (await clocks('state=open')).items.find(
      (clock) => clock.kind === 'fda-524b-out-of-cycle-patch',
    )
    const withdrawn = await call<Clock>(
      'POST',
      `/api/products/pump/clocks/${patch!.id}/withdrawal`,
      assessor,
      { reason: 'Not a cyber device' },
    )
    expect(withdrawn.state).toBe('withdrawn')
    await call(
      'POST',
      `/api/products/pump/clocks/${patch!.id}/evidence`,
      assessor,
      { metOn: '2026-03-09', note: 'x' },
      409,
    )
    await call(
      'POST',
      `/api/products/other/clocks/${patch!.id}/evidence`,
      await server.userWith([{ productId: 'other', role: 'risk-manager' }]),
      { metOn: '2026-03-09', note: 'x' },
      404,
    )
  })

  test('events start 21 CFR 806 and MDR Article 87 clocks, once', async () => {
    const correction = {
      kind: 'correction-initiated',
      subject: FINDING,
      on: '2026-03-06',
      reference: 'Z-1234-2026',
      note: 'Field correction: firmware 1.0.1',
    }
    const first = await call<{ clocks: Clock[] }>(
      'POST',
      '/api/products/pump/releases/1.0/events',
      assessor,
      correction,
      201,
    )
    expect(first.clocks.map((clock) => [clock.kind, clock.due, clock.source.clause])).toEqual([
      ['fda-806-correction-removal-report', '2026-03-20', '806.10(b)'],
    ])
    await call('POST', '/api/products/pump/releases/1.0/events', assessor, correction, 201)
    expect((await clocks(`subject=${FINDING}&dueBefore=2026-03-20`)).total).toBe(1)
    const incident = await call<{ clocks: Clock[] }>(
      'POST',
      '/api/products/pump/releases/1.0/events',
      assessor,
      {
        kind: 'eu-serious-incident',
        subject: FINDING,
        on: '2026-03-09',
        severity: 'public-health-threat',
        note: 'Reported by a German hospital',
      },
      201,
    )
    expect(incident.clocks.map((clock) => [clock.due, clock.source.clause])).toEqual([
      ['2026-03-11', 'Article 87(4)'],
    ])
    const noSeverity = await call<{ error: { details: { path: string }[] } }>(
      'POST',
      '/api/products/pump/releases/1.0/events',
      assessor,
      { kind: 'eu-serious-incident', subject: FINDING, note: 'x' },
      400,
    )
    expect(noSeverity.error.details[0]?.path).toBe('body/severity')
  })

  test('reminders run on demand go to the outbox once per clock and stage', async () => {
    await writeSetting(server.store.db, {
      key: 'notifications',
      value: {
        email: { smtpUrl: null, security: 'starttls', from: null, recipients: [] },
        webhooks: [{ id: 'chat', url: 'http://127.0.0.1:9/hook' }],
        reminderLeadDays: [7, 1],
      },
      at: now.toISOString(),
      actor: 'test',
    })
    now = new Date('2026-03-25T09:00:00Z')
    const run = await call<{ reminders: { kind: string; stage: string }[]; notifications: number }>(
      'POST',
      '/api/clocks/reminders/run',
      admin,
    )
    // The 806 report (due 20 March) and the MDR report (11 March) are overdue; the 30-day
    // notice was met, the out-of-cycle patch withdrawn, the 60-day fix is 36 days off.
    expect(run.reminders.map((reminder) => [reminder.kind, reminder.stage])).toEqual([
      ['eu-mdr-serious-public-health-threat-report', 'overdue'],
      ['fda-806-correction-removal-report', 'overdue'],
    ])
    expect(run.notifications).toBe(2)
    expect(sent).toEqual(['notifications-send'])
    const again = await call<{ notifications: number }>('POST', '/api/clocks/reminders/run', admin)
    expect(again.notifications).toBe(0)
    const rows = await listNotifications(server.store.db, { kind: 'deadline-reminder' })
    expect(rows).toHaveLength(2)
    expect(rows[0]?.data).toMatchObject({ event: 'deadline-reminder', productId: 'pump' })
    now = new Date('2026-03-10T09:00:00Z')
  })
})
