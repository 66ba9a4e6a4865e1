import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { nodeIo } from '../../cli/node-io.js'
import { PROJECT_ROOT, testdataPath } from '../../../test/support/testdata.js'
import { readSbomBytes } from './read-sbom.js'
import { createSbomSchemas } from './sbom-schemas.js'

const schemas = createSbomSchemas(nodeIo().reader, path.join(PROJECT_ROOT, 'schema', 'vendor'))

const filesUnder = (folder: string): string[] =>
  readdirSync(folder).flatMap((name) => {
    const file = path.join(folder, name)
    return statSync(file).isDirectory() ? filesUnder(file) : [file]
  })

const BOMS = filesUnder(testdataPath('cyclonedx-bom-examples'))
  .filter((file) => /\.(json|xml)$/.test(file))
  .sort()

/** Components counted by a plain walk of the JSON, independent of our reader. */
const countJson = (node: unknown): number => {
  const components = (node as { components?: unknown[] }).components ?? []
  return components.reduce<number>((sum, component) => sum + 1 + countJson(component), 0)
}

const read = (file: string) => readSbomBytes(readFileSync(file), file, schemas)

describe('the real SBOMs of CycloneDX/bom-examples', () => {
  it('are there: SBOMs, VEX, HBOM, CBOM, SaaSBOM in JSON and XML', () => {
    expect(BOMS.length).toBeGreaterThan(60)
  })

  it.each(BOMS.filter((file) => !file.endsWith('bom.1.1.xml')))('%s ingests', async (file) => {
    const report = await read(file)
    expect(report.issues.filter((issue) => issue.severity === 'error')).toEqual([])
    const document = report.document
    expect(document?.format).toBe('cyclonedx')
    if (file.endsWith('.json') && document !== undefined) {
      const json = JSON.parse(readFileSync(file, 'utf8')) as { metadata?: { component?: unknown } }
      const nestedInSubject =
        json.metadata?.component === undefined ? 0 : countJson(json.metadata.component)
      expect(document.components.length).toBe(countJson(json) + nestedInSubject)
    }
  })

  it('refuses CycloneDX 1.1 XML, saying which versions it reads', async () => {
    const report = await read(
      testdataPath('cyclonedx-bom-examples', 'SBOM', 'laravel-7.12.0', 'bom.1.1.xml'),
    )
    expect(report.readable).toBe(false)
    expect(report.issues.map((issue) => issue.code)).toEqual(['sbom/unsupported-version'])
    expect(report.issues[0]?.message).toContain('CycloneDX 1.2 to 1.7')
  })

  it('reads the same 62 Laravel components from spec 1.2, 1.3 and 1.4, JSON and XML', async () => {
    const sets: string[][] = []
    for (const version of ['1.2', '1.3', '1.4']) {
      for (const extension of ['json', 'xml']) {
        const file = testdataPath(
          'cyclonedx-bom-examples',
          'SBOM',
          'laravel-7.12.0',
          `bom.${version}.${extension}`,
        )
        const document = (await read(file)).document
        sets.push(
          (document?.components ?? [])
            .map(
              (c) =>
                `${c.purl ?? ''}|${c.name}|${c.version ?? ''}|${c.licenses.join()}|${String(c.hashes.length)}`,
            )
            .sort(),
        )
      }
    }
    expect(sets[0]).toHaveLength(62)
    for (const set of sets) expect(set).toEqual(sets[0])
  })

  it('reads the same Dropwizard components from JSON and XML', async () => {
    const file = testdataPath('cyclonedx-bom-examples', 'SBOM', 'dropwizard-1.3.15', 'bom.xml')
    const xml = (await read(file)).document
    const json = (await read(file.replace(/\.xml$/, '.json'))).document
    expect(xml?.components.map((c) => c.purl)).toEqual(json?.components.map((c) => c.purl))
    expect(xml?.components.map((c) => c.hashes)).toEqual(json?.components.map((c) => c.hashes))
    // Licences are not compared: upstream's JSON and XML differ for one component
    // (osgi-resource-locator has a licence expression in the JSON only).
  })
})
