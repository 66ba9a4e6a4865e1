import path from 'node:path'

import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import type { JobQueue } from '../../jobs/index.js'
import { readModelFolder } from '../../services/index.js'
import { feedsSyncHandler } from '../../services/jobs/feeds-sync.js'
import { evaluatePortfolio } from '../../services/jobs/portfolio-evaluate.js'
import { importModel } from '../../store/index.js'
import { EXAMPLES_DIR, exampleNames } from '../../../test/support/model-folders.js'
import { realMirror } from '../../../test/support/real-mirror.js'
import { runCli } from '../../../test/support/run-cli.js'
import { storeDialects } from '../../../test/support/store-dialects.js'
import { tempDir } from '../../../test/support/temp-dir.js'
import {
  openTestServer,
  type TestServer,
  type TestUser,
} from '../../../test/support/test-server.js'

const NOW = new Date('2026-11-28T10:00:00Z')

/** Log4Shell by its CVE, and a Pillow flaw by its GitHub id (the findings carry its CVE). */
const LOG4SHELL = 'CVE-2021-44228'
const PILLOW_GHSA = 'GHSA-3f63-hfp8-52jq'

interface CliImpact {
  advisories: string[]
  scanned: number
  products: {
    folder: string
    components: {
      component: string
      finding: string
      releases: { release: string; status: string; linkedRisk: string | null; reopens: boolean }[]
    }[]
  }[]
}

interface LinkedRisk {
  id: string
  controlStatus: string
  acceptable: boolean
  resolved: boolean
}

interface ApiImpact {
  vulnerability: string
  ids: string[]
  scanned: number
  products: {
    productId: string
    modelValid: boolean
    releases: {
      release: string
      findings: {
        findingId: string
        component: string
        vexStatus: string
        kev: boolean
        severity: string | null
        cvssScore: number | null
        linkedRisk: LinkedRisk | null
        reopens: boolean
      }[]
    }[]
  }[]
}

/** One line per product, release and finding: what both answers must agree on. */
const cliRows = (impact: CliImpact): string[] =>
  impact.products
    .flatMap((product) =>
      product.components.flatMap((component) =>
        component.releases.map((release) =>
          [
            path.basename(product.folder),
            release.release,
            component.component,
            component.finding,
            release.status,
            release.linkedRisk === null ? 'no risk' : 'linked risk',
            release.reopens ? 're-opens' : 'stays',
          ].join(' '),
        ),
      ),
    )
    .sort()

const apiRows = (impact: ApiImpact): string[] =>
  impact.products
    .flatMap((product) =>
      product.releases.flatMap((release) =>
        release.findings.map((finding) =>
          [
            product.productId,
            release.release,
            finding.component,
            finding.findingId,
            finding.vexStatus,
            finding.linkedRisk === null ? 'no risk' : 'linked risk',
            finding.reopens ? 're-opens' : 'stays',
          ].join(' '),
        ),
      ),
    )
    .sort()

const idle: JobQueue = {
  send: () => Promise.resolve('not-queued'),
  get: () => Promise.resolve(undefined),
  work: () => Promise.resolve(),
  stop: () => Promise.resolve(),
}

let dataDir: string
beforeAll(async () => {
  dataDir = tempDir('impact-advisories')
  await feedsSyncHandler({
    queue: idle,
    dataDir,
    plan: { sources: ['osv', 'nvd', 'kev'], mirror: realMirror() },
  })({}, { jobId: 'impact-test' })
}, 120_000)

