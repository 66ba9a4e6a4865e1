import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { nodeIo } from '../../cli/node-io.js'
import type { SbomComponent, SbomDocument } from '../../core/sbom/index.js'
import { PROJECT_ROOT, testdataPath } from '../../../test/support/testdata.js'
import { readSbomBytes, type SbomReport } from './read-sbom.js'
import { createSbomSchemas } from './sbom-schemas.js'

const schemas = createSbomSchemas(nodeIo().reader, path.join(PROJECT_ROOT, 'schema', 'vendor'))

const filesUnder = (folder: string): string[] =>
  readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name)
    return statSync(file).isDirectory() ? filesUnder(file) : [file]
  })

const SPDX_FILES = [
  ...filesUnder(testdataPath('spdx-spec')),
  ...filesUnder(testdataPath('spdx-examples')),
]
  .filter((file) => /\.(spdx|json)$/.test(file) && !file.includes(`${path.sep}schemas${path.sep}`))
  // The SPDX 3 JSON Schema itself lives beside the documents.
  .filter((file) => !file.endsWith(`rdf${path.sep}schema.json`))
  .sort()

/**
 * The number of packages, counted without our reader: `PackageName:` lines in tag-value, the
 * `packages` array in SPDX 2 JSON, and in SPDX 3 the `"type": "software_Package"` (and its AI and
 * dataset subclasses) occurrences in the text.
 */
const independentCount = (file: string): number => {
  const text = readFileSync(file, 'utf8')
  if (file.endsWith('.spdx'))
    return text.split('\n').filter((line) => line.startsWith('PackageName:')).length
  const json = JSON.parse(text) as { packages?: unknown[]; '@context'?: unknown }
  if (json['@context'] === undefined) return json.packages?.length ?? 0
  return (
    text.match(/"type"\s*:\s*"(?:software_Package|ai_AIPackage|dataset_DatasetPackage)"/g) ?? []
  ).length
}

const read = async (file: string): Promise<SbomReport> =>
  readSbomBytes(readFileSync(file), file, schemas)

const packagesIn = (document: SbomDocument): number =>
  document.components.length + (document.subject === undefined ? 0 : 1)

describe('every SPDX document of spdx-spec and spdx-examples', () => {
  it('is found: 2.2 and 2.3 JSON and tag-value, 3.0 JSON-LD', () => {
    expect(SPDX_FILES.filter((file) => file.endsWith('.spdx')).length).toBe(14)
    expect(SPDX_FILES.length).toBeGreaterThanOrEqual(60)
  })

  it.each(SPDX_FILES)('%s ingests with every package', async (file) => {
    const report = await read(file)
    expect(report.format).toBe('spdx')
    expect(report.issues.filter((issue) => issue.severity === 'error')).toEqual([])
    const document = report.document
    expect(document).toBeDefined()
    if (document === undefined) return
    expect(packagesIn(document)).toBe(independentCount(file))
    expect(report.encoding).toBe(
      file.endsWith('.spdx')
        ? 'tag-value'
        : document.specVersion.startsWith('3')
          ? 'json-ld'
          : 'json',
    )
  })
})

/** A component without where it was written: what must be equal across encodings. */
const content = ({ place: _place, ...rest }: SbomComponent) => rest

describe('the official SPDX 2.3 example, one document in five encodings', () => {
  const folder = ['spdx-spec', 'v2.3.1', 'examples'] as const

  it('gives the same components, subject and dependencies from JSON and from tag-value', async () => {
    const json = (await read(testdataPath(...folder, 'SPDXJSONExample-v2.3.spdx.json'))).document
    const tagValue = (await read(testdataPath(...folder, 'SPDXTagExample-v2.3.spdx'))).document
    expect(json).toBeDefined()
    expect(tagValue).toBeDefined()
    if (json === undefined || tagValue === undefined) return
    const byRef = (document: SbomDocument) =>
      [...document.components].map(content).sort((a, b) => a.ref.localeCompare(b.ref))
    expect(byRef(tagValue)).toEqual(byRef(json))
    expect(tagValue.subject && content(tagValue.subject)).toEqual(
      json.subject && content(json.subject),
    )
    const edges = (document: SbomDocument) =>
      document.dependencies.flatMap((d) => d.dependsOn.map((to) => `${d.ref}>${to}`)).sort()
    expect(edges(tagValue)).toEqual(edges(json))
    expect(tagValue.authors).toEqual(json.authors)
    expect(tagValue.tools).toEqual(json.tools)
    expect(tagValue.created).toBe(json.created)
  })

  it('reads the fields as the JSON document states them', async () => {
    const document = (await read(testdataPath(...folder, 'SPDXJSONExample-v2.3.spdx.json')))
      .document
    expect(document?.subject).toMatchObject({
      ref: 'SPDXRef-Package',
      name: 'glibc',
      version: '2.11.1',
      supplier: 'Jane Doe',
      author: 'ExampleCodeInspect',
      cpe: 'cpe:2.3:a:pivotal_software:spring_framework:4.1.0:*:*:*:*:*:*:*',
      endOfSupport: '2014-01-29T18:30:22Z',
      licenses: ['(LGPL-2.0-only OR LicenseRef-3)', '(LGPL-2.0-only AND LicenseRef-3)'],
    })
    expect(document?.subject?.hashes).toHaveLength(4)
    expect(document?.components.find((c) => c.name === 'Jena')?.purl).toBe(
      'pkg:maven/org.apache.jena/apache-jena@3.12.0',
    )
    expect(document?.authors).toEqual(['ExampleCodeInspect', 'Jane Doe'])
    expect(document?.tools).toEqual(['LicenseFind-1.0'])
  })

  it('refuses the YAML, XML and RDF renderings with a clear reason', async () => {
    for (const [name, words] of [
      ['SPDXYAMLExample-2.3.spdx.yaml', 'YAML'],
      ['SPDXXMLExample-v2.3.spdx.xml', 'SPDX XML'],
      ['SPDXRdfExample-v2.3.spdx.rdf.xml', 'RDF'],
    ] as const) {
      const report = await read(testdataPath(...folder, name))
      expect(report.readable).toBe(false)
      expect(report.issues[0]?.message).toContain(words)
    }
  })
})

describe('SPDX 3.0 JSON-LD', () => {
  it('reads supplier, purl, licences and the root package of the Maven example', async () => {
    const report = await read(
      testdataPath(
        'spdx-examples',
        'software',
        'example14',
        'spdx3.0',
        'examplemaven-0.0.1-enriched.spdx3.json',
      ),
    )
    const document = report.document
    expect(document?.specVersion).toBe('3.0.1')
    expect(document?.subject?.name).toBe('examplemaven')
    const json = JSON.parse(
      readFileSync(
        testdataPath(
          'spdx-examples',
          'software',
          'example14',
          'spdx3.0',
          'examplemaven-0.0.1-enriched.spdx3.json',
        ),
        'utf8',
      ),
    ) as { '@graph': { type: string; software_packageUrl?: string }[] }
    const purls = json['@graph']
      .filter(
        (element) =>
          element.type === 'software_Package' && element.software_packageUrl !== undefined,
      )
      .map((element) => element.software_packageUrl)
    const ours = [document?.subject, ...(document?.components ?? [])].flatMap((c) =>
      c?.purl === undefined ? [] : [c.purl],
    )
    expect(ours.sort()).toEqual([...purls].sort())
    expect(document?.created).toBeDefined()
    expect(document?.authors.length).toBeGreaterThan(0)
  })
})
