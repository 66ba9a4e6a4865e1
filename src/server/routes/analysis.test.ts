import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { stringify } from 'yaml'

import { readModelFolder } from '../../services/index.js'
import { importModel, type ModelFile } from '../../store/index.js'
import { minimalModel } from '../../../test/support/minimal-model.js'
import { writeFolder } from '../../../test/support/model-folders.js'
import { runCli } from '../../../test/support/run-cli.js'
import { storeDialects } from '../../../test/support/store-dialects.js'
import { tempDir } from '../../../test/support/temp-dir.js'
import {
  openTestServer,
  type TestServer,
  type TestUser,
} from '../../../test/support/test-server.js'

/** The CLI's day in test/support/run-cli.ts, and the server's on the same clock. */
const TODAY = '2026-11-28'
const NOW = new Date(`${TODAY}T10:00:00Z`)

const PUMP = 'examples/insulin-pump'
const PLANNING = 'examples/radiotherapy-planning'
const FOLDERS: Readonly<Record<string, string>> = { pump: PUMP, planning: PLANNING }

/** What the CLI prints to stdout for these arguments; it must succeed. */
const cli = async (argv: readonly string[]): Promise<string> => {
  const result = await runCli(argv)
  expect(result.code, result.stderr).toBe(0)
  return result.stdout
}

const filesUnder = (folder: string): string[] =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))

/** The insulin pump with one data flow aimed at an element that does not exist. */
const brokenPump = (files: readonly ModelFile[]): ModelFile[] =>
  files.map((file) =>
    file.path === 'architecture.yaml'
      ? { ...file, text: file.text.replace('    to: pump\n', '    to: no-such-element\n') }
      : file,
  )

