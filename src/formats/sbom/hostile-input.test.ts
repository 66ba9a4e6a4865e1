import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { nodeIo } from '../../cli/node-io.js'
import { memoryReader } from '../../../test/support/memory-reader.js'
import { PROJECT_ROOT } from '../../../test/support/testdata.js'
import { readSbomBytes, readSbomFile } from './read-sbom.js'
import { DEFAULT_SBOM_LIMITS } from './sbom-limits.js'
import { createSbomSchemas } from './sbom-schemas.js'

const schemas = createSbomSchemas(nodeIo().reader, path.join(PROJECT_ROOT, 'schema', 'vendor'))
const bytes = (text: string) => new TextEncoder().encode(text)
const read = (text: string, limits = DEFAULT_SBOM_LIMITS) =>
  readSbomBytes(bytes(text), 'bom', schemas, limits)

const NAMESPACE = 'http://cyclonedx.org/schema/bom/1.6'

const XXE = `<?xml version="1.0"?>
<!DOCTYPE bom [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<bom xmlns="${NAMESPACE}" version="1">
  <components><component type="library"><name>&xxe;</name></component></components>
</bom>`

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 ${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${String(i + 1)} "${`&lol${i === 0 ? '' : String(i)};`.repeat(10)}">`).join('\n ')}
]>
<bom xmlns="${NAMESPACE}" version="1"><components><component type="library"><name>&lol9;</name></component></components></bom>`

const bom = (components: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, components, ...extra })

/** A component with `depth` components nested in it, one inside the other. */
const nested = (depth: number): unknown => {
  let component: Record<string, unknown> = {
    type: 'library',
    name: `c${String(depth)}`,
    'bom-ref': `c${String(depth)}`,
  }
  for (let level = depth - 1; level >= 1; level -= 1) {
    component = {
      type: 'library',
      name: `c${String(level)}`,
      'bom-ref': `c${String(level)}`,
      components: [component],
    }
  }
  return component
}

