import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { nodeIo } from '../../../cli/node-io.js'
import { createSbomSchemas } from '../../../formats/index.js'
import { cycloneDx16Errors } from '../../../../test/support/cyclonedx-schema.js'
import { exampleNames } from '../../../../test/support/model-folders.js'
import { exampleReportContext, REPORT_DATE } from '../../../../test/support/report-context.js'
import { PROJECT_ROOT } from '../../../../test/support/testdata.js'
import type { DeliverablePart } from '../deliverable.js'
import { buildSbomDeliverable, buildVexDeliverable } from './index.js'

const schemas = createSbomSchemas(nodeIo().reader, path.join(PROJECT_ROOT, 'schema', 'vendor'))

type Json = Record<string, unknown>
const dataOf = (parts: readonly DeliverablePart[], extension: string): Json => {
  const part = parts.find((item) => item.kind === 'data' && item.extension === extension)
  if (part?.kind !== 'data') throw new Error(`no ${extension} part`)
  return part.data as Json
}
const list = (value: unknown): Json[] => value as Json[]

describe.each(exampleNames())('SBOM and VEX deliverables of %s', (name) => {
  it('writes a CycloneDX 1.6 SBOM of the release that passes the official schema', async () => {
    const ctx = await exampleReportContext(name)
    const bom = dataOf(buildSbomDeliverable(ctx), 'cdx.json')
    expect(cycloneDx16Errors(bom)).toEqual([])
    const release = ctx.model.releases.find((item) => item.version === ctx.release)
    const expected = [...(release?.components ?? [])].sort()
    const components = list(bom['components'])
    expect(components.map((component) => component['bom-ref'])).toEqual(expected)
    expect(bom['metadata']).toMatchObject({
      timestamp: `${REPORT_DATE}T00:00:00Z`,
      component: { name: ctx.model.product.name, version: ctx.release },
    })
    expect(bom['serialNumber']).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5/)
    for (const component of components) {
      const model = ctx.model.components.find((item) => item.id === component['bom-ref'])
      const properties = list(component['properties'])
      expect(properties).toContainEqual({
        name: 'medcyber:supportLevel',
        value: model?.supportLevel,
      })
      if (model?.endOfSupport !== undefined) {
        expect(properties).toContainEqual({
          name: 'medcyber:endOfSupport',
          value: model.endOfSupport,
        })
      }
      if (model?.purl !== undefined) expect(component['purl']).toBe(model.purl)
      if (model?.license !== undefined) {
        expect(component['licenses']).toEqual([{ expression: model.license }])
      }
    }
  })

  it('writes an SPDX 2.3 SBOM that passes the official schema', async () => {
    const ctx = await exampleReportContext(name)
    const doc = dataOf(buildSbomDeliverable(ctx), 'spdx.json')
    expect(await schemas.json.check('spdx-2.3', doc, 20)).toEqual([])
    const packages = list(doc['packages'])
    const release = ctx.model.releases.find((item) => item.version === ctx.release)
    expect(packages).toHaveLength((release?.components ?? []).length + 1)
    const relationships = list(doc['relationships'])
    expect(relationships[0]).toEqual({
      spdxElementId: 'SPDXRef-DOCUMENT',
      relationshipType: 'DESCRIBES',
      relatedSpdxElement: 'SPDXRef-device',
    })
    expect(relationships.filter((item) => item['relationshipType'] === 'CONTAINS')).toHaveLength(
      packages.length - 1,
    )
    expect(doc['creationInfo']).toEqual(
      expect.objectContaining({ created: `${REPORT_DATE}T00:00:00Z` }),
    )
  })

  it('is the same on every run and differs between releases', async () => {
    const ctx = await exampleReportContext(name)
    expect(buildSbomDeliverable(ctx)).toEqual(buildSbomDeliverable(ctx))
    const other = ctx.model.releases.find((item) => item.version !== ctx.release)
    if (other === undefined) return
    const older = await exampleReportContext(name, { release: other.version })
    expect(dataOf(buildSbomDeliverable(older), 'cdx.json')['serialNumber']).not.toBe(
      dataOf(buildSbomDeliverable(ctx), 'cdx.json')['serialNumber'],
    )
  })

  it('writes the release VEX as CycloneDX (schema-valid) and CSAF', async () => {
    const ctx = await exampleReportContext(name)
    const parts = buildVexDeliverable(ctx)
    const cyclonedx = dataOf(parts, 'cdx.json')
    expect(cycloneDx16Errors(cyclonedx)).toEqual([])
    const csaf = dataOf(parts, 'csaf.json')
    expect(csaf['document']).toMatchObject({ category: 'csaf_vex', csaf_version: '2.0' })
  })
})

describe('SBOM of the infusion pump fleet', () => {
  it('carries support level and end of support the FDA asks for', async () => {
    const ctx = await exampleReportContext('infusion-pump-fleet', { release: '3.2.4' })
    const bom = dataOf(buildSbomDeliverable(ctx), 'cdx.json')
    const kernel = list(bom['components']).find((item) => item['bom-ref'] === 'linux-kernel-4-1')
    const model = ctx.model.components.find((item) => item.id === 'linux-kernel-4-1')
    expect(kernel?.['version']).toBe(model?.version)
    expect(list(kernel?.['properties'])).toContainEqual({
      name: 'cdx:fda:level-of-support',
      value: model?.supportLevel.replace(/-/g, ' '),
    })
  })
})
