import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { stringify } from 'yaml'

import { readModelFolder } from '../../services/index.js'
import { importModel, type ModelFile } from '../../store/index.js'
import { minimalModel } from '../../../test/support/minimal-model.js'
import { storeDialects } from '../../../test/support/store-dialects.js'
import {
  openTestServer,
  type TestServer,
  type TestUser,
} from '../../../test/support/test-server.js'

const TODAY = '2026-11-29'
const NOW = new Date(`${TODAY}T09:30:00Z`)

interface Lifecycle {
  date: string
  releases: {
    version: string
    releasedAt: string
    supportPhase: string
    phaseSource: string
    endOfLife: string | null
    endOfSupport: string | null
    endOfSupportNoticeDue: string | null
    noticeState: string | null
    unsupportedComponents: { id: string; endOfSupport: string; unsupportedAtRelease: boolean }[]
  }[]
  components: {
    id: string
    name: string
    version: string
    supplier: string | null
    kind: string
    supportLevel: string
    endOfSupport: string | null
    releases: string[]
    state: string
  }[]
}

/** A model whose second release lists no components, and a component without a support end. */
const unlistedModel = (): ModelFile[] => {
  const model = minimalModel()
  return [
    {
      path: 'medcyber.yaml',
      text: stringify({
        ...model,
        components: [
          ...model.components,
          {
            id: 'ble-stack',
            name: 'BLE stack',
            version: '2.0',
            kind: 'library',
            supportLevel: 'actively-maintained',
          },
        ],
        sboms: [],
        releases: [
          {
            version: '1.0',
            date: '2024-01-01',
            changeType: 'initial',
            milestones: { endOfLife: '2028-01-01', endOfSupport: '2030-01-01' },
            components: ['freertos'],
          },
          { version: '2.0', date: '2025-01-01', changeType: 'cybersecurity-significant' },
        ],
      }),
    },
  ]
}

