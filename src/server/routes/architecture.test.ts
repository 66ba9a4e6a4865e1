import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { parse } from 'yaml'

import {
  BUILT_IN_RULES,
  ELEMENT_KINDS,
  generateThreats,
  PAYLOAD_KINDS,
  TRUST_BOUNDARY_KINDS,
} from '../../core/index.js'
import { loadModelFromFiles, readModelFolder } from '../../services/index.js'
import { importModel, type ModelFile } from '../../store/index.js'
import { storeDialects } from '../../../test/support/store-dialects.js'
import {
  openTestServer,
  type TestServer,
  type TestUser,
} from '../../../test/support/test-server.js'

const NOW = new Date('2026-11-29T09:30:00Z')
const TODAY = '2026-11-29'

interface ArchitectureJson {
  revision: number
  elements: { id: string }[]
  dataFlows: Record<string, unknown>[]
  trustBoundaries: { id: string }[]
  interfaces: { id: string; name: string }[]
  vocabulary: { elementKinds: string[]; trustBoundaryKinds: string[]; payloads: string[] }
  layout: { positions: Record<string, { x: number; y: number }> } | null
  issues: {
    severity: string
    code: string
    location: string
    list: string | null
    entry: string | null
    field: string | null
  }[]
}

interface ErrorJson {
  error: {
    code: string
    details?: {
      path: string
      message: string
      entry?: { list: string; id: string; field: string | null }
    }[]
  }
}

/** A flow with no protection at all, so the built-in rules have something to say about it. */
const SMS_FLOW = {
  id: 'cloud-sms-alerts',
  name: 'Glucose alerts by SMS to the caregiver app',
  from: 'cloud-api',
  to: 'caregiver-app',
  protocol: 'SMS',
  payload: ['data'],
  authentication: { type: 'none' },
  encryption: { type: 'none' },
  integrity: 'none',
  replayProtection: false,
}

const idsIn = (text: string, list: string): string[] =>
  ((parse(text) as Record<string, { id: string }[] | undefined>)[list] ?? []).map(
    (entry) => entry.id,
  )

/** `file:line:column` of the first occurrence of `written` in the file's text. */
const locationOf = (file: string, text: string, written: string): string => {
  const offset = text.indexOf(written)
  const before = text.slice(0, offset).split('\n')
  return `${file}:${String(before.length)}:${String((before.at(-1)?.length ?? 0) + 1)}`
}

