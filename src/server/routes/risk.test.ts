import { readFileSync } from 'node:fs'

import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { parse } from 'yaml'

import {
  BUILT_IN_RULES,
  DEFAULT_RISK_POLICY,
  evaluateRiskRegister,
  generateThreats,
  type DeviceModel,
  type RiskPolicy,
} from '../../core/index.js'
import { loadModelFromFiles, readModelFolder } from '../../services/index.js'
import type { ModelFile } from '../../store/index.js'
import { storeDialects } from '../../../test/support/store-dialects.js'
import {
  openTestServer,
  type TestServer,
  type TestUser,
} from '../../../test/support/test-server.js'

const NOW = new Date('2026-11-29T09:30:00Z')
const TODAY = '2026-11-29'

interface EntryJson {
  id: string
  source: string
  status: string
  exploitability: string
  severity: string
  controlStatus: string
  acceptable: boolean
  residual: { exploitability: string; severity: string; acceptability: string }
  deadlines: { id: string; due: string; state: string }[]
}

interface ThreatJson {
  id: string
  stride: string[]
  element: string
  status: string
  rationale: string | null
  assessments: { threat: string; releases?: string[] }[]
}

/** The lines between the longest common head and tail of two texts. */
const lineDiff = (before: string, after: string) => {
  const a = before.split('\n')
  const b = after.split('\n')
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1
  let tail = 0
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  ) {
    tail += 1
  }
  return { removed: a.slice(head, a.length - tail), added: b.slice(head, b.length - tail) }
}

const loadValid = async (
  files: readonly ModelFile[],
): Promise<{ model: DeviceModel; policy: RiskPolicy }> => {
  const loaded = await loadModelFromFiles(files)
  if (loaded.model === undefined) throw new Error('the example is not valid')
  return { model: loaded.model, policy: loaded.riskPolicy ?? DEFAULT_RISK_POLICY }
}

