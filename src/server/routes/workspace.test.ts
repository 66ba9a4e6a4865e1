import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { readModelFolder } from '../../services/index.js'
import { importModel, type ModelFile } from '../../store/index.js'
import { storeDialects } from '../../../test/support/store-dialects.js'
import {
  openTestServer,
  type TestServer,
  type TestUser,
} from '../../../test/support/test-server.js'

const TODAY = '2026-11-29'
const START = new Date(`${TODAY}T09:30:00Z`)
/** Days on which the example registers hold no near deadline, near ones, and missed ones. */
const DATES = [TODAY, '2027-02-20', '2027-06-15'] as const

interface Row {
  readonly product: string
  readonly release: string
  readonly vulnerability: string
  readonly component: string
  readonly aliases: readonly string[]
  readonly severity: string | null
  readonly cvss: number | null
  readonly kev: boolean
  readonly epss: number | null
  readonly vex: string
  readonly summary: string | null
  readonly firstSeen: string
}

const row = (fields: Partial<Row> & Pick<Row, 'product' | 'release' | 'vulnerability'>): Row => ({
  component: 'openssl-3-0-1',
  aliases: [],
  severity: null,
  cvss: null,
  kev: false,
  epss: null,
  vex: 'untriaged',
  summary: null,
  firstSeen: '2026-11-01T00:00:00.000Z',
  ...fields,
})

/** Findings as evaluations could have stored them: one vulnerability in two products. */
const ROWS: readonly Row[] = [
  row({
    product: 'pump',
    release: '2.4.1',
    vulnerability: 'CVE-2024-1111',
    component: 'openssl-1-1-1',
    aliases: ['GHSA-1111-aaaa-bbbb'],
    severity: 'high',
    cvss: 7.5,
    firstSeen: '2026-10-01T08:00:00.000Z',
  }),
  row({
    product: 'pump',
    release: '3.1.0',
    vulnerability: 'CVE-2024-1111',
    component: 'openssl-3-0-1',
    severity: 'high',
    cvss: 7.5,
    vex: 'fixed',
    firstSeen: '2026-10-05T08:00:00.000Z',
  }),
  row({
    product: 'pump',
    release: '3.1.0',
    vulnerability: 'CVE-2024-2222',
    component: 'busybox-1-31',
    severity: 'critical',
    cvss: 9.8,
    kev: true,
    vex: 'affected',
    summary: 'Shell injection',
    firstSeen: '2026-11-20T08:00:00.000Z',
  }),
  row({
    product: 'pump',
    release: '2.4.1',
    vulnerability: 'CVE-2024-2222',
    component: 'busybox-1-31',
    severity: 'critical',
    cvss: 9.8,
    kev: true,
    vex: 'not_affected',
    firstSeen: '2026-11-20T08:00:00.000Z',
  }),
  row({
    product: 'monitor',
    release: '4.1.0',
    vulnerability: 'CVE-2024-1111',
    component: 'openssl-3-0-8',
    aliases: ['GHSA-1111-aaaa-bbbb', 'OSV-1111'],
    severity: 'Critical',
    cvss: 8.1,
    epss: 0.42,
    vex: 'under_investigation',
    summary: 'Buffer over-read',
    firstSeen: '2026-09-15T08:00:00.000Z',
  }),
  row({
    product: 'monitor',
    release: '4.1.0',
    vulnerability: 'CVE-2024-3333',
    component: 'zlib-1-2-11',
    firstSeen: '2026-11-25T08:00:00.000Z',
  }),
  row({
    product: 'broken',
    release: '2.4.1',
    vulnerability: 'CVE-2024-4444',
    component: 'lodash-4-17-20',
    firstSeen: '2026-11-26T08:00:00.000Z',
  }),
]

const CLOSED = new Set(['not_affected', 'fixed'])

/** The insulin pump with one data flow aimed at an element that does not exist. */
const brokenPump = (files: readonly ModelFile[]): ModelFile[] =>
  files.map((file) =>
    file.path === 'architecture.yaml'
      ? { ...file, text: file.text.replace('    to: pump\n', '    to: no-such-element\n') }
      : file,
  )