describe.each(storeDialects)('analysis and export routes on $name', (dialect) => {
  let server: TestServer
  let viewer: TestUser
  let pumpFiles: ModelFile[]

  const get = (url: string, headers: Record<string, string> = {}) =>
    server.app.inject({ method: 'GET', url, headers: { ...viewer.headers, ...headers } })

  const ok = async (url: string) => {
    const response = await get(url)
    expect(response.statusCode, response.body).toBe(200)
    return response
  }

  beforeAll(async () => {
    server = await openTestServer(dialect, { now: () => NOW })
    const admin = await server.userWith([{ productId: '*', role: 'admin' }])
    pumpFiles = await readModelFolder(PUMP)
    const products: Record<string, ModelFile[]> = {
      pump: pumpFiles,
      planning: await readModelFolder(PLANNING),
      // A model that lists no release (and so no SBOM).
      unreleased: [
        {
          path: 'medcyber.yaml',
          text: stringify({ ...minimalModel(), releases: [], sboms: [], verifications: [] }),
        },
      ],
    }
    for (const [id, files] of Object.entries(products)) {
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
    viewer = await server.userWith(
      ['pump', 'planning', 'unreleased', 'broken'].map((productId) => ({
        productId,
        role: 'viewer' as const,
      })),
    )
  }, 60_000)
  afterAll(async () => {
    await server.dispose()
  })

  test.each(Object.keys(FOLDERS))(
    'coverage of %s is what medcyber coverage --json prints, on today and on a given day',
    async (id) => {
      const folder = FOLDERS[id] ?? ''
      const today = await ok(`/api/products/${id}/coverage`)
      expect(today.json()).toEqual(JSON.parse(await cli(['coverage', folder, '--json'])))
      expect(today.headers.etag).toBe('"r1"')
      const later = await ok(`/api/products/${id}/coverage?date=2035-06-01`)
      expect(later.json()).toEqual(
        JSON.parse(await cli(['coverage', folder, '--json', '--at', '2035-06-01'])),
      )
    },
  )

  test.each(Object.keys(FOLDERS))(
    'info of %s is what medcyber info --json prints, and support phases move with the day',
    async (id) => {
      const folder = FOLDERS[id] ?? ''
      const today = (await ok(`/api/products/${id}/info`)).json<{ date: string }>()
      expect(today).toEqual(JSON.parse(await cli(['info', folder, '--json'])))
      expect(today.date).toBe(TODAY)
      const later = (await ok(`/api/products/${id}/info?date=2040-01-01`)).json<{
        releases: { phase: string }[]
      }>()
      expect(later).toEqual(JSON.parse(await cli(['info', folder, '--json', '--at', '2040-01-01'])))
      expect(later.releases.map((release) => release.phase)).not.toEqual(
        (today as unknown as typeof later).releases.map((release) => release.phase),
      )
    },
  )

  test.each([
    ['cyclonedx', undefined, undefined, 'application/vnd.cyclonedx+json', '.cdx.json'],
    ['csaf', '3.1.0', undefined, 'application/json', '.csaf.json'],
    ['openvex', '2.4.1', '2026-11-20T08:15:00Z', 'application/json', '.openvex.json'],
  ] as const)(
    'the %s VEX (release %s, at %s) is byte for byte what medcyber vex export writes',
    async (format, release, at, mediaType, ending) => {
      const query = new URLSearchParams({
        format,
        ...(release === undefined ? {} : { release }),
        ...(at === undefined ? {} : { at }),
      })
      const response = await ok(`/api/products/pump/vex?${query.toString()}`)
      const written = await cli([
        'vex',
        'export',
        PUMP,
        '--format',
        format,
        ...(release === undefined ? [] : ['--release', release]),
        ...(at === undefined ? [] : ['--at', at]),
      ])
      expect(response.body).toBe(written)
      expect(String(response.headers['content-type']).split(';')[0]).toBe(mediaType)
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="vex-aria-insulin-pump-system-${release ?? 'all'}${ending}"`,
      )
      expect(response.headers.etag).toBe('"r1"')
    },
  )

  test('a VEX of a release the model does not have, or in no known format, is refused', async () => {
    const unknown = await get('/api/products/pump/vex?format=csaf&release=9.9')
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json()).toMatchObject({ error: { code: 'unknown-release' } })
    expect((await get('/api/products/pump/vex?format=spdx')).statusCode).toBe(400)
    expect((await get('/api/products/pump/vex?format=csaf&at=yesterday')).statusCode).toBe(400)
  })

  test.each([
    ['cyclonedx-json', undefined, undefined, 'application/vnd.cyclonedx+json'],
    ['spdx-json', '2.4.1', '2027-02-03', 'application/spdx+json'],
  ] as const)(
    'the %s SBOM (release %s, day %s) is the file medcyber report --kind sbom writes',
    async (format, release, date, mediaType) => {
      const query = new URLSearchParams({
        format,
        ...(release === undefined ? {} : { release }),
        ...(date === undefined ? {} : { date }),
      })
      const response = await ok(`/api/products/pump/sbom?${query.toString()}`)
      const out = tempDir('analysis-sbom')
      await cli([
        'report',
        PUMP,
        '--kind',
        'sbom',
        '--out',
        out,
        ...(release === undefined ? [] : ['--release', release]),
        ...(date === undefined ? [] : ['--date', date]),
      ])
      const ending = format === 'cyclonedx-json' ? '.cdx.json' : '.spdx.json'
      const written = filesUnder(out).filter((file) => file.endsWith(ending))
      expect(written).toHaveLength(1)
      const [file = ''] = written
      expect(response.body).toBe(readFileSync(file, 'utf8'))
      expect(String(response.headers['content-type']).split(';')[0]).toBe(mediaType)
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="${path.basename(file)}"`,
      )
    },
  )

  test('a model without releases has no SBOM (404); an unknown release is a bad request', async () => {
    const none = await get('/api/products/unreleased/sbom')
    expect(none.statusCode).toBe(404)
    expect(none.json()).toMatchObject({ error: { code: 'no-sbom' } })
    const unknown = await get('/api/products/pump/sbom?release=0.0.1')
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json()).toMatchObject({ error: { code: 'unknown-release' } })
  })

  test('the views are those medcyber diagram --list lists, each the SVG it draws', async () => {
    const listed = (await cli(['diagram', PUMP, '--list']))
      .trim()
      .split('\n')
      .map((line) => line.trim().split(/\s+/)[0])
    const views = await ok('/api/products/pump/views')
    const items = views.json<{ items: { id: string; title: string }[] }>().items
    expect(items.map((item) => item.id)).toEqual(listed)
    expect(items.map((item) => item.id)).toEqual(
      expect.arrayContaining(['global', 'multi-patient', 'update']),
    )
    const useCase = items.find((item) => item.id.startsWith('use-case:'))?.id ?? 'use-case:none'
    for (const id of ['global', useCase]) {
      const drawn = await ok(`/api/products/pump/views/${encodeURIComponent(id)}`)
      expect(drawn.body).toBe(await cli(['diagram', PUMP, '--view', id]))
      expect(drawn.headers['content-type']).toBe('image/svg+xml')
      expect(drawn.headers.etag).toBe('"r1"')
    }
  })

  test('an unknown view is 404 naming the views; a view still held is 304', async () => {
    const unknown = await get('/api/products/pump/views/use-case:no-such-function')
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json<{ error: { message: string } }>().error.message).toContain('global')
    const again = await get('/api/products/pump/views/global', { 'if-none-match': '"r1"' })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
    expect(
      (await get('/api/products/pump/views/global', { 'if-none-match': '"r0"' })).statusCode,
    ).toBe(200)
  })

  test('issues are what medcyber validate --json gives for the same files, valid or not', async () => {
    const folders = {
      pump: PUMP,
      broken: writeFolder(new Map(brokenPump(pumpFiles).map((f) => [f.path, f.text]))),
    }
    for (const [id, folder] of Object.entries(folders)) {
      const result = await runCli(['validate', folder, '--json'])
      const expected = JSON.parse(result.stdout) as {
        valid: boolean
        issues: { file: string; related?: { file: string } }[]
      }
      const relative = (file: string) => path.relative(folder, file).split(path.sep).join('/')
      const response = await ok(`/api/products/${id}/issues`)
      expect(response.json()).toEqual({
        revision: 1,
        valid: expected.valid,
        issues: expected.issues.map((issue) => ({
          ...issue,
          file: relative(issue.file),
          ...(issue.related === undefined
            ? {}
            : { related: { ...issue.related, file: relative(issue.related.file) } }),
        })),
      })
      expect(response.headers.etag).toBe('"r1"')
    }
    const broken = (await ok('/api/products/broken/issues')).json<{
      valid: boolean
      issues: { severity: string; file: string; line: number }[]
    }>()
    expect(broken.valid).toBe(false)
    expect(broken.issues).toContainEqual(
      expect.objectContaining({ severity: 'error', file: 'architecture.yaml', line: 376 }),
    )
  })

  test.each(['coverage', 'info', 'views', 'views/global', 'vex?format=csaf', 'sbom'])(
    '%s of a stored model that is not valid is 422 with file:line:column',
    async (route) => {
      const response = await get(`/api/products/broken/${route}`)
      expect(response.statusCode).toBe(422)
      const body = response.json<{ error: { code: string; details: { path: string }[] } }>()
      expect(body.error.code).toBe('invalid-model')
      expect(body.error.details.map((detail) => detail.path)).toContain('architecture.yaml:376:5')
    },
  )

  test('a product nobody created is 404 for a role on every product', async () => {
    const admin = await server.userWith([{ productId: '*', role: 'viewer' }])
    for (const route of ['coverage', 'info', 'issues', 'views', 'vex?format=csaf', 'sbom']) {
      const response = await server.app.inject({
        method: 'GET',
        url: `/api/products/nothing/${route}`,
        headers: admin.headers,
      })
      expect(response.statusCode, route).toBe(404)
    }
  })
})
