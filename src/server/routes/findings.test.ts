import { parse } from 'yaml'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { readModelFolder } from '../../services/index.js'
import type { ModelFile } from '../../store/index.js'
import { storeDialects } from '../../../test/support/store-dialects.js'
import {
  openTestServer,
  type TestServer,
  type TestUser,
} from '../../../test/support/test-server.js'

const NOW = new Date('2026-11-29T09:30:00Z')

interface Row {
  release: string
  vulnerability: string
  component: string
  severity: string | null
  cvss: number | null
  kev: boolean
  vex: string
}

/** What an evaluation could have stored: KEV and CVSS spread so that the order shows. */
const ROWS: readonly Row[] = [
  {
    release: '3.1.0',
    vulnerability: 'CVE-2024-0001',
    component: 'openssl-3-0-1',
    // As the evaluation stores it: the advisory's own spelling.
    severity: 'Critical',
    cvss: 9.8,
    kev: false,
    vex: 'untriaged',
  },
  {
    release: '3.1.0',
    vulnerability: 'CVE-2024-0002',
    component: 'openssl-3-0-1',
    severity: 'medium',
    cvss: 5.3,
    kev: true,
    vex: 'affected',
  },
  {
    release: '3.1.0',
    vulnerability: 'CVE-2024-0003',
    component: 'zlib-1-2-11',
    severity: null,
    cvss: null,
    kev: false,
    vex: 'under_investigation',
  },
  {
    release: '3.1.0',
    vulnerability: 'CVE-2024-0004',
    component: 'zlib-1-2-11',
    severity: 'high',
    cvss: 7.5,
    kev: false,
    vex: 'not_affected',
  },
  {
    release: '3.1.0',
    vulnerability: 'CVE-2024-0005',
    component: 'busybox-1-31',
    severity: 'high',
    cvss: 8.1,
    kev: true,
    vex: 'untriaged',
  },
  {
    release: '2.4.1',
    vulnerability: 'CVE-2024-0001',
    component: 'openssl-3-0-1',
    severity: 'critical',
    cvss: 9.8,
    kev: false,
    vex: 'fixed',
  },
  {
    release: '2.4.1',
    vulnerability: 'GHSA-abcd-efgh-ijkl',
    component: 'lodash-4-17-20',
    severity: 'low',
    cvss: 3.1,
    kev: false,
    vex: 'untriaged',
  },
]

const idOf = (row: Row) => `${row.vulnerability}@${row.component}`

/** The order people work in: known exploited first, then by CVSS from the highest, unscored last. */
const ordered = (rows: readonly Row[]) =>
  [...rows].sort(
    (a, b) =>
      Number(b.kev) - Number(a.kev) ||
      (b.cvss ?? -1) - (a.cvss ?? -1) ||
      idOf(a).localeCompare(idOf(b)) ||
      a.release.localeCompare(b.release),
  )

