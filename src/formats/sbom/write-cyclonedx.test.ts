import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { nodeIo } from '../../cli/node-io.js'
import type { SbomComponent } from '../../core/sbom/index.js'
import { cycloneDx16Errors } from '../../../test/support/cyclonedx-schema.js'
import { PROJECT_ROOT, testdataPath } from '../../../test/support/testdata.js'
import { readSbomBytes } from './read-sbom.js'
import { createSbomSchemas } from './sbom-schemas.js'
import { toCycloneDx16 } from './write-cyclonedx.js'

const schemas = createSbomSchemas(nodeIo().reader, path.join(PROJECT_ROOT, 'schema', 'vendor'))

const filesUnder = (folder: string): string[] =>
  readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name)
    return statSync(file).isDirectory() ? filesUnder(file) : [file]
  })

const SOURCES = [
  ...filesUnder(testdataPath('spdx-examples')).filter((file) => /\.(spdx|json)$/.test(file)),
  testdataPath('spdx-spec', 'v2.3.1', 'examples', 'SPDXTagExample-v2.3.spdx'),
  testdataPath('cyclonedx-bom-examples', 'SBOM', 'dropwizard-1.3.15', 'bom.xml'),
  testdataPath('cyclonedx-bom-examples', 'SBOM', 'laravel-7.12.0', 'bom.1.3.json'),
  path.join(PROJECT_ROOT, 'examples', 'insulin-pump', 'sbom', 'pump-firmware-3.1.0.cdx.json'),
].sort()

/** What survives the conversion: everything CycloneDX has a place for. */
const essence = (component: SbomComponent) => ({
  name: component.name,
  version: component.version,
  supplier: component.supplier,
  purl: component.purl,
  cpe: component.cpe,
  licenses: component.licenses,
  endOfSupport: component.endOfSupport,
  supportLevel: component.supportLevel,
})

describe('CycloneDX 1.6 JSON writer', () => {
  it.each(SOURCES)('converts %s into CycloneDX the official schema accepts', async (file) => {
    const source = (await readSbomBytes(readFileSync(file), file, schemas)).document
    if (source === undefined) throw new Error(`${file} should ingest`)
    const { bom } = toCycloneDx16(source)
    // External truth: ajv on the unmodified official schema, uniqueItems and all.
    expect(cycloneDx16Errors(bom)).toEqual([])

    const back = (
      await readSbomBytes(new TextEncoder().encode(JSON.stringify(bom)), 'out', schemas)
    ).document
    expect(back?.components.map(essence)).toEqual(source.components.map(essence))
    expect(back?.subject && essence(back.subject)).toEqual(
      source.subject && essence(source.subject),
    )
    expect(back?.authors).toEqual(source.authors)
    expect(back?.created).toBe(source.created)
    const edges = (document: typeof source) =>
      document.dependencies.flatMap((d) => d.dependsOn.map((to) => `${d.ref}>${to}`)).sort()
    expect(back && edges(back)).toEqual(edges(source))
  })

  it('writes the FDA support facts as component properties, and leaves out hashes CycloneDX cannot hold', () => {
    const { bom, problems } = toCycloneDx16({
      format: 'spdx',
      encoding: 'json',
      specVersion: '2.3',
      authors: [],
      tools: [],
      components: [
        {
          ref: 'SPDXRef-a',
          type: 'library',
          name: 'a',
          hashes: [
            { algorithm: 'SHA1', value: '85ed0817af83a24ad8da68c2b5094de69833983c' },
            { algorithm: 'MD2', value: 'abc' },
          ],
          licenses: ['MIT', 'Some proprietary licence'],
          supportLevel: 'actively maintained',
          endOfSupport: '2028-12-31',
          place: { path: ['packages', 0] },
        },
      ],
      dependencies: [],
    })
    expect(cycloneDx16Errors(bom)).toEqual([])
    expect(bom['components']).toEqual([
      expect.objectContaining({
        hashes: [{ alg: 'SHA-1', content: '85ed0817af83a24ad8da68c2b5094de69833983c' }],
        licenses: [{ license: { name: 'MIT' } }, { license: { name: 'Some proprietary licence' } }],
        properties: [
          { name: 'cdx:fda:level-of-support', value: 'actively maintained' },
          { name: 'cdx:lifecycle:milestone:endOfSupport', value: '2028-12-31' },
        ],
      }),
    ])
    expect(problems.map((found) => found.code)).toEqual(['cyclonedx/hash-dropped'])
  })
})
