import { describe, expect, it } from 'vitest'

import { checkMinimumElements } from './minimum-elements.js'
import type { SbomComponent, SbomDocument } from './sbom-document.js'

const component = (ref: string, fields: Partial<SbomComponent> = {}): SbomComponent => ({
  ref,
  type: 'library',
  name: ref,
  version: '1.0',
  supplier: 'Acme',
  purl: `pkg:generic/acme/${ref}@1.0`,
  hashes: [],
  licenses: [],
  supportLevel: 'actively maintained',
  endOfSupport: '2030-01-01',
  place: { path: ['components', Number(ref.slice(1))] },
  ...fields,
})

const document = (
  components: SbomComponent[],
  fields: Partial<SbomDocument> = {},
): SbomDocument => ({
  format: 'cyclonedx',
  encoding: 'json',
  specVersion: '1.6',
  created: '2024-01-01T00:00:00Z',
  authors: ['Acme product security'],
  tools: [],
  components,
  dependencies: [{ ref: 'device', dependsOn: components.map((c) => c.ref) }],
  ...fields,
})

describe('NTIA minimum elements and FDA additions', () => {
  it('finds nothing missing in a complete SBOM', () => {
    const report = checkMinimumElements(document([component('c0'), component('c1')]))
    expect(report.issues).toEqual([])
    expect(report.ntiaComplete).toBe(true)
    expect(report.coverage.every((row) => row.percent === 100)).toBe(true)
  })

  it('names each missing element at its JSON path, NTIA as errors and FDA as warnings', () => {
    const {
      supplier: _s,
      version: _v,
      purl: _p,
      supportLevel: _l,
      endOfSupport: _e,
      ...bare
    } = component('c3')
    const report = checkMinimumElements(
      document([component('c0'), component('c1'), component('c2'), bare]),
    )
    expect(report.issues.map((issue) => [issue.code, issue.severity, issue.path])).toEqual([
      ['ntia/supplier', 'error', ['components', 3, 'supplier']],
      ['ntia/version', 'error', ['components', 3, 'version']],
      ['ntia/identifier', 'error', ['components', 3, 'purl']],
      ['fda/support-level', 'warning', ['components', 3, 'properties']],
      ['fda/end-of-support', 'warning', ['components', 3, 'properties']],
    ])
    expect(report.coverage.find((row) => row.element === 'supplier')).toEqual({
      element: 'supplier',
      source: 'ntia',
      present: 3,
      total: 4,
      percent: 75,
    })
    expect(report.ntiaComplete).toBe(false)
  })

  it('counts a CPE or SWID tag id as an identifier, and nesting as a dependency relationship', () => {
    const { purl: _a, ...withCpe } = component('c0', { cpe: 'cpe:2.3:a:acme:x:1.0:*:*:*:*:*:*:*' })
    const { purl: _b, ...withSwid } = component('c1', { swid: 'swidgen-1', parent: 'c0' })
    const report = checkMinimumElements(
      document([withCpe, withSwid], { dependencies: [{ ref: 'c0', dependsOn: [] }] }),
    )
    expect(report.issues).toEqual([])
  })

  it('reports components outside every dependency relationship', () => {
    const report = checkMinimumElements(
      document([component('c0'), component('c1')], {
        dependencies: [{ ref: 'c0', dependsOn: [] }],
      }),
    )
    expect(report.issues).toEqual([
      expect.objectContaining({
        code: 'ntia/dependency',
        message: "component 'c1' 1.0 appears in no dependency relationship",
      }),
    ])
  })

  it('wants an author and a timestamp for the SBOM itself; tools alone are no author', () => {
    const { created: _c, ...undated } = document([component('c0')], {
      authors: [],
      tools: ['syft 1.0'],
    })
    const report = checkMinimumElements(undated)
    expect(report.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['ntia/author', ['metadata', 'authors']],
      ['ntia/timestamp', ['metadata', 'timestamp']],
    ])
    expect(report.issues[0]?.message).toContain('only tools (syft 1.0)')
  })

  it('leaves hardware out of the software elements but counts it', () => {
    const { version: _v, ...chip } = component('c1', { type: 'device' })
    const report = checkMinimumElements(document([component('c0'), chip]))
    expect(report).toMatchObject({ components: 2, checked: 1, notSoftware: 1, issues: [] })
  })

  it('points SPDX issues at SPDX fields, with tag-value lines', () => {
    const { supplier: _s, ...bare } = component('c0', {
      place: { path: ['packages', 0], line: 12 },
    })
    const report = checkMinimumElements(
      document([bare], { format: 'spdx', encoding: 'tag-value', specVersion: '2.3' }),
    )
    expect(report.issues[0]).toMatchObject({
      code: 'ntia/supplier',
      path: ['packages', 0, 'supplier'],
      line: 12,
    })
  })
})
