import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { stringify } from 'yaml'

import { readModelFolder } from '../../services/index.js'
import { minimalModel } from '../../../test/support/minimal-model.js'
import { storeDialects } from '../../../test/support/store-dialects.js'
import {
  openTestServer,
  type TestServer,
  type TestUser,
} from '../../../test/support/test-server.js'

const NOW = new Date('2026-11-29T09:30:00Z')

const HEADER = 'customer,site,release,units,contact_name,contact_email,deployed_on,retired_on'
const GOOD = [
  HEADER,
  'St. Mary,Ward 4,2.4.1,12,Ana Ito,ana@stmary.example,2019-05-01,',
  'St. Mary,Clinic,3.1.0,4,Ana Ito,ana@stmary.example,2023-09-01,',
  'Lakeside,Main,2.4.1,5,,,2019-06-01,2024-01-15',
  'Lakeside,Main,3.1.0,5,,,2024-01-15,',
].join('\n')

/**
 * 1.0 (2024-01-01) carries A; 1.1 (2024-03-01) fixes it; 2.0 (2025-01-01) fixes B, which 1.0 and
 * 1.1 carry. The figures in the metrics test are counted by hand from these dates.
 */
const metricsModel = () => {
  const model = minimalModel()
  const release = (version: string, date: string) => ({
    version,
    date,
    changeType: 'security-patch',
  })
  return [
    {
      path: 'medcyber.yaml',
      text: stringify({
        ...model,
        sboms: [],
        releases: [
          release('1.0', '2024-01-01'),
          release('1.1', '2024-03-01'),
          release('2.0', '2025-01-01'),
        ],
        findingAssessments: [
          { finding: 'A@freertos', status: 'fixed', releases: ['1.1', '2.0'] },
          {
            finding: 'B@freertos',
            status: 'affected',
            releases: ['1.0', '1.1'],
            identified: '2024-06-01',
          },
          { finding: 'B@freertos', status: 'fixed', releases: ['2.0'] },
        ],
      }),
    },
  ]
}