interface PortfolioProduct {
  id: string
  name: string
  revision: number
  modelValid: boolean
  releases: Record<string, unknown>[]
  risks: Record<string, number> | null
  deadlines: Record<string, unknown>[]
  findings: { open: number; kev: number; newSinceLastVisit: number }
}
interface Portfolio {
  date: string
  advisoriesSeenAt: string | null
  products: PortfolioProduct[]
}
interface Advisory {
  vulnerability: string
  aliases: string[]
  severity: string | null
  cvssScore: number | null
  kev: boolean
  epss: number | null
  summary: string | null
  firstSeen: string
  isNew: boolean
  affected: {
    productId: string
    productName: string
    release: string
    component: string
    findingId: string
    vexStatus: string
  }[]
}
interface AdvisoryList {
  since: string | null
  total: number
  items: Advisory[]
}
interface RegisterPage {
  summary: Record<string, number>
  items: {
    id: string
    title: string
    releases: string[] | null
    deadlines: { id: string; title: string; due: string; state: string; daysRemaining: number }[]
  }[]
}

describe.each(storeDialects)('portfolio and advisories on $name', (dialect) => {
  let server: TestServer
  let admin: TestUser
  let pumpViewer: TestUser
  let now = START

  const get = async <T>(user: TestUser, url: string): Promise<T> => {
    const response = await server.app.inject({ method: 'GET', url, headers: user.headers })
    expect(response.statusCode, response.body).toBe(200)
    return response.json<T>()
  }
  const portfolio = (user: TestUser, query = '') => get<Portfolio>(user, `/api/portfolio${query}`)
  const advisories = (user: TestUser, query = '') =>
    get<AdvisoryList>(user, `/api/advisories${query}`)

  beforeAll(async () => {
    server = await openTestServer(dialect, { now: () => now })
    admin = await server.userWith([{ productId: '*', role: 'admin' }])
    pumpViewer = await server.userWith([{ productId: 'pump', role: 'viewer' }])
    const pumpFiles = await readModelFolder('examples/insulin-pump')
    for (const [id, files] of [
      ['pump', pumpFiles],
      ['monitor', await readModelFolder('examples/patient-monitor')],
    ] as const) {
      const created = await server.app.inject({
        method: 'POST',
        url: '/api/products',
        headers: admin.headers,
        payload: { id, files },
      })
      expect(created.statusCode, created.body).toBe(201)
    }
    // The store takes any files; only the API's writes insist on a valid model.
    const broken = await importModel(server.store, 'broken', brokenPump(pumpFiles), {
      expectedRevision: 0,
      actor: 'test',
      reason: null,
    })
    expect(broken.ok).toBe(true)
    await server.store.db
      .insertInto('findings')
      .values(
        ROWS.map((item) => ({
          product_id: item.product,
          release: item.release,
          finding_id: `${item.vulnerability}@${item.component}`,
          vulnerability: item.vulnerability,
          aliases: JSON.stringify(item.aliases),
          component: item.component,
          severity: item.severity,
          cvss_score: item.cvss,
          kev: item.kev ? 1 : 0,
          epss: item.epss,
          vex_status: item.vex,
          summary: item.summary,
          first_seen: item.firstSeen,
          evaluated_at: START.toISOString(),
          advisory_generation: null,
        })),
      )
      .execute()
  }, 60_000)
  afterAll(async () => {
    await server.dispose()
  })

  describe('portfolio', () => {
    test.each(DATES)(
      'risk counts and near deadlines on %s are what the risk register gives',
      async (date) => {
        const body = await portfolio(admin, `?date=${date}`)
        expect(body.date).toBe(date)
        expect(body.products.map((product) => product.id)).toEqual(['broken', 'monitor', 'pump'])
        for (const product of body.products.filter((item) => item.modelValid)) {
          const register = await get<RegisterPage>(
            admin,
            `/api/products/${product.id}/risk-register?date=${date}&limit=500`,
          )
          const { evaluated, uncontrolled, unacceptable, acceptanceLapsed } = register.summary
          expect(product.risks).toEqual({ evaluated, uncontrolled, unacceptable, acceptanceLapsed })
          const near = register.items.flatMap((entry) =>
            entry.deadlines
              .filter(
                (deadline) =>
                  !['met', 'met-late'].includes(deadline.state) && deadline.daysRemaining <= 30,
              )
              .map(({ id, title, due, state, daysRemaining }) => ({
                riskId: entry.id,
                riskTitle: entry.title,
                release: entry.releases?.join(', ') ?? null,
                id,
                title,
                due,
                state,
                daysRemaining,
              })),
          )
          expect([...product.deadlines].sort(byRiskAndId)).toEqual(near.sort(byRiskAndId))
          expect(product.deadlines.map((deadline) => deadline.daysRemaining)).toEqual(
            near.map((deadline) => deadline.daysRemaining).sort((a, b) => a - b),
          )
        }
      },
    )

    test('deadlines show only once missed or within 30 days', async () => {
      const counts = await Promise.all(
        DATES.map(async (date) => {
          const body = await portfolio(admin, `?date=${date}`)
          return body.products.find((product) => product.id === 'pump')?.deadlines ?? []
        }),
      )
      const [today, near, later] = counts
      expect(today).toEqual([])
      expect(near?.length).toBeGreaterThan(0)
      expect(near?.every((deadline) => deadline.state !== 'missed')).toBe(true)
      expect(later?.some((deadline) => deadline.state === 'missed')).toBe(true)
      // The pump's risk-acceptance re-reviews fall on two days; one is more than 30 days off.
      expect(near?.length).toBeLessThan(later?.length ?? 0)
    })

    test('releases carry the support phase and notice date that /info gives for the day', async () => {
      for (const date of DATES) {
        const body = await portfolio(admin, `?date=${date}`)
        for (const product of body.products.filter((item) => item.modelValid)) {
          const info = await get<{ releases: Record<string, unknown>[] }>(
            admin,
            `/api/products/${product.id}/info?date=${date}`,
          )
          expect(
            product.releases.map((release) => [
              release['version'],
              release['supportPhase'],
              release['endOfLife'],
              release['endOfSupport'],
              release['endOfSupportNoticeDue'],
            ]),
          ).toEqual(
            info.releases.map((release) => [
              release['version'],
              release['phase'],
              release['endOfLife'] ?? null,
              release['endOfSupport'] ?? null,
              release['endOfSupportNoticeDue'] ?? null,
            ]),
          )
        }
      }
      const detail = await get<{ releases: { version: string; releasedAt: string }[] }>(
        admin,
        '/api/products/pump',
      )
      const pump = (await portfolio(admin)).products.find((product) => product.id === 'pump')
      expect(pump?.releases.map((release) => [release['version'], release['releasedAt']])).toEqual(
        detail.releases.map((release) => [release.version, release.releasedAt]),
      )
    })

    test('finding counts are what the findings and product routes give, each finding once', async () => {
      const body = await portfolio(admin)
      for (const product of body.products.filter((item) => item.id !== 'broken')) {
        const findings = await get<{
          items: { findingId: string; vexStatus: string; kev: boolean }[]
        }>(admin, `/api/products/${product.id}/findings?limit=500`)
        const open = findings.items.filter((item) => !CLOSED.has(item.vexStatus))
        const distinct = (items: { findingId: string }[]) =>
          new Set(items.map((item) => item.findingId)).size
        const detail = await get<{ counts: { openFindings: number } }>(
          admin,
          `/api/products/${product.id}`,
        )
        expect(product.findings).toEqual({
          open: distinct(open),
          kev: distinct(open.filter((item) => item.kev)),
          // Never marked as seen: every finding is new.
          newSinceLastVisit: distinct(findings.items),
        })
        expect(product.findings.open).toBe(detail.counts.openFindings)
      }
      // Written out from ROWS: the busybox finding is open in 3.1.0 though not in 2.4.1.
      expect(body.products.find((product) => product.id === 'pump')?.findings).toEqual({
        open: 2,
        kev: 1,
        newSinceLastVisit: 3,
      })
    })

    test('a product whose model is not valid is listed with its findings, without risks', async () => {
      const broken = (await portfolio(admin)).products.find((product) => product.id === 'broken')
      expect(broken).toMatchObject({
        modelValid: false,
        revision: 1,
        releases: [],
        risks: null,
        deadlines: [],
        findings: { open: 1, kev: 0, newSinceLastVisit: 1 },
      })
    })

    test('a viewer granted one product sees only that product', async () => {
      const body = await portfolio(pumpViewer)
      const whole = await portfolio(admin)
      expect(body.products.map((product) => product.id)).toEqual(['pump'])
      expect(body.products[0]).toEqual(whole.products.find((product) => product.id === 'pump'))
      const nobody = await server.userWith([])
      expect((await portfolio(nobody)).products).toEqual([])
    })

    test('new findings count from the moment the user marked advisories as seen', async () => {
      const watcher = await server.userWith([{ productId: '*', role: 'viewer' }])
      now = new Date('2026-11-21T00:00:00Z')
      const marked = await server.app.inject({
        method: 'PATCH',
        url: '/api/session/preferences',
        headers: watcher.headers,
        payload: { advisoriesSeen: true },
      })
      expect(marked.statusCode, marked.body).toBe(200)
      now = START
      const body = await portfolio(watcher)
      expect(body.advisoriesSeenAt).toBe('2026-11-21T00:00:00.000Z')
      expect(
        Object.fromEntries(
          body.products.map((product) => [product.id, product.findings.newSinceLastVisit]),
        ),
      ).toEqual({ broken: 1, monitor: 1, pump: 0 })
      // Someone else's mark changes nothing for the admin.
      expect((await portfolio(admin)).advisoriesSeenAt).toBeNull()
    })

    test('a day that is not a calendar date is refused', async () => {
      const response = await server.app.inject({
        method: 'GET',
        url: '/api/portfolio?date=2026-02-30',
        headers: admin.headers,
      })
      expect(response.statusCode).toBe(400)
      expect(response.json()).toMatchObject({ error: { code: 'invalid-request' } })
    })
  })

  describe('advisories', () => {
    test('one item per vulnerability across products and releases, newest first sighting first', async () => {
      const body = await advisories(admin)
      expect(body.since).toBeNull()
      expect(body.total).toBe(4)
      expect(body.items.map((item) => [item.vulnerability, item.firstSeen])).toEqual([
        ['CVE-2024-4444', '2026-11-26T08:00:00.000Z'],
        ['CVE-2024-3333', '2026-11-25T08:00:00.000Z'],
        ['CVE-2024-2222', '2026-11-20T08:00:00.000Z'],
        ['CVE-2024-1111', '2026-09-15T08:00:00.000Z'],
      ])
      expect(body.items.every((item) => item.isNew)).toBe(true)
      expect(body.items[3]).toMatchObject({
        aliases: ['GHSA-1111-aaaa-bbbb', 'OSV-1111'],
        severity: 'Critical',
        cvssScore: 8.1,
        kev: false,
        epss: 0.42,
        summary: 'Buffer over-read',
        affected: [
          {
            productId: 'monitor',
            productName: 'Adatum VitalWatch Patient Monitoring System',
            release: '4.1.0',
            component: 'openssl-3-0-8',
            findingId: 'CVE-2024-1111@openssl-3-0-8',
            vexStatus: 'under_investigation',
          },
          {
            productId: 'pump',
            release: '2.4.1',
            component: 'openssl-1-1-1',
            vexStatus: 'untriaged',
          },
          { productId: 'pump', release: '3.1.0', component: 'openssl-3-0-1', vexStatus: 'fixed' },
        ],
      })
      const affected = body.items.flatMap((item) =>
        item.affected.map((place) => `${place.productId} ${place.release} ${place.findingId}`),
      )
      expect(affected.sort()).toEqual(
        ROWS.map(
          (item) => `${item.product} ${item.release} ${item.vulnerability}@${item.component}`,
        ).sort(),
      )
    })

    test('filters by KEV and by part of an id or component, and pages', async () => {
      const kev = await advisories(admin, '?kev=true')
      expect(kev.items.map((item) => item.vulnerability)).toEqual(['CVE-2024-2222'])
      expect(kev.total).toBe(1)
      const notKev = await advisories(admin, '?kev=false')
      expect(notKev.items.map((item) => item.vulnerability)).toEqual([
        'CVE-2024-4444',
        'CVE-2024-3333',
        'CVE-2024-1111',
      ])
      // Matched by one finding, listed with all of them.
      const byComponent = await advisories(admin, '?q=OPENSSL-3-0-8')
      expect(byComponent.items.map((item) => [item.vulnerability, item.affected.length])).toEqual([
        ['CVE-2024-1111', 3],
      ])
      const byAlias = await advisories(admin, '?q=osv-1111')
      expect(byAlias.items.map((item) => item.vulnerability)).toEqual(['CVE-2024-1111'])
      const page = await advisories(admin, '?limit=2&offset=1')
      expect(page.total).toBe(4)
      expect(page.items.map((item) => item.vulnerability)).toEqual([
        'CVE-2024-3333',
        'CVE-2024-2222',
      ])
    })

    test('a viewer granted one product sees only its findings', async () => {
      const body = await advisories(pumpViewer)
      expect(body.total).toBe(2)
      expect(body.items.map((item) => item.vulnerability)).toEqual([
        'CVE-2024-2222',
        'CVE-2024-1111',
      ])
      const openssl = body.items[1]
      expect(openssl?.affected.map((place) => place.productId)).toEqual(['pump', 'pump'])
      // Its first sighting is the pump's: the monitor's earlier one is not the viewer's to see.
      expect(openssl?.firstSeen).toBe('2026-10-01T08:00:00.000Z')
      expect(openssl?.aliases).toEqual(['GHSA-1111-aaaa-bbbb'])
    })

    test('new is against since when given, else against the mark the user set', async () => {
      const since = await advisories(admin, '?since=2026-11-22')
      expect(since.since).toBe('2026-11-22T00:00:00.000Z')
      expect(since.items.map((item) => [item.vulnerability, item.isNew])).toEqual([
        ['CVE-2024-4444', true],
        ['CVE-2024-3333', true],
        ['CVE-2024-2222', false],
        ['CVE-2024-1111', false],
      ])
      const reader = await server.userWith([{ productId: '*', role: 'auditor' }])
      now = new Date('2026-11-25T12:00:00Z')
      const marked = await server.app.inject({
        method: 'PATCH',
        url: '/api/session/preferences',
        headers: reader.headers,
        payload: { advisoriesSeen: true },
      })
      expect(marked.statusCode, marked.body).toBe(200)
      now = START
      const after = await advisories(reader)
      expect(after.since).toBe('2026-11-25T12:00:00.000Z')
      expect(after.items.filter((item) => item.isNew).map((item) => item.vulnerability)).toEqual([
        'CVE-2024-4444',
      ])
      const instead = await advisories(reader, '?since=2026-01-01T00:00:00Z')
      expect(instead.items.every((item) => item.isNew)).toBe(true)
    })

    test('since that is not a date or instant is refused', async () => {
      const response = await server.app.inject({
        method: 'GET',
        url: '/api/advisories?since=yesterday',
        headers: admin.headers,
      })
      expect(response.statusCode).toBe(400)
      expect(response.json()).toMatchObject({
        error: { code: 'invalid-request', details: [{ path: 'querystring/since' }] },
      })
    })
  })
})

const byRiskAndId = (a: Record<string, unknown>, b: Record<string, unknown>): number =>
  `${String(a['riskId'])} ${String(a['id'])}`.localeCompare(
    `${String(b['riskId'])} ${String(b['id'])}`,
  )
