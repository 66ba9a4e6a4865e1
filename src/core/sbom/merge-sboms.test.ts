import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { mergeSboms } from './merge-sboms.js'
import type { SbomComponent, SbomDocument } from './sbom-document.js'

const component = (ref: string, fields: Partial<SbomComponent> = {}): SbomComponent => ({
  ref,
  type: 'library',
  name: ref,
  hashes: [],
  licenses: [],
  place: { path: ['components', 0] },
  ...fields,
})

const sbom = (
  components: SbomComponent[],
  dependencies: SbomDocument['dependencies'] = [],
): SbomDocument => ({
  format: 'cyclonedx',
  encoding: 'json',
  specVersion: '1.6',
  authors: [],
  tools: [],
  components,
  dependencies,
})

describe('merging supplier SBOMs with hand-listed components', () => {
  it('keeps one component per purl, filling gaps from later sources and uniting hashes', () => {
    const merged = mergeSboms(
      [
        sbom([component('zlib', { purl: 'pkg:generic/zlib@1.2.13', version: '1.2.13' })]),
        sbom([
          component('libz', {
            purl: 'pkg:generic/zlib@1.2.13',
            supplier: 'zlib project',
            hashes: [{ algorithm: 'SHA-256', value: 'ab' }],
          }),
        ]),
      ],
      [],
    )
    expect(merged.components).toEqual([
      expect.objectContaining({
        ref: 'zlib',
        supplier: 'zlib project',
        hashes: [{ algorithm: 'SHA-256', value: 'ab' }],
        sources: ['sbom[0]', 'sbom[1]'],
      }),
    ])
  })

  it('matches components without purl by supplier, name and version, ignoring case and spaces', () => {
    const merged = mergeSboms(
      [sbom([component('rtos', { name: 'ThreadX', version: '6.1', supplier: 'Microsoft' })])],
      [
        {
          name: 'threadx ',
          version: '6.1',
          supplier: 'microsoft',
          supportLevel: 'actively maintained',
        },
        { name: 'STM32 BSP', version: '1.9', supplier: 'STMicroelectronics' },
      ],
    )
    expect(merged.components.map((c) => [c.ref, c.supportLevel, c.sources])).toEqual([
      ['rtos', 'actively maintained', ['sbom[0]', 'manual[0]']],
      ['manual-1', undefined, ['manual[1]']],
    ])
  })

  it('reports conflicting support facts and keeps the first', () => {
    const merged = mergeSboms(
      [sbom([component('a', { purl: 'pkg:npm/a@1', endOfSupport: '2026-01-01' })])],
      [{ name: 'a', purl: 'pkg:npm/a@1', endOfSupport: '2027-01-01' }],
    )
    expect(merged.components[0]?.endOfSupport).toBe('2026-01-01')
    expect(merged.issues).toEqual([
      expect.objectContaining({ code: 'sbom/merge-conflict', source: 'manual[0]' }),
    ])
  })

  it('normalizes hand-written purls before matching, and reports unusable ones', () => {
    const merged = mergeSboms(
      [sbom([component('req', { purl: 'pkg:pypi/requests@2.31.0' })])],
      [
        { name: 'requests', purl: 'pkg:pypi/Requests@2.31.0' },
        { name: 'x', purl: 'not a purl' },
      ],
    )
    expect(merged.components).toHaveLength(2)
    expect(merged.issues.map((issue) => issue.code)).toEqual(['sbom/invalid-purl'])
  })

  it('keeps refs unique and carries dependency edges (and nesting) over to the merged refs', () => {
    const merged = mergeSboms(
      [
        sbom(
          [
            component('app', { purl: 'pkg:npm/app@1' }),
            component('lib', { purl: 'pkg:npm/lib@1' }),
          ],
          [{ ref: 'app', dependsOn: ['lib'] }],
        ),
        sbom(
          [
            component('app', { purl: 'pkg:npm/other@1' }),
            component('kid', { purl: 'pkg:npm/kid@1', parent: 'app' }),
          ],
          [{ ref: 'app', dependsOn: ['kid'] }],
        ),
      ],
      [],
    )
    expect(merged.components.map((c) => [c.ref, c.parent])).toEqual([
      ['app', undefined],
      ['lib', undefined],
      ['app#2', undefined],
      ['kid', 'app#2'],
    ])
    expect(merged.dependencies).toEqual([
      { ref: 'app', dependsOn: ['lib'] },
      { ref: 'app#2', dependsOn: ['kid'] },
    ])
  })

  it('is idempotent: an SBOM merged with itself is itself', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { maxLength: 30 }), (names) => {
        const document = sbom(names.map((name) => component(name, { purl: `pkg:npm/${name}@1` })))
        const merged = mergeSboms([document, document], [])
        expect(merged.components.map((c) => c.ref)).toEqual(names)
        expect(merged.issues).toEqual([])
      }),
    )
  })

  it('merges 100k components with 100k overlapping ones in linear time', () => {
    const big = (offset: number) =>
      sbom(
        Array.from({ length: 100_000 }, (_, i) =>
          component(`c${String(i + offset)}`, { purl: `pkg:npm/c${String(i + offset)}@1` }),
        ),
      )
    const started = performance.now()
    const merged = mergeSboms([big(0), big(50_000)], [])
    expect(merged.components).toHaveLength(150_000)
    // Pairwise matching would be 10^10 comparisons, hours; a Map does this in about a second.
    // The bound only has to tell the two apart, with room for a loaded machine: it took 5.2 s
    // while another test run shared the two cores.
    expect(performance.now() - started).toBeLessThan(25_000)
  })
})