describe('hostile SBOMs', () => {
  it.each([
    ['an external entity (XXE)', XXE],
    ['nested entities (billion laughs)', BILLION_LAUGHS],
  ])('refuses XML with %s before parsing it, saying why', async (_name, text) => {
    const started = performance.now()
    const report = await read(text)
    expect(performance.now() - started).toBeLessThan(1000)
    expect(report.readable).toBe(false)
    expect(report.document).toBeUndefined()
    expect(report.issues).toHaveLength(1)
    expect(report.issues[0]).toMatchObject({ code: 'sbom/xml-doctype', severity: 'error', line: 2 })
    expect(report.issues[0]?.message).toMatch(/XXE.*billion laughs/)
  })

  it('reads a component nested 100 levels deep', async () => {
    const report = await read(bom([nested(100)]))
    expect(report.issues).toEqual([])
    const components = report.document?.components ?? []
    expect(components).toHaveLength(100)
    expect(components[99]?.parent).toBe('c99')
    expect(components[99]?.place.path.filter((part) => part === 'components')).toHaveLength(100)
  })

  it('reports nesting too deep to process instead of crashing', async () => {
    // Written as text: JSON.stringify itself cannot go this deep.
    const depth = 50_000
    const open = '{"type":"library","name":"c","components":['
    const text = `{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"components":[${open.repeat(depth - 1)}{"type":"library","name":"c"}${']}'.repeat(depth - 1)}]}`
    const report = await read(text)
    expect(report.document).toBeUndefined()
    expect(report.issues.map((issue) => issue.code)).toEqual(['sbom/too-deep'])
  })

  it('refuses a file over the size limit, in memory and before reading it from a file', async () => {
    const text = bom([{ type: 'library', name: 'x' }])
    const limits = { ...DEFAULT_SBOM_LIMITS, maxBytes: text.length - 1 }
    const inMemory = await read(text, limits)
    expect(inMemory.readable).toBe(false)
    expect(inMemory.issues[0]?.code).toBe('sbom/too-large')
    const fromFile = await readSbomFile(
      'bom.json',
      memoryReader({ 'bom.json': text }),
      schemas,
      limits,
    )
    expect(fromFile.issues[0]?.code).toBe('sbom/too-large')
    expect((await read(text, { ...limits, maxBytes: text.length })).document).toBeDefined()
  })

  it('reports a duplicate bom-ref with both paths', async () => {
    const report = await read(
      bom([
        { type: 'library', name: 'a', 'bom-ref': 'same' },
        {
          type: 'library',
          name: 'b',
          'bom-ref': 'b',
          components: [{ type: 'library', name: 'c', 'bom-ref': 'same' }],
        },
      ]),
    )
    expect(report.document).toBeUndefined()
    expect(report.issues).toEqual([
      expect.objectContaining({
        code: 'cyclonedx/duplicate-bom-ref',
        path: '$.components[1].components[0].bom-ref',
        related: expect.objectContaining({ path: '$.components[0].bom-ref' }) as unknown,
      }),
    ])
  })

  it('reports a ref given twice in dependencies with both paths, and refs that name nothing', async () => {
    const report = await read(
      bom([{ type: 'library', name: 'a', 'bom-ref': 'a' }], {
        dependencies: [
          { ref: 'a', dependsOn: [] },
          { ref: 'a', dependsOn: ['ghost'] },
          { ref: 'phantom', dependsOn: ['a'] },
          { ref: 'phantom', dependsOn: [] },
        ],
      }),
    )
    expect(report.issues).toEqual([
      expect.objectContaining({
        code: 'cyclonedx/duplicate-dependency',
        severity: 'error',
        path: '$.dependencies[1].ref',
        related: expect.objectContaining({ path: '$.dependencies[0].ref' }) as unknown,
      }),
      expect.objectContaining({
        code: 'cyclonedx/unknown-ref',
        severity: 'warning',
        path: '$.dependencies[1]',
      }),
      expect.objectContaining({ code: 'cyclonedx/unknown-ref', path: '$.dependencies[2]' }),
      expect.objectContaining({
        code: 'cyclonedx/duplicate-dependency',
        path: '$.dependencies[3].ref',
        related: expect.objectContaining({ path: '$.dependencies[2].ref' }) as unknown,
      }),
      expect.objectContaining({ code: 'cyclonedx/unknown-ref', path: '$.dependencies[3]' }),
    ])
  })

  it('reads dependency refs trimmed, as every other text of the BOM', async () => {
    const report = await read(
      bom(
        [
          { type: 'library', name: 'a', 'bom-ref': 'a' },
          { type: 'library', name: 'b', 'bom-ref': 'b' },
        ],
        { dependencies: [{ ref: 'a', dependsOn: ['b ', ' b'] }] },
      ),
    )
    expect(report.issues).toEqual([])
    expect(report.document?.dependencies).toEqual([{ ref: 'a', dependsOn: ['b', 'b'] }])
  })

  it('reports deep-equal components (uniqueItems) with both paths', async () => {
    const same = { type: 'library', name: 'a', version: '1' }
    const report = await read(
      bom([same, { ...same, version: '2' }, { version: '1', name: 'a', type: 'library' }]),
    )
    expect(report.issues).toEqual([
      expect.objectContaining({
        code: 'sbom/duplicate-item',
        path: '$.components[2]',
        related: expect.objectContaining({ path: '$.components[0]' }) as unknown,
      }),
    ])
  })

  it.each([
    ['binary bytes', '\u0000\u0001PK', 'sbom/not-text'],
    ['broken JSON', '{"bomFormat": "CycloneDX", ', 'sbom/not-json'],
    ['JSON that is no SBOM', '{"openapi": "3.0.0"}', 'sbom/unknown-format'],
    [
      'a CycloneDX version we do not read',
      '{"bomFormat": "CycloneDX", "specVersion": "1.1"}',
      'sbom/unsupported-version',
    ],
    ['plain text', 'hello', 'sbom/unknown-format'],
  ])('says what is wrong with %s, without a stack trace', async (_name, text, code) => {
    const report = await read(text)
    expect(report.readable).toBe(false)
    expect(report.issues.map((issue) => issue.code)).toEqual([code])
    expect(report.issues[0]?.message).not.toMatch(/\n\s+at /)
  })

  it('places a malformed XML error at its line', async () => {
    const report = await read(
      `<?xml version="1.0"?>\n<bom xmlns="${NAMESPACE}">\n<components>\n</bom>`,
    )
    expect(report.issues[0]).toMatchObject({ code: 'sbom/not-xml', line: 4 })
  })

  it('decodes the predefined entities and character references of XML values', async () => {
    const report = await read(`<?xml version="1.0"?>
<bom xmlns="${NAMESPACE}" version="1">
  <components>
    <component type="library" bom-ref="a&amp;b">
      <name>Fish &amp; Chips &#x41;&#66;</name>
      <version>1.0</version>
      <purl>pkg:maven/org.example/x@1.0?classifier=dist&amp;type=jar</purl>
    </component>
  </components>
</bom>`)
    expect(report.issues).toEqual([])
    expect(report.document?.components[0]).toMatchObject({
      ref: 'a&b',
      name: 'Fish & Chips AB',
      purl: 'pkg:maven/org.example/x@1.0?classifier=dist&type=jar',
    })
  })
})
