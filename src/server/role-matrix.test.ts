import { fileURLToPath } from 'node:url'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createProductFromFiles, readModelFolder } from '../services/index.js'
import { storeDialects } from '../../test/support/store-dialects.js'
import { openTestServer, type TestServer, type TestUser } from '../../test/support/test-server.js'
import { ROLES, type Role } from './index.js'

const EXAMPLE = fileURLToPath(new URL('../../examples/insulin-pump', import.meta.url))

/**
 * Who may call each route, written out by hand from the role descriptions rather than
 * read from the role table, so a route that declares the wrong permission (or a role table that
 * drifts) fails here. `product` routes are tried with roles on the product, `global` routes with
 * roles on `*`. A route missing from this table fails the test too.
 */
const EVERYONE: readonly Role[] = ROLES
const EDITORS: readonly Role[] = ['admin', 'security-engineer']
const ASSESSORS: readonly Role[] = ['admin', 'security-engineer', 'risk-manager']
type Expectation =
  | 'public'
  | 'signed-in'
  | { readonly product: readonly Role[] }
  | { readonly global: readonly Role[] }
const EXPECTED: Readonly<Record<string, Expectation>> = {
  'GET /api/health': 'public',
  'POST /api/session': 'public',
  'GET /api/auth/oidc/login': 'public',
  'GET /api/auth/oidc/callback': 'public',
  'GET /api/session': 'signed-in',
  'DELETE /api/session': 'signed-in',
  'POST /api/session/password': 'signed-in',
  'PATCH /api/session/preferences': 'signed-in',
  'GET /api/tokens': 'signed-in',
  'POST /api/tokens': 'signed-in',
  'DELETE /api/tokens/:tokenId': 'signed-in',
  'GET /api/products': 'signed-in',
  'GET /api/portfolio': 'signed-in',
  'GET /api/advisories': 'signed-in',
  'GET /api/jobs/:jobId': 'signed-in',
  'GET /api/users': { global: ['admin'] },
  'POST /api/users': { global: ['admin'] },
  'PATCH /api/users/:userId': { global: ['admin'] },
  'PUT /api/users/:userId/roles/:role': { global: ['admin'] },
  'DELETE /api/users/:userId/roles/:role': { global: ['admin'] },
  'POST /api/products': { global: ['admin'] },
  'GET /api/audit': { global: ['admin', 'auditor'] },
  'GET /api/audit/verify': { global: ['admin', 'auditor'] },
  'POST /api/jobs/feeds-sync': { global: EDITORS },
  'GET /api/products/:productId': { product: EVERYONE },
  'GET /api/products/:productId/model': { product: EVERYONE },
  'PUT /api/products/:productId/model': { product: EDITORS },
  'PATCH /api/products/:productId/model': { product: EDITORS },
  'GET /api/products/:productId/architecture': { product: EVERYONE },
  'GET /api/products/:productId/threats': { product: EVERYONE },
  'GET /api/products/:productId/risk-register': { product: EVERYONE },
  'PUT /api/products/:productId/threats/:threatId/assessment': { product: ASSESSORS },
  'GET /api/products/:productId/findings': { product: EVERYONE },
  'PUT /api/products/:productId/findings/:findingId/triage': { product: ASSESSORS },
  'POST /api/products/:productId/approvals/reviewed': {
    product: ['security-engineer', 'risk-manager', 'clinical-reviewer', 'approver'],
  },
  'POST /api/products/:productId/approvals/approved': { product: ['approver'] },
  'POST /api/products/:productId/approvals/risk-accepted': { product: ['approver'] },
  'GET /api/products/:productId/approvals': { product: EVERYONE },
  'GET /api/products/:productId/audit': { product: ['admin', 'auditor'] },
  'POST /api/products/:productId/documents': {
    product: ['admin', 'security-engineer', 'risk-manager', 'approver'],
  },
  'GET /api/products/:productId/documents': { product: EVERYONE },
  'GET /api/products/:productId/documents/:documentId': { product: EVERYONE },
  'POST /api/products/:productId/evaluate': { product: EDITORS },
  'GET /api/vulnerabilities/:vulnerabilityId/impact': 'signed-in',
  'GET /api/products/:productId/vex': { product: EVERYONE },
  'GET /api/products/:productId/sbom': { product: EVERYONE },
  'GET /api/products/:productId/coverage': { product: EVERYONE },
  'GET /api/products/:productId/views': { product: EVERYONE },
  'GET /api/products/:productId/views/:viewId': { product: EVERYONE },
  'GET /api/products/:productId/issues': { product: EVERYONE },
  'GET /api/products/:productId/info': { product: EVERYONE },
  'GET /api/products/:productId/lifecycle': { product: EVERYONE },
  // Monitoring (issue 9 part A): notification settings are the admin's; alerts are listed
  // over the products one may read and acknowledged with finding:triage on the alert's product,
  // checked in the handler (an alert id names no product in the path).
  'GET /api/settings/notifications': { global: ['admin'] },
  'PUT /api/settings/notifications': { global: ['admin'] },
  'POST /api/settings/notifications/test': { global: ['admin'] },
  'GET /api/alerts': 'signed-in',
  'POST /api/alerts/:alertId/acknowledge': 'signed-in',
  'PUT /api/products/:productId/installed-base': { product: EDITORS },
  'GET /api/products/:productId/installed-base': { product: EVERYONE },
  'GET /api/products/:productId/metrics': { product: EVERYONE },
  // Coordinated disclosure (issue 9 part C): anyone may report; reports about unfixed flaws
  // are for those who triage findings on every product; the settings are the admin's.
  'GET /api/disclosures/form': 'public',
  'POST /api/disclosures': 'public',
  'GET /api/disclosures': { global: ASSESSORS },
  'GET /api/disclosures/:reportId': { global: ASSESSORS },
  'PATCH /api/disclosures/:reportId': { global: ASSESSORS },
  'POST /api/disclosures/:reportId/transitions': { global: ASSESSORS },
  'POST /api/disclosures/:reportId/notes': { global: ASSESSORS },
  'GET /api/disclosures/:reportId/csaf': { global: ASSESSORS },
  'GET /api/disclosures/:reportId/notice': { global: ASSESSORS },
  'GET /api/settings/disclosure': { global: ['admin'] },
  'PUT /api/settings/disclosure': { global: ['admin'] },
  // Regulatory clocks (issue 9 part B): deciding and closing clocks is the assessors' work.
  'PUT /api/products/:productId/releases/:release/decisions/:subject': { product: ASSESSORS },
  'GET /api/products/:productId/decisions': { product: EVERYONE },
  'POST /api/products/:productId/releases/:release/events': { product: ASSESSORS },
  'POST /api/products/:productId/clocks/:clockId/evidence': { product: ASSESSORS },
  'POST /api/products/:productId/clocks/:clockId/withdrawal': { product: ASSESSORS },
  'GET /api/clocks': 'signed-in',
  'POST /api/clocks/reminders/run': { global: ['admin'] },
}