describe.each(storeDialects)('vulnerability impact on $name', (dialect) => {
  let server: TestServer
  let everything: TestUser
  let plannerOnly: TestUser
  let nobody: TestUser

  const impact = async (user: TestUser, id: string, query = ''): Promise<ApiImpact> => {
    const response = await server.app.inject({
      method: 'GET',
      url: `/api/vulnerabilities/${encodeURIComponent(id)}/impact${query}`,
      headers: user.headers,
    })
    expect(response.statusCode, response.body).toBe(200)
    return response.json<ApiImpact>()
  }

  beforeAll(async () => {
    server = await openTestServer(dialect, { now: () => NOW })
    // Product ids are the example folder names, so both answers name products alike.
    for (const name of exampleNames()) {
      const imported = await importModel(
        server.store,
        name,
        await readModelFolder(path.join(EXAMPLES_DIR, name)),
        { expectedRevision: 0, actor: 'test', reason: null },
      )
      expect(imported.ok).toBe(true)
    }
    await evaluatePortfolio(server.store, dataDir)
    everything = await server.userWith([{ productId: '*', role: 'viewer' }])
    plannerOnly = await server.userWith([{ productId: 'radiotherapy-planning', role: 'auditor' }])
    nobody = await server.userWith([])
  }, 120_000)
  afterAll(async () => {
    await server.dispose()
  })

  test.each([LOG4SHELL, PILLOW_GHSA])(
    '%s touches the products, releases and components medcyber impact names, with the same triage and re-opened risks',
    async (id) => {
      const result = await runCli(['impact', id, '--data-dir', dataDir, '--json'])
      expect(result.code, result.stderr).toBe(0)
      const expected = JSON.parse(result.stdout) as CliImpact
      expect(expected.products.length).toBeGreaterThan(0)
      const answer = await impact(everything, id)
      expect(apiRows(answer)).toEqual(cliRows(expected))
      expect(answer.scanned).toBe(expected.scanned)
      expect(answer.ids).toEqual(expect.arrayContaining(expected.advisories))
    },
  )

  test('ids are matched ignoring case, by alias as by the id itself', async () => {
    const byGhsa = await impact(everything, PILLOW_GHSA.toLowerCase())
    const cve = byGhsa.products[0]?.releases[0]?.findings[0]?.findingId.split('@')[0] ?? ''
    expect(cve).toMatch(/^CVE-/)
    expect(apiRows(await impact(everything, cve))).toEqual(apiRows(byGhsa))
    expect((await impact(everything, 'CVE-1999-0001')).products).toEqual([])
  })

  test('KEV, severity and CVSS are those medcyber scan finds for the release', async () => {
    const answer = await impact(everything, LOG4SHELL)
    const fleet = answer.products[0]
    const release = fleet?.releases[0]
    const finding = release?.findings[0]
    if (fleet === undefined || release === undefined || finding === undefined) {
      throw new Error(`${LOG4SHELL} touches nothing`)
    }
    const scan = await runCli([
      'scan',
      path.join(EXAMPLES_DIR, fleet.productId),
      '--data-dir',
      dataDir,
      '--release',
      release.release,
      '--json',
    ])
    const { findings } = JSON.parse(scan.stdout) as {
      findings: { id: string; kev: boolean; severity: { rating: string; score: number } | null }[]
    }
    const scanned = findings.find((item) => item.id === finding.findingId)
    expect(scanned).toBeDefined()
    expect(finding.kev).toBe(true)
    expect([finding.kev, finding.severity, finding.cvssScore]).toEqual([
      scanned?.kev,
      scanned?.severity?.rating ?? null,
      scanned?.severity?.score ?? null,
    ])
  })

  test("a linked risk is rated as the product's risk register rates it", async () => {
    const answer = await impact(everything, PILLOW_GHSA)
    const linked = answer.products.flatMap((product) =>
      product.releases.flatMap((release) =>
        release.findings.flatMap((finding) =>
          finding.linkedRisk === null ? [] : [{ product, risk: finding.linkedRisk }],
        ),
      ),
    )
    expect(linked.length).toBeGreaterThan(0)
    for (const { product, risk } of linked) {
      const register = await server.app.inject({
        method: 'GET',
        url: `/api/products/${product.productId}/risk-register?source=finding&limit=500`,
        headers: everything.headers,
      })
      const entry = register
        .json<{ items: { id: string; controlStatus: string; acceptable: boolean }[] }>()
        .items.find((item) => item.id === risk.id)
      expect(entry).toBeDefined()
      expect([risk.controlStatus, risk.acceptable, risk.resolved]).toEqual([
        entry?.controlStatus,
        entry?.acceptable,
        false,
      ])
    }
  })

  test('answers only over the products the caller holds a role on', async () => {
    const all = await impact(everything, PILLOW_GHSA)
    expect(all.products.map((product) => product.productId)).toContain('radiotherapy-planning')
    expect(all.products.length).toBeGreaterThan(1)
    const own = await impact(plannerOnly, PILLOW_GHSA)
    expect(own.scanned).toBe(1)
    expect(own.products).toEqual(
      all.products.filter((product) => product.productId === 'radiotherapy-planning'),
    )
    const none = await impact(nobody, PILLOW_GHSA)
    expect(none).toMatchObject({ scanned: 0, products: [], ids: [] })
  })

  test('an id that cannot be an advisory id is refused', async () => {
    const response = await server.app.inject({
      method: 'GET',
      url: `/api/vulnerabilities/${encodeURIComponent('%" or 1=1')}/impact`,
      headers: everything.headers,
    })
    expect(response.statusCode).toBe(400)
  })
})