describe.each(storeDialects)('installed base and metrics on $name', (dialect) => {
  let server: TestServer
  let editor: TestUser
  let viewer: TestUser

  const put = (productId: string, csv: string, user = editor, type = 'text/csv') =>
    server.app.inject({
      method: 'PUT',
      url: `/api/products/${productId}/installed-base?reason=customer%20list`,
      headers: { ...user.headers, 'content-type': type },
      payload: csv,
    })
  const get = async (productId: string, query = '') => {
    const response = await server.app.inject({
      method: 'GET',
      url: `/api/products/${productId}/installed-base${query}`,
      headers: viewer.headers,
    })
    expect(response.statusCode, response.body).toBe(200)
    return response.json<{
      importedAt: string | null
      entries: { customer: string }[]
      exposure: { release: string; customers: number; sites: number; units: number }[]
    }>()
  }

  beforeAll(async () => {
    server = await openTestServer(dialect, { now: () => NOW })
    const admin = await server.userWith([{ productId: '*', role: 'admin' }])
    for (const [id, files] of [
      ['pump', await readModelFolder('examples/insulin-pump')],
      ['metrics', metricsModel()],
    ] as const) {
      const created = await server.app.inject({
        method: 'POST',
        url: '/api/products',
        headers: admin.headers,
        payload: { id, files },
      })
      expect(created.statusCode, created.body).toBe(201)
    }
    editor = await server.userWith([
      { productId: 'pump', role: 'security-engineer' },
      { productId: 'metrics', role: 'security-engineer' },
    ])
    viewer = await server.userWith([
      { productId: 'pump', role: 'viewer' },
      { productId: 'metrics', role: 'viewer' },
    ])
  }, 60_000)
  afterAll(async () => {
    await server.dispose()
  })

  test('an import replaces the installed base; exposure counts who runs each release', async () => {
    expect((await get('pump')).importedAt).toBeNull()
    const response = await put('pump', GOOD)
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json()).toEqual({ rows: 4, replaced: 0, importedAt: NOW.toISOString() })
    const body = await get('pump')
    expect(body.entries.map((item) => item.customer)).toEqual([
      'St. Mary',
      'St. Mary',
      'Lakeside',
      'Lakeside',
    ])
    expect(body.exposure).toEqual([
      { release: '2.4.1', customers: 1, sites: 1, units: 12 },
      { release: '3.1.0', customers: 2, sites: 2, units: 9 },
    ])
    // The lifecycle overview counts who is still on each release nearing end of support.
    const lifecycle = await server.app.inject({
      method: 'GET',
      url: '/api/products/pump/lifecycle',
      headers: viewer.headers,
    })
    expect(
      lifecycle
        .json<{ releases: { version: string; installedBase: unknown }[] }>()
        .releases.map((release) => [release.version, release.installedBase]),
    ).toEqual([
      ['2.4.1', { customers: 1, sites: 1, units: 12 }],
      ['3.1.0', { customers: 2, sites: 2, units: 9 }],
    ])
    // Before Lakeside moved to 3.1.0 it ran 2.4.1.
    expect((await get('pump', '?date=2023-12-31')).exposure).toEqual([
      { release: '2.4.1', customers: 2, sites: 2, units: 17 },
      { release: '3.1.0', customers: 1, sites: 1, units: 4 },
    ])
  })

  test('a file with a bad row is refused whole, with line and column, and the old one stays', async () => {
    expect((await put('pump', GOOD)).statusCode).toBe(200)
    const bad = `${GOOD}\nNew Clinic,Main,9.9.9,1,,,2026-01-10,\n`
    const response = await put('pump', bad)
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({
      error: {
        code: 'invalid-csv',
        details: [
          {
            path: 'body:6:release',
            message: 'line 6, column release: 9.9.9 is not a release of this product',
          },
        ],
      },
    })
    expect((await get('pump')).entries).toHaveLength(4)
  })

  test('the import is in the audit trail, with the reason', async () => {
    const admin = await server.userWith([{ productId: '*', role: 'admin' }])
    const response = await server.app.inject({
      method: 'GET',
      url: '/api/products/pump/audit',
      headers: admin.headers,
    })
    const events = response.json<{ items?: { action: string; reason: string | null }[] }>()
    const text = JSON.stringify(events)
    expect(text).toContain('installed-base.import')
    expect(text).toContain('customer list')
  })

  test.each([
    ['a viewer', () => put('pump', GOOD, viewer), 403],
    ['JSON instead of CSV', () => put('pump', '{}', editor, 'application/json'), 400],
    ['an unknown product', () => put('missing', GOOD), 403],
  ])('%s is refused', async (_what, call, status) => {
    expect((await call()).statusCode).toBe(status)
  })

  test('metrics per quarter, counted by hand', async () => {
    // The store's evaluation first saw A on 1.0 on 2024-01-11.
    await server.store.db
      .insertInto('findings')
      .values({
        product_id: 'metrics',
        release: '1.0',
        finding_id: 'A@freertos',
        vulnerability: 'A',
        aliases: '[]',
        component: 'freertos',
        severity: null,
        cvss_score: null,
        kev: 0,
        epss: null,
        vex_status: 'affected',
        summary: null,
        first_seen: '2024-01-11T08:00:00.000Z',
        evaluated_at: '2024-01-11T08:00:00.000Z',
        advisory_generation: null,
      })
      .execute()
    const csv = [
      HEADER,
      'Acme,North,1.0,2,,,2024-01-05,2024-03-20',
      'Acme,North,1.1,2,,,2024-03-20,',
      'Acme,South,1.0,2,,,2024-01-05,2024-04-10',
    ].join('\n')
    expect((await put('metrics', csv)).statusCode).toBe(200)
    const response = await server.app.inject({
      method: 'GET',
      url: '/api/products/metrics/metrics?from=2024-01-01&to=2024-12-31&bucket=quarter&date=2025-06-30',
      headers: viewer.headers,
    })
    expect(response.statusCode, response.body).toBe(200)
    const body = response.json<{
      installedBase: boolean
      total: Record<string, unknown>
      periods: { label: string; metrics: Record<string, unknown> }[]
    }>()
    expect(body.installedBase).toBe(true)
    // A: 2024-01-11 -> 2024-03-01 = 50 days to patch; the last exposed site (Acme South) left 1.0
    // on 2024-04-10, 40 days after. B: 2024-06-01 -> 2025-01-01 = 214 days; Acme North still
    // runs 1.1, so B is not fully deployed.
    expect(body.total).toMatchObject({
      identified: 2,
      patched: 2,
      percentPatched: 100,
      meanDaysToPatch: 132,
      meanDaysToDeploy: 40,
      deploymentsPending: 1,
    })
    expect(
      body.periods.map((p) => [p.label, p.metrics['identified'], p.metrics['meanDaysToPatch']]),
    ).toEqual([
      ['2024-Q1', 1, 50],
      ['2024-Q2', 1, 214],
      ['2024-Q3', 0, null],
      ['2024-Q4', 0, null],
    ])
  })

  test.each([
    ['?from=2025-01-01&to=2024-01-01', 'from 2025-01-01 is after to 2024-01-01'],
    ['?from=2000-01-01&to=2026-01-01&bucket=month', '313 periods of a month; at most 240'],
    ['?bucket=week', 'the request does not match the API description (see details)'],
  ])('metrics%s is refused', async (query, message) => {
    const response = await server.app.inject({
      method: 'GET',
      url: `/api/products/metrics/metrics${query}`,
      headers: viewer.headers,
    })
    expect(response.statusCode).toBe(400)
    expect(response.json()).toMatchObject({ error: { message } })
  })
})