describe.each(storeDialects)('threats and the risk register on $name', (dialect) => {
  let server: TestServer
  let engineer: TestUser
  let files: ModelFile[]

  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- each call names the body it expects
  const get = <T>(user: TestUser, url: string): Promise<{ body: T; etag: string | undefined }> =>
    server.app.inject({ method: 'GET', url, headers: user.headers }).then((response) => {
      expect(response.statusCode, response.body).toBe(200)
      return { body: response.json<T>(), etag: response.headers.etag }
    })

  /** Every item of a paged list, fetched page by page. */
  const all = async <T>(user: TestUser, url: string, limit = 7): Promise<T[]> => {
    const items: T[] = []
    for (let offset = 0; ; offset += limit) {
      const separator = url.includes('?') ? '&' : '?'
      const { body } = await get<{ items: T[]; total: number }>(
        user,
        `${url}${separator}limit=${String(limit)}&offset=${String(offset)}`,
      )
      items.push(...body.items)
      if (offset + limit >= body.total) return items
    }
  }

  beforeAll(async () => {
    server = await openTestServer(dialect, { now: () => NOW })
    const admin = await server.userWith([{ productId: '*', role: 'admin' }])
    engineer = await server.userWith([{ productId: 'pump', role: 'security-engineer' }])
    files = await readModelFolder('examples/insulin-pump')
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/products',
      headers: admin.headers,
      payload: { id: 'pump', files },
    })
    expect(created.statusCode, created.body).toBe(201)
  })
  afterAll(async () => {
    await server.dispose()
  })

  test('the register agrees with evaluateRiskRegister run on the same model, day and release', async () => {
    const { model, policy } = await loadValid(files)
    for (const release of [undefined, '2.4.1']) {
      const scope = release === undefined ? {} : { release }
      const threats = generateThreats(model, BUILT_IN_RULES, { date: TODAY, ...scope })
      const expected = evaluateRiskRegister(model, threats, policy, { today: TODAY, ...scope })
      const url = `/api/products/pump/risk-register${release === undefined ? '' : `?release=${release}`}`
      const entries = await all<EntryJson>(engineer, url, 9)
      expect(entries.map((e) => e.id)).toEqual(expected.entries.map((e) => e.id))
      expect(
        entries.map((e) => [e.controlStatus, e.acceptable, e.residual.acceptability, e.severity]),
      ).toEqual(
        expected.entries.map((e) => [
          e.controlStatus,
          e.acceptable,
          e.residual.acceptability,
          e.before.severity,
        ]),
      )
      expect(entries.flatMap((e) => e.deadlines.map((d) => `${d.id} ${d.due} ${d.state}`))).toEqual(
        expected.entries.flatMap((e) =>
          e.deadlines.map((d) => `${d.id} ${d.due} ${d.status.state}`),
        ),
      )
      const { body, etag } = await get<{ summary: unknown; date: string; release: string | null }>(
        engineer,
        url,
      )
      expect(body.summary).toEqual(expected.summary)
      expect(body.date).toBe(TODAY)
      expect(body.release).toBe(release ?? null)
      expect(etag).toBe('"r1"')
    }
  })

  test('register filters give exactly the entries that match, with the total for paging', async () => {
    const entries = await all<EntryJson>(engineer, '/api/products/pump/risk-register')
    const accepted = entries.filter((e) => e.acceptable)
    const fromFindings = entries.filter((e) => e.source === 'finding')
    expect(fromFindings.length).toBeGreaterThan(0)
    expect(fromFindings.length).toBeLessThan(entries.length)
    const acceptable = await get<{ items: EntryJson[]; total: number }>(
      engineer,
      '/api/products/pump/risk-register?acceptable=true&limit=500',
    )
    expect(acceptable.body.items.map((e) => e.id)).toEqual(accepted.map((e) => e.id))
    expect(acceptable.body.total).toBe(accepted.length)
    const findings = await get<{ items: EntryJson[] }>(
      engineer,
      '/api/products/pump/risk-register?source=finding&controlled=true&limit=500',
    )
    expect(findings.body.items.map((e) => e.id)).toEqual(
      fromFindings.filter((e) => e.controlStatus === 'controlled').map((e) => e.id),
    )
  })

  test("the matrix is the applied policy's: the model's policy file, else the example policy", async () => {
    const written = parse(readFileSync('examples/insulin-pump/risk-policy.yaml', 'utf8')) as {
      exploitability: { id: string; name: string }[]
      severities: string[]
      controlMatrix: Record<string, string[]>
      acceptabilityMatrix: Record<string, string[]>
    }
    const { body } = await get<{ matrix: unknown; policyIsExample: boolean }>(
      engineer,
      '/api/products/pump/risk-register?limit=1',
    )
    expect(body.policyIsExample).toBe(false)
    expect(body.matrix).toEqual({
      exploitability: written.exploitability.map(({ id, name }) => ({ id, name })),
      severities: written.severities,
      controlMatrix: written.controlMatrix,
      acceptabilityMatrix: written.acceptabilityMatrix,
    })

    const admin = await server.userWith([{ productId: '*', role: 'admin' }])
    const created = await server.app.inject({
      method: 'POST',
      url: '/api/products',
      headers: admin.headers,
      payload: { id: 'monitor', files: await readModelFolder('examples/patient-monitor') },
    })
    expect(created.statusCode, created.body).toBe(201)
    const example = await get<{ matrix: unknown; policyIsExample: boolean }>(
      admin,
      '/api/products/monitor/risk-register?limit=1',
    )
    expect(example.body.policyIsExample).toBe(true)
    expect(example.body.matrix).toEqual({
      exploitability: DEFAULT_RISK_POLICY.exploitability.map(({ id, name }) => ({ id, name })),
      severities: DEFAULT_RISK_POLICY.severities,
      controlMatrix: DEFAULT_RISK_POLICY.controlMatrix,
      acceptabilityMatrix: DEFAULT_RISK_POLICY.acceptabilityMatrix,
    })
  })

  test('an unknown release or an impossible day is a client error', async () => {
    const release = await server.app.inject({
      method: 'GET',
      url: '/api/products/pump/risk-register?release=9.9.9',
      headers: engineer.headers,
    })
    expect(release.statusCode).toBe(400)
    expect(release.json()).toMatchObject({ error: { code: 'unknown-release' } })
    const day = await server.app.inject({
      method: 'GET',
      url: '/api/products/pump/threats?date=2026-02-30',
      headers: engineer.headers,
    })
    expect(day.statusCode).toBe(400)
  })

  test('threats are those generateThreats gives, filtered by STRIDE category, status and element', async () => {
    const { model } = await loadValid(files)
    const expected = generateThreats(model, BUILT_IN_RULES, { date: TODAY })
    const threats = await all<ThreatJson>(engineer, '/api/products/pump/threats', 13)
    expect(threats.map((t) => [t.id, t.status])).toEqual(expected.map((t) => [t.id, t.status]))

    const spoofing = await all<ThreatJson>(engineer, '/api/products/pump/threats?category=spoofing')
    expect(spoofing.map((t) => t.id)).toEqual(
      expected.filter((t) => t.stride.includes('spoofing')).map((t) => t.id),
    )
    const open = await all<ThreatJson>(engineer, '/api/products/pump/threats?status=open')
    expect(open.length).toBe(expected.filter((t) => t.status === 'open').length)
    const element = expected[0]?.element ?? ''
    const onElement = await all<ThreatJson>(
      engineer,
      `/api/products/pump/threats?element=${element}`,
    )
    expect(onElement.every((t) => t.element === element)).toBe(true)
    expect(onElement.length).toBe(expected.filter((t) => t.element === element).length)
    const scoped = threats.find((t) => t.assessments.length > 1)
    expect(scoped?.assessments.every((a) => a.threat === scoped.id)).toBe(true)
  })

  describe('recording a threat assessment', () => {
    const put = (user: TestUser, threat: string, payload: object, ifMatch?: string) =>
      server.app.inject({
        method: 'PUT',
        url: `/api/products/pump/threats/${threat}/assessment`,
        headers: { ...user.headers, ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }) },
        payload,
      })

    const securityYaml = async (): Promise<string> => {
      const { body } = await get<{ files: ModelFile[] }>(engineer, '/api/products/pump/model')
      return body.files.find((file) => file.path === 'security.yaml')?.text ?? ''
    }

    test('changes that entry in the model, and the threat list and the register follow', async () => {
      const { model } = await loadValid(files)
      const open = generateThreats(model, BUILT_IN_RULES, { date: TODAY }).find(
        (t) => t.status === 'open' && t.rule !== undefined,
      )
      if (open === undefined) throw new Error('the example has no open generated threat')
      const control = model.controls[0]?.id ?? ''
      const before = await securityYaml()
      const response = await put(
        engineer,
        open.id,
        {
          status: 'mitigated',
          rationale: 'Covered by the first control after the design review.',
          controls: [control],
          reason: 'design review 12',
        },
        '"r1"',
      )
      expect(response.statusCode, response.body).toBe(200)
      expect(response.json()).toEqual({ revision: 2, changed: ['security.yaml'] })
      expect(response.headers.etag).toBe('"r2"')

      // Appended to the list as one block of lines; not one other line of the file changed.
      const { removed, added } = lineDiff(before, await securityYaml())
      expect(removed).toEqual([])
      expect(added).toEqual([
        `  - threat: ${open.id}`,
        '    status: mitigated',
        '    rationale: Covered by the first control after the design review.',
        `    controls: [${control}]`,
      ])
      const threats = await all<ThreatJson>(
        engineer,
        `/api/products/pump/threats?element=${open.element}`,
      )
      expect(threats.find((t) => t.id === open.id)).toMatchObject({
        status: 'mitigated',
        rationale: 'Covered by the first control after the design review.',
      })
      const register = await get<{ unevaluated: { id: string; status: string }[] }>(
        engineer,
        '/api/products/pump/risk-register',
      )
      expect(register.etag).toBe('"r2"')
      expect(register.body.unevaluated.find((risk) => risk.id === open.id)?.status).toBe(
        'mitigated',
      )
      const audit = await server.store.db
        .selectFrom('audit_events')
        .select(['actor', 'reason'])
        .where('action', '=', 'model.import')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow()
      expect(audit).toEqual({ actor: engineer.username, reason: 'design review 12' })
    })

    test('an unknown threat is 404, a missing If-Match 428, and a viewer is refused', async () => {
      const current = (await get(engineer, '/api/products/pump')).etag ?? ''
      const unknown = await put(
        engineer,
        'no-such-rule@pump',
        { status: 'open', rationale: 'x' },
        current,
      )
      expect(unknown.statusCode).toBe(404)
      const blind = await put(engineer, 'cgm-spoofing', { status: 'open', rationale: 'x' })
      expect(blind.statusCode).toBe(428)
      const viewer = await server.userWith([{ productId: 'pump', role: 'viewer' }])
      const refused = await put(viewer, 'cgm-spoofing', { status: 'open', rationale: 'x' }, current)
      expect(refused.statusCode).toBe(403)
      expect((await get(engineer, '/api/products/pump')).etag).toBe(current)
    })

    test('a field the model does not know is refused by name, not silently dropped', async () => {
      const current = (await get(engineer, '/api/products/pump')).etag ?? ''
      const response = await put(
        engineer,
        'cgm-spoofing',
        { status: 'mitigated', rationale: 'x', controlz: ['a'] },
        current,
      )
      expect(response.statusCode).toBe(400)
      expect(response.json()).toMatchObject({
        error: { details: [{ path: 'body/controlz' }] },
      })
    })
  })
})
