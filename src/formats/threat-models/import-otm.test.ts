import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { parseDeviceModel } from '../../core/index.js'
import { testdataPath } from '../../../test/support/testdata.js'
import { importOtm } from './import-otm.js'

const ROOT = testdataPath('owasp-threat-dragon')

/** Every JSON file of the Threat Dragon test data but its schemas, relative to its folder. */
const fixtures = (): string[] => {
  const found: string[] = []
  const walk = (relative: string): void => {
    for (const entry of readdirSync(path.join(ROOT, relative), { withFileTypes: true })) {
      const child = path.join(relative, entry.name)
      if (entry.isDirectory() && entry.name !== 'schema') walk(child)
      else if (entry.isFile() && entry.name.endsWith('.json')) found.push(child)
    }
  }
  walk('')
  return found.sort()
}

const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8')
const contentOf = (file: string) => JSON.parse(read(file)) as Record<string, unknown>

const files = fixtures()
const otmFiles = files.filter((file) => 'otmVersion' in contentOf(file))
const others = files.filter((file) => !otmFiles.includes(file))

describe('importOtm on the test data', () => {
  it('finds both OTM files', () => {
    expect(otmFiles).toEqual([
      'ThreatDragonModels/test/example-open-threat-model.json',
      'td.vue/src/service/demo/mobile-cloud.otm.json',
    ])
  })

  it.each(otmFiles)('imports %s into a model that validates', (file) => {
    const result = importOtm(read(file), file)
    if (!result.ok) expect.fail(JSON.stringify(result.error, null, 2))
    const outcome = parseDeviceModel([{ source: file, content: result.value.document }])
    expect(outcome.issues.filter((issue) => issue.severity === 'error')).toEqual([])
  })

  it.each(others)('refuses %s, which is not OTM, with a clear message', (file) => {
    const result = importOtm(read(file), file)
    if (result.ok) expect.fail('imported a file that is not OTM')
    const [first] = result.error
    const content = contentOf(file)
    expect(result.error).toHaveLength(1)
    expect(first).toMatchObject({ code: 'import/not-otm', path: [], line: 1 })
    if (['summary', 'summarize', 'detail', 'details'].some((key) => key in content)) {
      expect(first?.message).toBe(
        'this is a Threat Dragon model, not an OTM file; import it as Threat Dragon',
      )
    } else {
      expect(first?.message).toMatch(/TM-BOM.*not an OTM file; medcyber does not import TM-BOM/)
    }
  })

  it('maps the OTM example item by item', () => {
    const file = 'ThreatDragonModels/test/example-open-threat-model.json'
    const result = importOtm(read(file), file)
    if (!result.ok) expect.fail('import failed')
    const { document, dropped } = result.value
    expect(document.elements?.map((element) => element.id)).toEqual([
      'class-customerdatabase',
      'customer-database',
      'web-client',
      'web-service',
    ])
    expect(document.trustBoundaries).toEqual([
      expect.objectContaining({ id: 'internet', elements: ['web-client'] }),
      expect.objectContaining({
        id: 'private',
        elements: ['class-customerdatabase', 'customer-database', 'web-service'],
      }),
    ])
    expect(document.dataFlows?.find((flow) => flow.id === 'cc-store-in-db')).toMatchObject({
      from: 'web-service',
      to: 'customer-database',
      assets: ['cc-data'],
      bidirectional: true,
    })
    expect(document.assets?.find((asset) => asset.id === 'public-info')).toMatchObject({
      security: { confidentiality: 'none', integrity: 'high', availability: 'low' },
      elements: ['web-service'],
    })
    expect(document.threats).toEqual([
      expect.objectContaining({
        stride: ['spoofing', 'tampering'],
        cwe: [79, 787],
        elements: ['cc-store-in-db', 'web-service'],
      }),
    ])
    const [threat] = document.threats ?? []
    expect(document.threatAssessments).toEqual([
      expect.objectContaining({ threat: threat?.id, status: 'open' }),
    ])
    expect(
      document.controls?.find((control) => control.mitigates?.includes(threat?.id ?? '')),
    ).toMatchObject({ status: 'planned', elements: ['cc-store-in-db', 'web-service'] })
    expect(dropped).toContain('$.trustZones[0].risk.trustRating: trust rating 20')
  })

  it('reports schema problems at their path and line', () => {
    const text =
      '{\n  "otmVersion": "0.2.0",\n  "project": { "name": "P" },\n  "dataflows": [{ "id": "f" }]\n}'
    const result = importOtm(text, 'bad.otm.json')
    if (result.ok) expect.fail('imported an invalid file')
    expect(result.error.map(({ path: at, message, line }) => ({ at, message, line }))).toEqual([
      { at: ['project'], message: "OTM schema: missing required property 'id'", line: 3 },
      { at: ['dataflows', 0], message: "OTM schema: missing required property 'name'", line: 4 },
      { at: ['dataflows', 0], message: "OTM schema: missing required property 'source'", line: 4 },
      {
        at: ['dataflows', 0],
        message: "OTM schema: missing required property 'destination'",
        line: 4,
      },
    ])
  })

  it('drops flows that do not join two components, saying why', () => {
    const result = importOtm(
      JSON.stringify({
        otmVersion: '0.2.0',
        project: { name: 'P', id: 'p' },
        trustZones: [{ id: 'z', name: 'Zone', risk: { trustRating: 50 } }],
        components: [{ id: 'a', name: 'A', type: 'web-service', parent: { trustZone: 'z' } }],
        dataflows: [
          { id: 'to-zone', name: 'To zone', source: 'a', destination: 'z' },
          { id: 'loop', name: 'Loop', source: 'a', destination: 'a' },
        ],
      }),
      'p.otm.json',
    )
    if (!result.ok) expect.fail(JSON.stringify(result.error))
    expect(result.value.document.dataFlows).toBeUndefined()
    expect(result.value.dropped).toEqual(
      expect.arrayContaining([
        "$.dataflows[0].destination: flow end is trust zone 'z'; a medcyber flow joins two elements, so the flow is dropped",
        '$.dataflows[1]: a flow from a component to itself; a medcyber flow joins two elements',
      ]),
    )
  })
})
