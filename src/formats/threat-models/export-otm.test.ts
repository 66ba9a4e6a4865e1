import { readFileSync } from 'node:fs'
import path from 'node:path'

import { Ajv } from 'ajv'
import { beforeAll, describe, expect, it } from 'vitest'

import { parseDeviceModel, type DeviceModel } from '../../core/index.js'
import { memoryReader } from '../../../test/support/memory-reader.js'
import { EXAMPLES_DIR, exampleNames, readFolder } from '../../../test/support/model-folders.js'
import { testdataPath } from '../../../test/support/testdata.js'
import { loadDeviceModel } from '../model-yaml/load-device-model.js'
import { exportOtm } from './export-otm.js'
import { importOtm } from './import-otm.js'

/** The official OTM schema, as the test data ships it: the export must satisfy the original. */
const validateOtm = (() => {
  const file = testdataPath(
    'owasp-threat-dragon',
    'td.vue',
    'src',
    'assets',
    'schema',
    'open-threat-model.schema.json',
  )
  const { $schema: _meta, ...schema } = JSON.parse(readFileSync(file, 'utf8')) as Record<
    string,
    unknown
  >
  return new Ajv({ allErrors: true, strict: false, allowUnionTypes: true }).compile(schema)
})()

const loadExample = async (name: string): Promise<DeviceModel> => {
  const files = Object.fromEntries(
    [...readFolder(path.join(EXAMPLES_DIR, name))].map(([file, text]) => [`m/${file}`, text]),
  )
  const loaded = await loadDeviceModel('m/medcyber.yaml', memoryReader(files))
  if (loaded.model === undefined) throw new Error(`example ${name} does not load`)
  return loaded.model
}

const ids = (items: readonly { readonly id: string }[] | undefined): string[] =>
  (items ?? []).map((item) => item.id).sort()

const models = new Map<string, DeviceModel>()

beforeAll(async () => {
  for (const name of exampleNames()) models.set(name, await loadExample(name))
})

describe.each(exampleNames())('exportOtm of the example %s', (name) => {
  const model = (): DeviceModel => models.get(name) as DeviceModel

  it('writes OTM that the official schema accepts', () => {
    const { document } = exportOtm(model())
    const valid = validateOtm(document)
    expect(validateOtm.errors ?? []).toEqual([])
    expect(valid).toBe(true)
  })

  it('writes the same bytes for the same model, lists sorted by id', () => {
    const first = JSON.stringify(exportOtm(model()).document)
    const reordered: DeviceModel = {
      ...model(),
      elements: [...model().elements].reverse(),
      dataFlows: [...model().dataFlows].reverse(),
    }
    expect(JSON.stringify(exportOtm(reordered).document)).toBe(first)
    const components = (exportOtm(model()).document['components'] as { id: string }[]).map(
      (component) => component.id,
    )
    expect(components).toEqual([...components].sort())
  })

  it('comes back through the OTM import with its elements and flows, by id', () => {
    const exported = exportOtm(model())
    const back = importOtm(JSON.stringify(exported.document, null, 2), `${name}.otm.json`)
    if (!back.ok) expect.fail(JSON.stringify(back.error, null, 2))
    const { document } = back.value
    expect(ids(document.elements)).toEqual(ids(model().elements))
    expect(ids(document.dataFlows)).toEqual(ids(model().dataFlows))
    expect(ids(document.trustBoundaries)).toEqual(ids(model().trustBoundaries))
    expect(ids(document.threats)).toEqual(ids(model().threats))
    expect(ids(document.controls)).toEqual(ids(model().controls))
    for (const flow of document.dataFlows ?? []) {
      const original = model().dataFlows.find((item) => item.id === flow.id)
      const { interfaces: _i, intermediaries: _m, releases: _r, ...kept } = original ?? flow
      // The export sorts every list; OTM has no interfaces, intermediaries or releases.
      expect(flow).toEqual(
        kept.assets === undefined ? kept : { ...kept, assets: [...kept.assets].sort() },
      )
    }
    for (const element of document.elements ?? []) {
      expect(element).toEqual(model().elements.find((item) => item.id === element.id))
    }
    const outcome = parseDeviceModel([{ source: name, content: document }])
    expect(outcome.issues.filter((issue) => issue.severity === 'error')).toEqual([])
  })

  it('lists what OTM cannot hold, item by item', () => {
    const { dropped, review } = exportOtm(model())
    for (const item of model().interfaces) {
      expect(dropped).toContain(`interfaces '${item.id}': OTM has no interfaces`)
    }
    for (const item of model().hazards) {
      expect(dropped).toContain(`hazards '${item.id}': OTM has no safety risk`)
    }
    expect(dropped.some((line) => line.startsWith('product: manufacturer, modelNumbers'))).toBe(
      true,
    )
    expect(review.some((line) => line.startsWith('threats: OTM requires risk.impact'))).toBe(
      model().threats.length > 0,
    )
  })
})

describe('exportOtm', () => {
  it('gives elements outside every trust boundary a zone of their own, and says so', async () => {
    const base = await loadExample('insulin-pump')
    const model: DeviceModel = { ...base, trustBoundaries: [] }
    const { document, review } = exportOtm(model)
    const zones = document['trustZones'] as { id: string; attributes: unknown }[]
    expect(zones).toEqual([
      expect.objectContaining({
        id: 'outside-trust-boundaries',
        attributes: { medcyber: { synthetic: true } },
      }),
    ])
    expect(review[0]).toMatch(/^trustZones 'outside-trust-boundaries': made up/)
    const back = importOtm(JSON.stringify(document), 'x.json')
    if (!back.ok) expect.fail('import failed')
    expect(back.value.document.trustBoundaries).toBeUndefined()
  })
})