const PARAMS: Readonly<Record<string, string>> = {
  productId: 'pump',
  threatId: 'legacy-bolus-replay',
  findingId: 'CVE-2018-16525@freertos-kernel-10-0-0',
  tokenId: '00000000-0000-4000-8000-000000000001',
  documentId: '00000000-0000-4000-8000-000000000002',
  jobId: '00000000-0000-4000-8000-000000000003',
  role: 'viewer',
  vulnerabilityId: 'CVE-2021-44228',
  viewId: 'global',
  alertId: '00000000-0000-4000-8000-000000000006',
  reportId: '00000000-0000-4000-8000-000000000005',
  release: '2.4.1',
  subject: 'CVE-2018-16525@freertos-kernel-10-0-0',
  clockId: '00000000-0000-4000-8000-000000000004',
}

describe.each(storeDialects)('role matrix on $name', (dialect) => {
  let server: TestServer
  /** Per role: a user holding it on `pump`, one holding it on `*`, one holding it on `other`. */
  const onProduct = new Map<Role, TestUser>()
  const onEvery = new Map<Role, TestUser>()
  const onOther = new Map<Role, TestUser>()
  let noRoles: TestUser

  beforeAll(async () => {
    server = await openTestServer(dialect)
    const files = await readModelFolder(EXAMPLE)
    for (const productId of ['pump', 'other']) {
      const created = await createProductFromFiles(server.store, files, {
        actor: 'test',
        reason: null,
        productId,
      })
      expect(created.ok).toBe(true)
    }
    for (const role of ROLES) {
      onProduct.set(role, await server.userWith([{ productId: 'pump', role }]))
      onEvery.set(role, await server.userWith([{ productId: '*', role }]))
      onOther.set(role, await server.userWith([{ productId: 'other', role }]))
    }
    noRoles = await server.userWith([])
  }, 60_000)

  afterAll(async () => {
    await server.dispose()
  })

  const call = async (
    method: string,
    url: string,
    user: TestUser | undefined,
  ): Promise<{ status: number; code: string | undefined }> => {
    const filled = url.replace(/:(\w+)/g, (_, name: string) => {
      if (name === 'userId') return noRoles.id
      const value = PARAMS[name]
      if (value === undefined) throw new Error(`no value for :${name} in ${url}`)
      return value
    })
    const response = await server.app.inject({
      method: method as 'GET',
      url: filled,
      ...(user === undefined ? {} : { headers: user.headers }),
      ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
    })
    const body: { error?: { code?: string } } = String(response.headers['content-type']).includes(
      'json',
    )
      ? response.json()
      : {}
    const code = body.error?.code
    return { status: response.statusCode, code }
  }

  /** Who tries the route and whether they should be let in. */
  const triesFor = (expected: Expectation): [string, TestUser, boolean][] => {
    const signedIn = expected === 'signed-in'
    const forProduct = typeof expected === 'object' && 'product' in expected
    const listed = (role: Role): boolean =>
      typeof expected === 'object' &&
      ('product' in expected ? expected.product : expected.global).includes(role)
    const tries: [string, TestUser, boolean][] = [['no roles', noRoles, signedIn]]
    for (const role of ROLES) {
      tries.push([
        `${role} on pump`,
        onProduct.get(role)!,
        signedIn || (forProduct && listed(role)),
      ])
      tries.push([`${role} on *`, onEvery.get(role)!, signedIn || listed(role)])
      tries.push([`${role} on other`, onOther.get(role)!, signedIn])
    }
    return tries
  }

  const isRefused = (answer: { status: number; code: string | undefined }): boolean =>
    answer.status === 401 || (answer.status === 403 && answer.code === 'forbidden')

  it('every route has an expectation, and every expectation a route', () => {
    const routes = server.app.declaredRoutes.map((route) => `${route.method} ${route.url}`)
    expect([...routes].sort()).toEqual(Object.keys(EXPECTED).sort())
  })

  it('each route admits exactly the roles expected, and refuses everyone else', async () => {
    const wrong: string[] = []
    for (const route of server.app.declaredRoutes) {
      const key = `${route.method} ${route.url}`
      const expected = EXPECTED[key]
      if (expected === undefined) continue
      const anonymous = await call(route.method, route.url, undefined)
      if ((expected === 'public') === isRefused(anonymous)) {
        wrong.push(`${key} anonymous: ${String(anonymous.status)}`)
      }
      if (expected === 'public') continue
      if (expected !== 'signed-in' && anonymous.status !== 401) {
        wrong.push(`${key} anonymous: ${String(anonymous.status)}, expected 401`)
      }
      const tries = triesFor(expected)
      for (const [who, user, admitted] of tries) {
        const answer = await call(route.method, route.url, user)
        if (admitted === isRefused(answer)) {
          wrong.push(
            `${key} as ${who}: ${String(answer.status)} ${answer.code ?? ''}, expected ${admitted ? 'admitted' : '403 forbidden'}`,
          )
        }
      }
    }
    expect(wrong).toEqual([])
  }, 120_000)
})
