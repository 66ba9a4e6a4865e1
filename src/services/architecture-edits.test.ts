import { parse } from 'yaml'
import { describe, expect, test } from 'vitest'

import type { ModelFile } from '../store/index.js'
import { applyArchitectureEdits, diagramLayoutText } from './architecture-edits.js'

const ROOT = `medcyber: v1
# The parts of the device
include:
  - parts.yaml
  - flows.yaml
  - zones.json
product:
  id: demo
`

const PARTS = `medcyber: v1
elements:
  # --- on the body
  - id: pump
    name: Pump # the main one
    kind: device
    owner: patient
  - id: app
    name: App
    kind: mobile-app
    owner: patient
`

const FLOWS = `medcyber: v1
# Flows between the parts
dataFlows:
  - id: app-to-pump
    name: Bolus
    from: app
    to: pump
elements:
  - id: cloud
    name: Cloud
    kind: cloud-service
    owner: manufacturer
`

const ZONES = '{\n  "medcyber": "v1",\n  "roles": []\n}\n'

const FILES: readonly ModelFile[] = [
  { path: 'flows.yaml', text: FLOWS },
  { path: 'medcyber.yaml', text: ROOT },
  { path: 'parts.yaml', text: PARTS },
  { path: 'zones.json', text: ZONES },
  { path: 'README.md', text: '# not a model file\n' },
]
const ORDER = ['medcyber.yaml', 'parts.yaml', 'flows.yaml', 'zones.json']

const applied = (edits: Parameters<typeof applyArchitectureEdits>[2]) => {
  const result = applyArchitectureEdits(FILES, ORDER, edits)
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`)
  return new Map(result.value.map((file) => [file.path, file.text]))
}

/** The files whose text differs from before. */
const changed = (after: ReadonlyMap<string, string>): string[] =>
  [...after]
    .filter(([path, text]) => FILES.find((f) => f.path === path)?.text !== text)
    .map(([path]) => path)

describe('applyArchitectureEdits', () => {
  test('put replaces the entry in the file that holds it, in the schema order of its keys', () => {
    const after = applied([
      {
        op: 'put',
        list: 'elements',
        entry: { owner: 'manufacturer', kind: 'cloud-service', name: 'Connect', id: 'cloud' },
      },
    ])
    expect(changed(after)).toEqual(['flows.yaml'])
    expect(after.get('flows.yaml')).toBe(FLOWS.replace('    name: Cloud\n', '    name: Connect\n'))
  })

  test('put of a new entry appends it to the first file, in include order, with that list', () => {
    const after = applied([
      {
        op: 'put',
        list: 'elements',
        entry: { id: 'cgm', name: 'CGM', kind: 'accessory', owner: 'patient' },
      },
      {
        op: 'put',
        list: 'dataFlows',
        entry: { id: 'cgm-to-pump', name: 'Glucose', from: 'cgm', to: 'pump', payload: ['data'] },
      },
    ])
    expect(changed(after)).toEqual(['flows.yaml', 'parts.yaml'])
    expect(after.get('parts.yaml')).toBe(
      `${PARTS}  - id: cgm\n    name: CGM\n    kind: accessory\n    owner: patient\n`,
    )
    expect(after.get('flows.yaml')).toBe(
      FLOWS.replace(
        '    to: pump\n',
        '    to: pump\n  - id: cgm-to-pump\n    name: Glucose\n    from: cgm\n    to: pump\n    payload: [data]\n',
      ),
    )
  })

  test('a list no file has yet goes to the root file', () => {
    const after = applied([
      {
        op: 'put',
        list: 'trustBoundaries',
        entry: { id: 'body', name: 'Body', kind: 'physical', elements: ['pump', 'app'] },
      },
    ])
    expect(changed(after)).toEqual(['medcyber.yaml'])
    expect(after.get('medcyber.yaml')).toBe(
      `${ROOT}trustBoundaries:\n  - id: body\n    name: Body\n    kind: physical\n    elements: [pump, app]\n`,
    )
  })

  test('JSON model files stay JSON', () => {
    const files = [...FILES.filter((f) => f.path !== 'zones.json')]
    files.push({ path: 'zones.json', text: '{\n  "medcyber": "v1",\n  "trustBoundaries": []\n}\n' })
    const result = applyArchitectureEdits(files, ORDER, [
      {
        op: 'put',
        list: 'trustBoundaries',
        entry: { id: 'body', name: 'Body', kind: 'physical', elements: ['pump'] },
      },
    ])
    expect(result.ok).toBe(true)
    const text = result.ok ? result.value.find((f) => f.path === 'zones.json')?.text : undefined
    expect(JSON.parse(text ?? '')).toEqual({
      medcyber: 'v1',
      trustBoundaries: [{ id: 'body', name: 'Body', kind: 'physical', elements: ['pump'] }],
    })
  })

  test('remove deletes the entry where it is written, keeping the comments around it', () => {
    const after = applied([{ op: 'remove', list: 'elements', id: 'pump' }])
    expect(changed(after)).toEqual(['parts.yaml'])
    expect(after.get('parts.yaml')).toBe(
      PARTS.replace(
        '  - id: pump\n    name: Pump # the main one\n    kind: device\n    owner: patient\n',
        '',
      ),
    )
    expect((parse(after.get('parts.yaml') ?? '') as { elements: unknown[] }).elements).toEqual([
      { id: 'app', name: 'App', kind: 'mobile-app', owner: 'patient' },
    ])
  })

  test('edits apply in order: an entry put by one edit can be removed by the next', () => {
    const after = applied([
      {
        op: 'put',
        list: 'elements',
        entry: { id: 'tmp', name: 'T', kind: 'device', owner: 'hdo' },
      },
      { op: 'remove', list: 'elements', id: 'tmp' },
    ])
    expect(changed(after)).toEqual([])
  })

  test('an id no list has, or an entry without an id, is refused with the index of the edit', () => {
    expect(
      applyArchitectureEdits(FILES, ORDER, [
        { op: 'remove', list: 'elements', id: 'app' },
        { op: 'remove', list: 'dataFlows', id: 'pump' },
      ]),
    ).toEqual({
      ok: false,
      error: { code: 'unknown-entry', edit: 1, list: 'dataFlows', id: 'pump' },
    })
    expect(
      applyArchitectureEdits(FILES, ORDER, [{ op: 'put', list: 'elements', entry: { name: 'x' } }]),
    ).toEqual({ ok: false, error: { code: 'entry-without-id', edit: 0 } })
  })
})

describe('diagramLayoutText', () => {
  test('pretty JSON with the element ids sorted and only x and y kept', () => {
    const text = diagramLayoutText({
      positions: { pump: { y: 2, x: 1 }, app: { x: -3.5, y: 0, z: 9 } as { x: number; y: number } },
    })
    expect(text).toBe(
      '{\n  "positions": {\n    "app": {\n      "x": -3.5,\n      "y": 0\n    },\n    "pump": {\n      "x": 1,\n      "y": 2\n    }\n  }\n}\n',
    )
  })
})
