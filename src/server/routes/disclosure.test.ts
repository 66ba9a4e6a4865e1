import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { EXAMPLES_DIR } from '../../../test/support/model-folders.js'
import { storeDialects } from '../../../test/support/store-dialects.js'
import {
  openTestServer,
  type TestServer,
  type TestUser,
} from '../../../test/support/test-server.js'
import { createProductFromFiles, readModelFolder } from '../../services/index.js'
import { listAuditEvents, listNotifications, verifyAuditChain } from '../../store/index.js'

const PRODUCT = 'aquila-lvp-system'
/** A Friday: five working days later is the next Friday. */
const START = Date.parse('2026-03-06T09:00:00.000Z')

type Json = Record<string, unknown>

describe.each(storeDialects)('coordinated vulnerability disclosure on $name', (dialect) => {
  let server: TestServer
  let clock = START
  let engineer: TestUser
  let admin: TestUser
  let viewer: TestUser
  let address = 0
  const jobsSent: string[] = []

  /** Each test part reports from its own address, so the per-address limit stays out of the way. */
  const newAddress = (): string => {
    address += 1
    return `192.0.2.${String(address)}`
  }

  const form = async (from: string): Promise<string> => {
    const answer = await server.app.inject({
      method: 'GET',
      url: '/api/disclosures/form',
      remoteAddress: from,
    })
    expect(answer.statusCode).toBe(200)
    return answer.json<{ token: string }>().token
  }

  const report = (overrides: Json = {}): Json => ({
    title: 'Unauthenticated bolus command over BLE',
    description: 'The pump accepts a bolus command from any bonded phone without the PIN.',
    product: 'Aquila LVP 4.1',
    reporterName: 'Ada Finder',
    reporterEmail: 'ada@finder.example',
    creditReporter: true,
    ...overrides,
  })

  const submit = (from: string, body: Json) =>
    server.app.inject({
      method: 'POST',
      url: '/api/disclosures',
      payload: body,
      remoteAddress: from,
    })

  /** Opens the form, waits like a person, sends the report. */
  const send = async (body: Json = report(), from = newAddress()) => {
    const formToken = await form(from)
    clock += 5_000
    return submit(from, { ...body, formToken })
  }

  const listed = async (query = ''): Promise<{ items: Json[]; total: number }> => {
    const answer = await server.app.inject({
      method: 'GET',
      url: `/api/disclosures${query}`,
      headers: engineer.headers,
    })
    expect(answer.statusCode).toBe(200)
    return answer.json()
  }

  beforeAll(async () => {
    server = await openTestServer(dialect, {
      now: () => new Date(clock),
      jobs: {
        send: (name) => {
          jobsSent.push(name)
          return Promise.resolve(`job-${String(jobsSent.length)}`)
        },
        get: () => Promise.resolve(undefined),
        work: () => Promise.resolve(),
        stop: () => Promise.resolve(),
      },
    })
    const files = await readModelFolder(path.join(EXAMPLES_DIR, 'infusion-pump-fleet'))
    const created = await createProductFromFiles(server.store, files, {
      actor: 'test',
      reason: null,
    })
    expect(created.ok).toBe(true)
    engineer = await server.userWith([{ productId: '*', role: 'security-engineer' }])
    admin = await server.userWith([{ productId: '*', role: 'admin' }])
    viewer = await server.userWith([{ productId: '*', role: 'viewer' }])
  }, 60_000)

  afterAll(async () => {
    await server.dispose()
  })

  it('takes a report without an account and answers the tracking id and acknowledgement day', async () => {
    const answer = await send()
    expect(answer.statusCode).toBe(201)
    const body = answer.json<Json>()
    expect(body).toMatchObject({ acknowledgeDue: '2026-03-13', repeated: false })
    const { items } = await listed()
    expect(items.map((item) => item['id'])).toContain(body['trackingId'])
    const stored = items.find((item) => item['id'] === body['trackingId'])
    expect(stored).toMatchObject({
      state: 'received',
      productText: 'Aquila LVP 4.1',
      reporterEmail: 'ada@finder.example',
      nextStates: ['acknowledged', 'rejected', 'duplicate'],
    })
  })

  it('folds the same report sent again within a day into the first one', async () => {
    const text = report({ title: 'Hard-coded service password', description: 'Found in the  UI.' })
    const first = (await send(text)).json<Json>()
    const again = await send({ ...text, description: 'found in the ui.' })
    expect(again.statusCode).toBe(200)
    expect(again.json()).toMatchObject({ trackingId: first['trackingId'], repeated: true })
    const detail = await server.app.inject({
      method: 'GET',
      url: `/api/disclosures/${String(first['trackingId'])}`,
      headers: engineer.headers,
    })
    expect(detail.json()).toMatchObject({ repeats: 1 })
    expect(detail.json<{ events: Json[] }>().events.map((event) => event['kind'])).toEqual([
      'received',
      'repeated',
    ])
    clock += 25 * 3_600_000
    expect((await send(text)).statusCode).toBe(201)
  })

  it('turns away forged, hasty and stale form tokens, the honeypot and oversize bodies, storing nothing', async () => {
    const before = (await listed()).total
    const from = newAddress()
    const forged = await submit(from, { ...report({ title: 'forged' }), formToken: 'v1.1.abc' })
    expect(forged.json()).toMatchObject({ error: { code: 'form-token' } })
    const hasty = await submit(from, { ...report({ title: 'hasty' }), formToken: await form(from) })
    expect(hasty.json()).toMatchObject({ error: { code: 'form-token' } })
    const token = await form(from)
    clock += 3 * 3_600_000
    const stale = await submit(from, { ...report({ title: 'stale' }), formToken: token })
    expect(stale.json()).toMatchObject({ error: { code: 'form-token' } })
    const bot = await send(report({ title: 'bot', website: 'https://spam.example' }))
    expect(bot.statusCode).toBe(400)
    expect(bot.json()).toMatchObject({ error: { code: 'honeypot' } })
    const huge = await send(report({ title: 'huge', description: 'x'.repeat(40 * 1024) }))
    expect(huge.statusCode).toBe(413)
    const long = await send(report({ title: 't'.repeat(201) }))
    expect(long.statusCode).toBe(400)
    expect(JSON.stringify(long.json())).toContain('body/title')
    expect((await listed()).total).toBe(before)
  })

  it('limits reports per address, and answers 503 with Retry-After beyond the hourly bound', async () => {
    const from = newAddress()
    const statuses: number[] = []
    for (let index = 0; index < 11; index += 1) {
      const answer = await send(report({ title: `per address ${String(index)}` }), from)
      statuses.push(answer.statusCode)
    }
    expect(statuses.slice(0, 10).every((status) => status === 201)).toBe(true)
    expect(statuses[10]).toBe(429)

    const settings = await server.app.inject({
      method: 'GET',
      url: '/api/settings/disclosure',
      headers: admin.headers,
    })
    const put = await server.app.inject({
      method: 'PUT',
      url: '/api/settings/disclosure',
      headers: admin.headers,
      payload: { ...settings.json<Json>(), maxUnacknowledgedPerHour: 2 },
    })
    expect(put.statusCode).toBe(200)
    clock += 2 * 3_600_000
    expect((await send(report({ title: 'bound 1' }))).statusCode).toBe(201)
    expect((await send(report({ title: 'bound 2' }))).statusCode).toBe(201)
    const busy = await send(report({ title: 'bound 3' }))
    expect(busy.statusCode).toBe(503)
    expect(Number(busy.headers['retry-after'])).toBeGreaterThan(0)
    expect(Number(busy.headers['retry-after'])).toBeLessThanOrEqual(3600)
    expect((await listed('?q=bound')).items.map((item) => item['title']).sort()).toEqual([
      'bound 1',
      'bound 2',
    ])
    await server.app.inject({
      method: 'PUT',
      url: '/api/settings/disclosure',
      headers: admin.headers,
      payload: settings.json(),
    })
  })

  it('walks a report from acknowledgement to publication, with timeline, audit and drafts', async () => {
    const trackingId = String(
      (await send(report({ title: 'PIN bypass' }))).json<Json>()['trackingId'],
    )
    const url = `/api/disclosures/${trackingId}`
    const move = (state: string, extra: Json = {}) =>
      server.app.inject({
        method: 'POST',
        url: `${url}/transitions`,
        headers: engineer.headers,
        payload: { state, ...extra },
      })
    const assess = (payload: Json) =>
      server.app.inject({ method: 'PATCH', url, headers: engineer.headers, payload })

    expect((await move('accepted')).statusCode).toBe(409)
    const acknowledged = await move('acknowledged', { note: 'Thanked the finder.' })
    expect(acknowledged.json()).toMatchObject({
      state: 'acknowledged',
      acknowledgementOverdue: false,
    })
    const mail = await listNotifications(server.store.db, { kind: 'cvd-acknowledgement' })
    expect(mail.map((item) => item.recipient)).toContain('ada@finder.example')
    expect(jobsSent).toContain('notifications-send')
    expect((await move('triaging')).statusCode).toBe(200)

    expect((await assess({ affectedReleases: ['4.1.2'] })).statusCode).toBe(400)
    expect((await assess({ productId: 'no-such-product' })).statusCode).toBe(400)
    const unknownRelease = await assess({ productId: PRODUCT, affectedReleases: ['9.9'] })
    expect(JSON.stringify(unknownRelease.json())).toContain('9.9')
    const both = await assess({ productId: PRODUCT, affectedReleases: ['4.1.2'], fixedIn: '4.1.2' })
    expect(both.statusCode).toBe(400)
    const badVector = await assess({ cvssVector: 'CVSS:3.1/AV:X' })
    expect(badVector.statusCode).toBe(400)
    const assessed = await assess({
      productId: PRODUCT,
      affectedReleases: ['3.2.4'],
      fixedIn: '4.1.2',
      cvssVector: 'CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:H/A:H',
      cveId: 'CVE-2026-12345',
      cwe: { id: 'CWE-306', name: 'Missing Authentication for Critical Function' },
      remediation: 'Until updated, keep Bluetooth pairing disabled.',
    })
    expect(assessed.statusCode).toBe(200)
    expect(assessed.json()).toMatchObject({ cvssScore: 8.1, cvssSeverity: 'High' })

    const early = await server.app.inject({
      method: 'GET',
      url: `${url}/csaf`,
      headers: engineer.headers,
    })
    expect(early.statusCode).toBe(409)
    expect(early.json()).toMatchObject({ error: { code: 'not-ready' } })
    expect((await move('accepted')).statusCode).toBe(200)
    const note = await server.app.inject({
      method: 'POST',
      url: `${url}/notes`,
      headers: engineer.headers,
      payload: { note: 'Embargo agreed until 2026-06-01.' },
    })
    expect(note.statusCode).toBe(201)

    const csaf = await server.app.inject({
      method: 'GET',
      url: `${url}/csaf`,
      headers: engineer.headers,
    })
    expect(csaf.statusCode).toBe(200)
    const advisory = csaf.json<{ document: Json; vulnerabilities: Json[] }>()
    expect(advisory.document).toMatchObject({
      category: 'csaf_security_advisory',
      tracking: { status: 'draft' },
    })
    expect(advisory.vulnerabilities[0]).toMatchObject({
      cve: 'CVE-2026-12345',
      product_status: { known_affected: [`${PRODUCT}@3.2.4`], fixed: [`${PRODUCT}@4.1.2`] },
      acknowledgments: [{ names: ['Ada Finder'] }],
    })
    const ja = await server.app.inject({
      method: 'GET',
      url: `${url}/notice?lang=ja`,
      headers: engineer.headers,
    })
    expect(ja.headers['content-type']).toContain('text/markdown')
    expect(ja.body).toContain('リリース 4.1.2 で修正されています')
    expect(ja.body).toContain('Ada Finder')
    const html = await server.app.inject({
      method: 'GET',
      url: `${url}/notice?format=html`,
      headers: engineer.headers,
    })
    expect(html.body).toContain('Update Aquila')

    expect((await move('published')).json()).toMatchObject({
      state: 'published',
      publicDisclosureDate: new Date(clock).toISOString().slice(0, 10),
    })
    expect((await move('closed')).statusCode).toBe(200)
    expect((await assess({ remediation: 'late' })).statusCode).toBe(409)

    const detail = (
      await server.app.inject({ method: 'GET', url, headers: engineer.headers })
    ).json<{ events: Json[] }>()
    expect(detail.events.map((event) => event['kind'])).toEqual([
      'received',
      'state',
      'acknowledgement-sent',
      'state',
      'assigned',
      'state',
      'note',
      'state',
      'state',
    ])
    const audit = await listAuditEvents(server.store, { limit: 500, offset: 0 })
    const actions = audit.events
      .filter((event) => event.subject === `disclosure:${trackingId}`)
      .map((event) => event.action)
      .sort()
    expect(actions).toEqual([
      'disclosure.assess',
      'disclosure.note',
      'disclosure.receive',
      ...Array<string>(5).fill('disclosure.state'),
    ])
    expect(await verifyAuditChain(server.store)).toMatchObject({ ok: true })
  })

  it('marks a duplicate only with the report it repeats', async () => {
    const first = String((await send(report({ title: 'dup A' }))).json<Json>()['trackingId'])
    const second = String((await send(report({ title: 'dup B' }))).json<Json>()['trackingId'])
    const move = (payload: Json) =>
      server.app.inject({
        method: 'POST',
        url: `/api/disclosures/${second}/transitions`,
        headers: engineer.headers,
        payload,
      })
    expect((await move({ state: 'duplicate' })).statusCode).toBe(400)
    expect((await move({ state: 'duplicate', duplicateOf: 'nope' })).statusCode).toBe(404)
    expect((await move({ state: 'duplicate', duplicateOf: first })).json()).toMatchObject({
      state: 'duplicate',
      verdict: 'duplicate',
      duplicateOf: first,
    })
  })

  it('lists overdue acknowledgements and filters by state', async () => {
    const id = String((await send(report({ title: 'late one' }))).json<Json>()['trackingId'])
    clock += 14 * 86_400_000
    const overdue = await listed('?overdue=true')
    expect(overdue.items.map((item) => item['id'])).toContain(id)
    expect(overdue.items.every((item) => item['acknowledgementOverdue'] === true)).toBe(true)
    const closed = await listed('?state=closed')
    expect(closed.items.every((item) => item['state'] === 'closed')).toBe(true)
    const refused = await server.app.inject({
      method: 'GET',
      url: '/api/disclosures',
      headers: viewer.headers,
    })
    expect(refused.statusCode).toBe(403)
  })

  it('serves security.txt from the settings, expiring within a year', async () => {
    const plain = await server.app.inject({
      method: 'GET',
      url: '/.well-known/security.txt',
      headers: { host: 'cvd.example' },
    })
    expect(plain.statusCode).toBe(200)
    expect(plain.headers['content-type']).toBe('text/plain; charset=utf-8')
    expect(plain.body).toContain('Contact: http://cvd.example/report-vulnerability\n')
    expect(plain.body).toContain('Canonical: http://cvd.example/.well-known/security.txt\n')
    expect(plain.body).toContain('Preferred-Languages: en, ja\n')
    const expires = Date.parse(/^Expires: (.+)$/m.exec(plain.body)?.[1] ?? '')
    expect(expires).toBeGreaterThan(clock)
    expect(expires - clock).toBeLessThanOrEqual(365 * 86_400_000)

    const current = (
      await server.app.inject({
        method: 'GET',
        url: '/api/settings/disclosure',
        headers: admin.headers,
      })
    ).json<Json>()
    const badZone = await server.app.inject({
      method: 'PUT',
      url: '/api/settings/disclosure',
      headers: admin.headers,
      payload: { ...current, timeZone: 'Mars/Olympus' },
    })
    expect(badZone.statusCode).toBe(400)
    const tooLong = await server.app.inject({
      method: 'PUT',
      url: '/api/settings/disclosure',
      headers: admin.headers,
      payload: { ...current, securityTxtValidDays: 400 },
    })
    expect(tooLong.statusCode).toBe(400)
    const put = await server.app.inject({
      method: 'PUT',
      url: '/api/settings/disclosure',
      headers: admin.headers,
      payload: {
        ...current,
        contacts: ['mailto:psirt@contoso-infusion.example', 'https://contoso.example/report'],
        policyUrl: 'https://contoso.example/cvd-policy',
        securityTxtValidDays: 30,
      },
    })
    expect(put.statusCode).toBe(200)
    const configured = await server.app.inject({ method: 'GET', url: '/.well-known/security.txt' })
    expect(configured.body.split('\n').filter((line) => line.startsWith('Contact:'))).toEqual([
      'Contact: mailto:psirt@contoso-infusion.example',
      'Contact: https://contoso.example/report',
    ])
    expect(configured.body).toContain('Policy: https://contoso.example/cvd-policy\n')
    const audit = await listAuditEvents(server.store, {
      action: 'settings.disclosure',
      limit: 10,
      offset: 0,
    })
    expect(audit.total).toBeGreaterThanOrEqual(1)
  })
})
