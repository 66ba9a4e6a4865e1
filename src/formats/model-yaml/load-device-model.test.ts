import { stringify } from 'yaml'
import { describe, expect, it } from 'vitest'

import { memoryReader } from '../../../test/support/memory-reader.js'
import { minimalModel } from '../../../test/support/minimal-model.js'
import { loadDeviceModel } from './load-device-model.js'

const sbom = JSON.stringify({
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  components: [
    { 'bom-ref': 'rtos', name: 'FreeRTOS', purl: 'pkg:github/freertos/freertos-kernel@10.4.3' },
  ],
})

/** The minimal model split in two files, as people split real ones. */
const splitModel = () => {
  const {
    dataFlows,
    threats,
    controls,
    verifications,
    threatAssessments,
    findingAssessments,
    ...root
  } = minimalModel()
  return {
    'm/medcyber.yaml': stringify({ ...root, include: ['security/flows.yaml'] }),
    'm/security/flows.yaml': stringify({
      medcyber: 'v1',
      dataFlows,
      threats,
      controls,
      verifications,
      threatAssessments,
      findingAssessments,
    }),
    'm/pump.cdx.json': sbom,
  }
}

describe('loadDeviceModel', () => {
  it('loads a model spread over included files', async () => {
    const loaded = await loadDeviceModel('m/medcyber.yaml', memoryReader(splitModel()))
    expect(loaded.issues).toEqual([])
    expect(loaded.files).toEqual(['m/medcyber.yaml', 'm/security/flows.yaml'])
    expect(loaded.model?.dataFlows.map((flow) => flow.id)).toEqual(['bolus-command'])
  })

  it('places an error of an included file at that file and line', async () => {
    const files = splitModel()
    files['m/security/flows.yaml'] = files['m/security/flows.yaml'].replace(
      'to: pump-device',
      'to: pump-devise',
    )
    const loaded = await loadDeviceModel('m/medcyber.yaml', memoryReader(files))
    const line =
      files['m/security/flows.yaml'].split('\n').findIndex((l) => l.includes('pump-devise')) + 1
    expect(loaded.model).toBeUndefined()
    expect(loaded.issues).toEqual([
      expect.objectContaining({
        file: 'm/security/flows.yaml',
        line,
        code: 'model/unknown-reference',
        path: '$.dataFlows[0].to',
      }),
    ])
  })

  it.each([
    ['a missing file', ['missing.yaml'], 'model/not-found'],
    ['a path outside the model', ['../../etc/passwd'], 'model/include-outside-model'],
    ['an absolute path', ['/etc/passwd'], 'model/include-outside-model'],
    ['the root itself (a cycle)', ['medcyber.yaml'], 'model/include-cycle'],
  ])('reports an include of %s at the include line', async (_name, include, code) => {
    const files = splitModel()
    files['m/medcyber.yaml'] = stringify({ ...minimalModel(), include })
    const loaded = await loadDeviceModel('m/medcyber.yaml', memoryReader(files))
    const line = files['m/medcyber.yaml'].split('\n').findIndex((l) => l.startsWith('include:')) + 2
    expect(loaded.issues).toContainEqual(
      expect.objectContaining({ code, file: 'm/medcyber.yaml', line }),
    )
  })

  it('refuses binary and oversized files with a message, not an exception', async () => {
    const files: Record<string, string | Uint8Array> = splitModel()
    files['m/security/flows.yaml'] = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2])
    const binary = await loadDeviceModel('m/medcyber.yaml', memoryReader(files))
    expect(binary.issues).toEqual([expect.objectContaining({ code: 'model/not-text' })])
    const small = await loadDeviceModel('m/medcyber.yaml', memoryReader(splitModel()), {
      maxFileBytes: 100,
      maxFiles: 10,
      maxSbomBytes: 100,
    })
    expect(small.issues).toEqual([
      expect.objectContaining({ code: 'model/too-large', file: 'm/medcyber.yaml' }),
    ])
  })

  it('checks that component links point at entries of the SBOM file', async () => {
    const files = splitModel()
    const model = minimalModel()
    model.components[0] = {
      ...model.components[0]!,
      sbomRefs: [{ sbom: 'pump-sbom', bomRef: 'rtos-kernel' }],
    } as never
    const {
      dataFlows: _d,
      threats: _t,
      controls: _c,
      verifications: _v,
      threatAssessments: _ta,
      findingAssessments: _fa,
      ...rest
    } = model
    files['m/medcyber.yaml'] = stringify({ ...rest, include: ['security/flows.yaml'] })
    const loaded = await loadDeviceModel('m/medcyber.yaml', memoryReader(files))
    expect(loaded.issues).toContainEqual(
      expect.objectContaining({
        code: 'model/sbom-entry-not-found',
        message: "component 'freertos': bom-ref 'rtos-kernel' not found in SBOM 'pump-sbom'",
      }),
    )
  })

  it('checks that a linked SBOM entry has the version the model states', async () => {
    const files = splitModel()
    files['m/medcyber.yaml'] = files['m/medcyber.yaml'].replace(
      'endOfSupport: 2030-12-31',
      'endOfSupport: 2030-12-31\n    sbomRefs:\n      - sbom: pump-sbom\n        bomRef: rtos',
    )
    files['m/pump.cdx.json'] = sbom.replace(
      '"name":"FreeRTOS"',
      '"name":"FreeRTOS","version":"10.0.1"',
    )
    const loaded = await loadDeviceModel('m/medcyber.yaml', memoryReader(files))
    expect(loaded.issues).toEqual([
      expect.objectContaining({
        code: 'model/sbom-version-mismatch',
        message:
          "component 'freertos' is version '10.4.3', but its entry in SBOM 'pump-sbom' is version '10.0.1'",
      }),
    ])
  })

  it('reports a missing SBOM file where it is declared', async () => {
    const files: Record<string, string> = splitModel()
    delete files['m/pump.cdx.json']
    const loaded = await loadDeviceModel('m/medcyber.yaml', memoryReader(files))
    const line =
      files['m/medcyber.yaml']!.split('\n').findIndex((l) => l.includes('path: pump.cdx.json')) + 1
    expect(loaded.issues).toEqual([expect.objectContaining({ code: 'model/sbom-not-found', line })])
  })
})