describe.each(storeDialects)('the architecture editor routes on $name', (dialect) => {
  let server: TestServer
  let engineer: TestUser
  let viewer: TestUser
  let files: ModelFile[]
  let architectureText: string

  const call = (
    user: TestUser,
    method: 'GET' | 'PATCH',
    url: string,
    options: { payload?: unknown; headers?: Record<string, string> } = {},
  ) =>
    server.app.inject({
      method,
      url,
      headers: { ...user.headers, ...options.headers },
      ...(options.payload === undefined ? {} : { payload: options.payload as object }),
    })

  const architecture = async (product: string) => {
    const response = await call(viewer, 'GET', `/api/products/${product}/architecture`)
    expect(response.statusCode, response.body).toBe(200)
    return { body: response.json<ArchitectureJson>(), etag: response.headers.etag ?? '' }
  }

  const modelFiles = async (product: string) => {
    const response = await call(viewer, 'GET', `/api/products/${product}/model`)
    expect(response.statusCode, response.body).toBe(200)
    const { revision, files: stored } = response.json<{ revision: number; files: ModelFile[] }>()
    return { revision, text: (path: string) => stored.find((f) => f.path === path)?.text, stored }
  }

  const patch = (product: string, etag: string | undefined, payload: unknown) =>
    call(engineer, 'PATCH', `/api/products/${product}/model`, {
      payload,
      headers: etag === undefined ? {} : { 'if-match': etag },
    })

  beforeAll(async () => {
    server = await openTestServer(dialect, { now: () => NOW })
    const admin = await server.userWith([{ productId: '*', role: 'admin' }])
    files = await readModelFolder('examples/insulin-pump')
    architectureText = files.find((file) => file.path === 'architecture.yaml')?.text ?? ''
    for (const id of ['pump', 'layout']) {
      const created = await server.app.inject({
        method: 'POST',
        url: '/api/products',
        headers: admin.headers,
        payload: { id, files },
      })
      expect(created.statusCode, created.body).toBe(201)
    }
    // The store takes any files; only the API's writes insist on a valid model.
    const broken = files.map((file) =>
      file.path === 'architecture.yaml'
        ? { ...file, text: file.text.replace('    to: pump\n', '    to: no-such-element\n') }
        : file.path === 'supply-chain.yaml'
          ? { ...file, text: `${file.text}\nreleases: [unclosed\n` }
          : file,
    )
    const imported = await importModel(server.store, 'broken', broken, {
      expectedRevision: 0,
      actor: 'test',
      reason: null,
    })
    expect(imported.ok).toBe(true)
    const importedOther = await importModel(
      server.store,
      'broken-flow',
      files.map((file) =>
        file.path === 'architecture.yaml'
          ? { ...file, text: file.text.replace('    to: pump\n', '    to: no-such-element\n') }
          : file,
      ),
      { expectedRevision: 0, actor: 'test', reason: null },
    )
    expect(importedOther.ok).toBe(true)
    const products = ['pump', 'layout', 'broken', 'broken-flow']
    engineer = await server.userWith(
      products.map((productId) => ({ productId, role: 'security-engineer' as const })),
    )
    viewer = await server.userWith(
      products.map((productId) => ({ productId, role: 'viewer' as const })),
    )
  }, 60_000)
  afterAll(async () => {
    await server.dispose()
  })

  test('GET gives every element, flow and boundary of architecture.yaml, the vocabulary, and an ETag', async () => {
    const { body, etag } = await architecture('pump')
    expect(etag).toBe('"r1"')
    expect(body.revision).toBe(1)
    expect(body.elements.map((e) => e.id)).toEqual(idsIn(architectureText, 'elements'))
    expect(body.dataFlows.map((f) => f.id)).toEqual(idsIn(architectureText, 'dataFlows'))
    expect(body.trustBoundaries.map((b) => b.id)).toEqual(
      idsIn(architectureText, 'trustBoundaries'),
    )
    expect(body.interfaces.map((i) => i.id)).toEqual(idsIn(architectureText, 'interfaces'))
    expect(body.dataFlows[0]).toEqual(
      (parse(architectureText) as { dataFlows: unknown[] }).dataFlows[0],
    )
    expect(body.vocabulary).toEqual({
      elementKinds: [...ELEMENT_KINDS],
      trustBoundaryKinds: [...TRUST_BOUNDARY_KINDS],
      payloads: [...PAYLOAD_KINDS],
    })
    expect(body.layout).toBeNull()
    expect(body.issues.filter((issue) => issue.severity === 'error')).toEqual([])
    const again = await call(viewer, 'GET', '/api/products/pump/architecture', {
      headers: { 'if-none-match': etag },
    })
    expect(again.statusCode).toBe(304)
  })

  test('an invalid stored model still gives its entries, with each issue on its entry', async () => {
    const brokenText = architectureText.replace('    to: pump\n', '    to: no-such-element\n')
    const flows = (parse(brokenText) as { dataFlows: { id: string; to: string }[] }).dataFlows
    const wrong = flows.find((flow) => flow.to === 'no-such-element')
    expect(wrong).toBeDefined()
    for (const product of ['broken', 'broken-flow']) {
      const { body } = await architecture(product)
      expect(body.elements.map((e) => e.id)).toEqual(idsIn(architectureText, 'elements'))
      expect(body.dataFlows.map((f) => f.id)).toEqual(flows.map((flow) => flow.id))
      expect(body.issues.some((issue) => issue.severity === 'error')).toBe(true)
      if (product === 'broken') {
        // The syntax error stops the checks before references are followed.
        expect(body.issues.map((issue) => issue.location.split(':')[0])).toContain(
          'supply-chain.yaml',
        )
        expect(body.issues.every((issue) => issue.list === null)).toBe(true)
        continue
      }
      expect(body.issues).toContainEqual(
        expect.objectContaining({
          severity: 'error',
          location: locationOf('architecture.yaml', brokenText, 'to: no-such-element'),
          list: 'dataFlows',
          entry: wrong?.id,
          field: 'to',
        }),
      )
    }
  })

  test('PATCH adds a data flow in place: every other byte of architecture.yaml stays, threats follow', async () => {
    const { etag } = await architecture('pump')
    const response = await patch('pump', etag, {
      edits: [{ op: 'put', list: 'dataFlows', entry: SMS_FLOW }],
      reason: 'SMS alerts for caregivers without the app',
    })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json()).toEqual({ revision: 2, changed: ['architecture.yaml'] })
    expect(response.headers.etag).toBe('"r2"')

    const stored = await modelFiles('pump')
    const after = stored.text('architecture.yaml') ?? ''
    const added = [
      '  - id: cloud-sms-alerts',
      '    name: Glucose alerts by SMS to the caregiver app',
      '    from: cloud-api',
      '    to: caregiver-app',
      '    protocol: SMS',
      '    payload: [data]',
      '    authentication:',
      '      type: none',
      '    encryption:',
      '      type: none',
      '    integrity: none',
      '    replayProtection: false',
      '',
    ].join('\n')
    expect(after).toContain(added)
    expect(after.replace(added, '')).toBe(architectureText)
    expect(idsIn(after, 'dataFlows')).toEqual([
      ...idsIn(architectureText, 'dataFlows'),
      SMS_FLOW.id,
    ])

    const { body } = await architecture('pump')
    expect(body.revision).toBe(2)
    expect(body.dataFlows.find((flow) => flow.id === SMS_FLOW.id)).toEqual(SMS_FLOW)

    const loaded = await loadModelFromFiles(stored.stored)
    if (loaded.model === undefined) throw new Error('the stored model is not valid')
    const expected = generateThreats(loaded.model, BUILT_IN_RULES, { date: TODAY })
      .filter((threat) => threat.element === SMS_FLOW.id)
      .map((threat) => threat.id)
    expect(expected.length).toBeGreaterThan(0)
    const threats = await call(
      viewer,
      'GET',
      `/api/products/pump/threats?element=${SMS_FLOW.id}&date=${TODAY}&limit=200`,
    )
    expect(threats.statusCode, threats.body).toBe(200)
    expect(threats.json<{ items: { id: string }[] }>().items.map((t) => t.id)).toEqual(expected)
  })

  test('a flow to an unknown element is refused with the entry and field, and nothing is stored', async () => {
    const before = await modelFiles('pump')
    const { etag } = await architecture('pump')
    const response = await patch('pump', etag, {
      edits: [
        { op: 'put', list: 'dataFlows', entry: { ...SMS_FLOW, id: 'to-nowhere', to: 'nowhere' } },
      ],
    })
    expect(response.statusCode, response.body).toBe(422)
    const { error } = response.json<ErrorJson>()
    expect(error.code).toBe('invalid-model')
    const detail = error.details?.find((d) => d.entry?.id === 'to-nowhere')
    expect(detail?.entry).toEqual({ list: 'dataFlows', id: 'to-nowhere', field: 'to' })
    expect(detail?.path).toMatch(/^architecture\.yaml:\d+:\d+$/)
    const after = await modelFiles('pump')
    expect(after.revision).toBe(before.revision)
    expect(after.stored).toEqual(before.stored)
  })

  test('removing an element flows still name is refused; removing an unknown id is 404', async () => {
    const before = await modelFiles('pump')
    const { etag } = await architecture('pump')
    const response = await patch('pump', etag, {
      edits: [{ op: 'remove', list: 'elements', id: 'caregiver-app' }],
    })
    expect(response.statusCode, response.body).toBe(422)
    const entries = (response.json<ErrorJson>().error.details ?? []).flatMap((d) =>
      d.entry === undefined ? [] : [d.entry],
    )
    expect(entries).toContainEqual({ list: 'dataFlows', id: SMS_FLOW.id, field: 'to' })
    const unknown = await patch('pump', etag, {
      edits: [{ op: 'remove', list: 'dataFlows', id: 'no-such-flow' }],
    })
    expect(unknown.statusCode, unknown.body).toBe(404)
    expect(unknown.json<ErrorJson>().error.code).toBe('unknown-entry')
    expect((await modelFiles('pump')).stored).toEqual(before.stored)
  })

  test('removing a flow takes out exactly its lines', async () => {
    const { etag } = await architecture('pump')
    const before = (await modelFiles('pump')).text('architecture.yaml')
    const response = await patch('pump', etag, {
      edits: [{ op: 'remove', list: 'dataFlows', id: SMS_FLOW.id }],
    })
    expect(response.statusCode, response.body).toBe(200)
    expect(before).not.toBe(architectureText)
    expect((await modelFiles('pump')).text('architecture.yaml')).toBe(architectureText)
  })

  test('a stale If-Match is 412 and none is 428, and nothing is stored', async () => {
    const { etag } = await architecture('pump')
    const edits = { edits: [{ op: 'put', list: 'dataFlows', entry: SMS_FLOW }] }
    const stale = await patch('pump', '"r1"', edits)
    expect(stale.statusCode, stale.body).toBe(412)
    expect(stale.json<ErrorJson>().error.code).toBe('stale-revision')
    expect(stale.headers.etag).toBe(etag)
    const missing = await patch('pump', undefined, edits)
    expect(missing.statusCode, missing.body).toBe(428)
    expect((await architecture('pump')).etag).toBe(etag)
  })

  test('the layout goes to diagram.layout.json with sorted keys and comes back on GET', async () => {
    const { etag } = await architecture('layout')
    const layout = { positions: { pump: { x: 120, y: -40.5 }, caregiver: { x: 0, y: 0 } } }
    const response = await patch('layout', etag, { edits: [], layout })
    expect(response.statusCode, response.body).toBe(200)
    expect(response.json()).toEqual({ revision: 2, changed: ['diagram.layout.json'] })
    expect((await architecture('layout')).body.layout).toEqual(layout)
    expect((await modelFiles('layout')).text('diagram.layout.json')).toBe(
      '{\n  "positions": {\n    "caregiver": {\n      "x": 0,\n      "y": 0\n    },\n    "pump": {\n      "x": 120,\n      "y": -40.5\n    }\n  }\n}\n',
    )
  })

  test('a layout file that is not a layout is left out', async () => {
    const stored = await modelFiles('layout')
    const put = await server.app.inject({
      method: 'PUT',
      url: '/api/products/layout/model',
      headers: { ...engineer.headers, 'if-match': `"r${String(stored.revision)}"` },
      payload: {
        files: stored.stored.map((file) =>
          file.path === 'diagram.layout.json'
            ? { ...file, text: '{"positions": {"pump": {"x": "left"}}}' }
            : file,
        ),
      },
    })
    expect(put.statusCode, put.body).toBe(200)
    const { body } = await architecture('layout')
    expect(body.layout).toBeNull()
    expect(body.elements.length).toBeGreaterThan(0)
  })

  test('the broken flow of an invalid model can be fixed through PATCH, only its entry rewritten', async () => {
    const { body, etag } = await architecture('broken-flow')
    const wrong = body.dataFlows.find((flow) => flow['to'] === 'no-such-element')
    const id = String(wrong?.['id'])
    const response = await patch('broken-flow', etag, {
      edits: [{ op: 'put', list: 'dataFlows', entry: { ...wrong, to: 'pump' } }],
    })
    expect(response.statusCode, response.body).toBe(200)
    const after = (await modelFiles('broken-flow')).text('architecture.yaml') ?? ''
    // The entry is written anew from its data; the text around it stays as it was.
    const start = architectureText.indexOf(`  - id: ${id}\n`)
    const next = architectureText.indexOf('\n  - id: ', start + 1) + 1
    expect(after.slice(0, start)).toBe(architectureText.slice(0, start))
    expect(after.slice(after.length - (architectureText.length - next))).toBe(
      architectureText.slice(next),
    )
    expect(parse(after)).toEqual(parse(architectureText))
    const fixed = await architecture('broken-flow')
    expect(fixed.body.issues.filter((i) => i.severity === 'error')).toEqual([])
  })

  test('viewers may read the architecture but not edit it', async () => {
    const { etag } = await architecture('pump')
    const response = await call(viewer, 'PATCH', '/api/products/pump/model', {
      payload: { edits: [] },
      headers: { 'if-match': etag },
    })
    expect(response.statusCode).toBe(403)
  })
})