describe.each(storeDialects)('product lifecycle on $name', (dialect) => {
  let server: TestServer
  let viewer: TestUser

  const lifecycle = async (productId: string, query = ''): Promise<Lifecycle> => {
    const response = await server.app.inject({
      method: 'GET',
      url: `/api/products/${productId}/lifecycle${query}`,
      headers: viewer.headers,
    })
    expect(response.statusCode, response.body).toBe(200)
    return response.json<Lifecycle>()
  }
  const component = (body: Lifecycle, id: string) => body.components.find((item) => item.id === id)
  const release = (body: Lifecycle, version: string) =>
    body.releases.find((item) => item.version === version)

  beforeAll(async () => {
    server = await openTestServer(dialect, { now: () => NOW })
    const admin = await server.userWith([{ productId: '*', role: 'admin' }])
    const pumpFiles = await readModelFolder('examples/insulin-pump')
    for (const [id, files] of [
      ['pump', pumpFiles],
      ['unlisted', unlistedModel()],
    ] as const) {
      const created = await server.app.inject({
        method: 'POST',
        url: '/api/products',
        headers: admin.headers,
        payload: { id, files },
      })
      expect(created.statusCode, created.body).toBe(201)
    }
    const broken = await importModel(
      server.store,
      'broken',
      [{ path: 'medcyber.yaml', text: 'medcyber: v1\nproduct: {}\n' }],
      { expectedRevision: 0, actor: 'test', reason: null },
    )
    expect(broken.ok).toBe(true)
    viewer = await server.userWith(
      ['pump', 'unlisted', 'broken', 'missing'].map((productId) => ({
        productId,
        role: 'viewer' as const,
      })),
    )
  }, 60_000)
  afterAll(async () => {
    await server.dispose()
  })

  test("the pump's releases on the day: phase, end-of-support notice and its state", async () => {
    const body = await lifecycle('pump')
    expect(body.date).toBe(TODAY)
    // From examples/insulin-pump/supply-chain.yaml: 2.4.1 ended sales 2023-06-30 and support
    // ends 2027-06-30, so customers had to be told by 2025-06-30.
    expect(release(body, '2.4.1')).toMatchObject({
      releasedAt: '2019-04-10',
      supportPhase: 'limited-support',
      phaseSource: 'milestones',
      endOfLife: '2023-06-30',
      endOfSupport: '2027-06-30',
      endOfSupportNoticeDue: '2025-06-30',
      noticeState: 'overdue',
    })
    expect(release(body, '3.1.0')).toMatchObject({
      releasedAt: '2023-06-20',
      supportPhase: 'support',
      endOfSupport: '2032-12-31',
      endOfSupportNoticeDue: '2030-12-31',
      noticeState: 'not-yet',
    })
    expect(release(body, '2.4.1')?.unsupportedComponents).toContainEqual({
      id: 'freertos-kernel-10-0-0',
      endOfSupport: '2017-12-31',
      unsupportedAtRelease: true,
    })
    expect(release(await lifecycle('pump', '?date=2030-06-01'), '3.1.0')?.noticeState).toBe(
      'due-within-a-year',
    )
    expect(release(await lifecycle('pump', '?date=2031-01-01'), '3.1.0')?.noticeState).toBe(
      'overdue',
    )
  })

  test('releases agree with what /info gives for the same day', async () => {
    for (const date of [TODAY, '2030-06-01']) {
      const body = await lifecycle('pump', `?date=${date}`)
      const info = await server.app.inject({
        method: 'GET',
        url: `/api/products/pump/info?date=${date}`,
        headers: viewer.headers,
      })
      const releases = info.json<{ releases: Record<string, unknown>[] }>().releases
      expect(
        body.releases.map((item) => [
          item.version,
          item.supportPhase,
          item.phaseSource,
          item.endOfSupportNoticeDue,
          item.unsupportedComponents,
        ]),
      ).toEqual(
        releases.map((item) => [
          item['version'],
          item['phase'],
          item['phaseSource'],
          item['endOfSupportNoticeDue'] ?? null,
          item['unsupportedComponents'],
        ]),
      )
    }
  })

  test("components: the supplier's end of support against the day, and the releases shipping them", async () => {
    const body = await lifecycle('pump')
    expect(component(body, 'freertos-kernel-10-0-0')).toEqual({
      id: 'freertos-kernel-10-0-0',
      name: 'FreeRTOS Kernel',
      version: '10.0.0',
      supplier: 'Amazon Web Services, Inc.',
      kind: 'rtos',
      supportLevel: 'no-longer-maintained',
      endOfSupport: '2017-12-31',
      releases: ['2.4.1'],
      state: 'ended',
    })
    expect(component(body, 'aria-main-fw-2-4-1')).toMatchObject({
      endOfSupport: '2027-06-30',
      releases: ['2.4.1'],
      state: 'ends-within-a-year',
    })
    expect(component(body, 'aria-main-fw-3-1-0')).toMatchObject({
      releases: ['3.1.0'],
      state: 'supported',
    })
    expect(component(body, 'kw41z-soc')).toMatchObject({ endOfSupport: null, state: 'unknown' })
    expect(component(body, 'sense-tx-fw-1-3-2')?.releases).toEqual(['2.4.1', '3.1.0'])
    expect(body.components).toHaveLength(new Set(body.components.map((item) => item.id)).size)
  })

  test.each([
    ['2026-06-29', 'supported'],
    ['2026-06-30', 'ends-within-a-year'],
    ['2027-06-29', 'ends-within-a-year'],
    ['2027-06-30', 'ended'],
  ])('a component whose support ends 2027-06-30 is, on %s, %s', async (date, state) => {
    expect(component(await lifecycle('pump', `?date=${date}`), 'aria-main-fw-2-4-1')?.state).toBe(
      state,
    )
  })

  test('a release that lists no components ships them all; no end of support, no notice', async () => {
    const body = await lifecycle('unlisted')
    expect(body.components.map((item) => [item.id, item.releases, item.state])).toEqual([
      ['freertos', ['1.0', '2.0'], 'supported'],
      ['ble-stack', ['2.0'], 'unknown'],
    ])
    expect(release(body, '2.0')).toMatchObject({
      endOfSupport: null,
      endOfSupportNoticeDue: null,
      noticeState: null,
    })
  })

  test.each([
    ['broken', 422, 'invalid-model'],
    ['missing', 404, 'not-found'],
  ])('%s answers %i', async (productId, status, code) => {
    const response = await server.app.inject({
      method: 'GET',
      url: `/api/products/${productId}/lifecycle`,
      headers: viewer.headers,
    })
    expect(response.statusCode).toBe(status)
    expect(response.json()).toMatchObject({ error: { code } })
  })
})