describe.each(storeDialects)('findings and VEX triage on $name', (dialect) => {
  let server: TestServer
  let reviewerA: TestUser
  let reviewerB: TestUser

  const findings = (query: string) =>
    server.app
      .inject({
        method: 'GET',
        url: `/api/products/pump/findings${query}`,
        headers: reviewerA.headers,
      })
      .then((response) => {
        expect(response.statusCode, response.body).toBe(200)
        return response.json<{
          items: {
            findingId: string
            release: string
            cvssScore: number | null
            kev: boolean
            aliases: string[]
          }[]
          total: number
        }>()
      })

  const triage = (user: TestUser, finding: string, payload: object, ifMatch?: string) =>
    server.app.inject({
      method: 'PUT',
      url: `/api/products/pump/findings/${encodeURIComponent(finding)}/triage`,
      headers: { ...user.headers, ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }) },
      payload,
    })

  const modelNow = async () => {
    const response = await server.app.inject({
      method: 'GET',
      url: '/api/products/pump/model',
      headers: reviewerA.headers,
    })
    const files = response.json<{ files: ModelFile[] }>().files
    return {
      etag: response.headers.etag ?? '',
      security: files.find((file) => file.path === 'security.yaml')?.text ?? '',
    }
  }

  beforeAll(async () => {
    server = await openTestServer(dialect, { now: () => NOW })
    const admin = await server.userWith([{ productId: '*', role: 'admin' }])
    reviewerA = await server.userWith([{ productId: 'pump', role: 'security-engineer' }])
    reviewerB = await server.userWith([{ productId: 'pump', role: 'risk-manager' }])
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/products',
      headers: admin.headers,
      payload: { id: 'pump', files: await readModelFolder('examples/insulin-pump') },
    })
    expect(created.statusCode, created.body).toBe(201)
    await server.store.db
      .insertInto('findings')
      .values(
        ROWS.map((row) => ({
          product_id: 'pump',
          release: row.release,
          finding_id: idOf(row),
          vulnerability: row.vulnerability,
          aliases: JSON.stringify([`${row.vulnerability}-alias`]),
          component: row.component,
          severity: row.severity,
          cvss_score: row.cvss,
          kev: row.kev ? 1 : 0,
          epss: null,
          vex_status: row.vex,
          summary: null,
          first_seen: '2026-11-01',
          evaluated_at: NOW.toISOString(),
          advisory_generation: null,
        })),
      )
      .execute()
  })
  afterAll(async () => {
    await server.dispose()
  })

  test('known exploited come first, then the highest CVSS, unscored last; pages add up to the whole', async () => {
    const whole = await findings('?limit=500')
    expect(whole.total).toBe(ROWS.length)
    expect(whole.items.map((f) => `${f.findingId} ${f.release}`)).toEqual(
      ordered(ROWS).map((row) => `${idOf(row)} ${row.release}`),
    )
    expect(whole.items.map((f) => [f.cvssScore, f.kev, f.aliases])).toEqual(
      ordered(ROWS).map((row) => [row.cvss, row.kev, [`${row.vulnerability}-alias`]]),
    )
    const first = await findings('?limit=3')
    const rest = await findings('?limit=3&offset=3')
    const last = await findings('?limit=3&offset=6')
    expect([...first.items, ...rest.items, ...last.items]).toEqual(whole.items)
    expect(last.items).toHaveLength(1)
  })

  test('filters by release, severity, KEV, VEX status and a part of the id or component', async () => {
    const expectMatches = async (query: string, keep: (row: Row) => boolean) => {
      const page = await findings(`${query}&limit=500`)
      expect(
        page.items.map((f) => `${f.findingId} ${f.release}`),
        query,
      ).toEqual(ordered(ROWS.filter(keep)).map((row) => `${idOf(row)} ${row.release}`))
      expect(page.total).toBe(ROWS.filter(keep).length)
    }
    await expectMatches('?release=2.4.1', (row) => row.release === '2.4.1')
    await expectMatches('?severity=high', (row) => row.severity === 'high')
    await expectMatches('?severity=critical', (row) => row.severity?.toLowerCase() === 'critical')
    await expectMatches('?kev=true', (row) => row.kev)
    await expectMatches('?kev=false&release=3.1.0', (row) => !row.kev && row.release === '3.1.0')
    await expectMatches('?vexStatus=untriaged', (row) => row.vex === 'untriaged')
    await expectMatches('?q=OPENSSL', (row) => row.component.includes('openssl'))
    await expectMatches('?q=ghsa-ABCD', (row) => row.vulnerability.startsWith('GHSA'))
  })

  test('the product page counts findings still open in any release once', async () => {
    const detail = await server.app.inject({
      method: 'GET',
      url: '/api/products/pump',
      headers: reviewerA.headers,
    })
    const open = new Set(
      ROWS.filter((r) => r.vex !== 'not_affected' && r.vex !== 'fixed').map(idOf),
    )
    expect(detail.json()).toMatchObject({ counts: { openFindings: open.size } })
  })

  test('two reviewers with the same ETag: the first triage wins, the second gets 412 and loses nothing', async () => {
    const { etag, security: original } = await modelNow()
    // Both opened the model at the same revision.
    const first = await triage(
      reviewerA,
      'CVE-2023-50447@pillow-9-5-0',
      {
        status: 'not_affected',
        justification: 'vulnerable_code_not_in_execute_path',
        detail: 'ReportLab never reaches ImageMath.eval; checked in review 14.',
        assessedBy: 'A. Reviewer',
        date: '2026-11-29',
        reason: 'ReportLab analysis finished',
      },
      etag,
    )
    expect(first.statusCode, first.body).toBe(200)
    const second = await triage(
      reviewerB,
      'CVE-2023-36053@django-3-2-18',
      { status: 'fixed', detail: 'Django 4.2 deployed.' },
      etag,
    )
    expect(second.statusCode).toBe(412)
    expect(second.headers.etag).toBe(first.headers.etag)

    // The first decision is stored; the second changed nothing, and can be sent again on the new revision.
    const between = await modelNow()
    expect(between.etag).toBe(first.headers.etag)
    const retried = await triage(
      reviewerB,
      'CVE-2023-36053@django-3-2-18',
      { status: 'fixed', detail: 'Django 4.2 deployed.' },
      between.etag,
    )
    expect(retried.statusCode, retried.body).toBe(200)
    const decisions = (
      parse((await modelNow()).security) as {
        findingAssessments: { finding: string; status: string }[]
      }
    ).findingAssessments
    expect(decisions.find((d) => d.finding === 'CVE-2023-50447@pillow-9-5-0')?.status).toBe(
      'not_affected',
    )
    expect(decisions.find((d) => d.finding === 'CVE-2023-36053@django-3-2-18')?.status).toBe(
      'fixed',
    )
    const originalCount = (parse(original) as { findingAssessments: unknown[] }).findingAssessments
      .length
    expect(decisions).toHaveLength(originalCount)
  })

  test('two triage saves sent at the same moment on one revision: one is stored, the other refused', async () => {
    const { etag } = await modelNow()
    const decisions = await Promise.all([
      triage(
        reviewerA,
        'CVE-2024-29041@express-4-18-2',
        { status: 'fixed', detail: 'Express 4.19.2.' },
        etag,
      ),
      triage(
        reviewerB,
        'CVE-2021-23337@lodash-4-17-20',
        { status: 'fixed', detail: 'lodash 4.17.21.' },
        etag,
      ),
    ])
    expect(decisions.map((d) => d.statusCode).sort()).toEqual([200, 412])
    const stored = (
      parse((await modelNow()).security) as {
        findingAssessments: { finding: string; status: string }[]
      }
    ).findingAssessments.filter((d) => d.status === 'fixed')
    const won = decisions[0].statusCode === 200 ? 'express' : 'lodash'
    const lost = won === 'express' ? 'lodash' : 'express'
    expect(stored.some((d) => d.finding.includes(won))).toBe(true)
    expect(stored.some((d) => d.finding.includes(lost))).toBe(false)
  })

  test('a triage edit changes only that entry: every comment and every other line stays', async () => {
    const before = await modelNow()
    const response = await triage(
      reviewerA,
      'CVE-2021-44906@minimist-1-2-5',
      {
        status: 'not_affected',
        justification: 'vulnerable_code_not_in_execute_path',
        detail: 'Only the CLI entry point parses arguments; the portal does not run it.',
      },
      before.etag,
    )
    expect(response.statusCode, response.body).toBe(200)
    const after = await modelNow()
    // The entry's own lines, up to the next entry or the end of the file.
    const start = before.security.indexOf('  - finding: CVE-2021-44906@minimist-1-2-5\n')
    const next = before.security.indexOf('\n  - ', start)
    const end = next === -1 ? before.security.length : next + 1
    expect(start).toBeGreaterThan(0)
    expect(after.security).toBe(
      before.security.slice(0, start) +
        [
          '  - finding: CVE-2021-44906@minimist-1-2-5',
          '    status: not_affected',
          '    justification: vulnerable_code_not_in_execute_path',
          '    detail: Only the CLI entry point parses arguments; the portal does not run it.',
          '',
        ].join('\n') +
        before.security.slice(end),
    )
    const comments = (text: string) =>
      text.split('\n').filter((line) => line.trimStart().startsWith('#'))
    expect(comments(after.security)).toEqual(comments(before.security))
  })

  test('a triage that breaks the model is refused at its line, and a viewer may not triage', async () => {
    const { etag, security } = await modelNow()
    const invalid = await triage(
      reviewerA,
      'CVE-2022-23529@jsonwebtoken-8-5-1',
      { status: 'affected', justification: 'vulnerable_code_not_present' },
      etag,
    )
    expect(invalid.statusCode).toBe(422)
    const details = invalid.json<{ error: { details: { path: string; message: string }[] } }>()
      .error.details
    expect(
      details.some(
        (d) => /^security\.yaml:\d+:\d+$/.test(d.path) && d.message.includes('justification'),
      ),
    ).toBe(true)
    expect((await modelNow()).security).toBe(security)

    const viewer = await server.userWith([{ productId: 'pump', role: 'viewer' }])
    const refused = await triage(
      viewer,
      'CVE-2022-23529@jsonwebtoken-8-5-1',
      { status: 'fixed' },
      etag,
    )
    expect(refused.statusCode).toBe(403)
    expect((await modelNow()).etag).toBe(etag)
  })
})
