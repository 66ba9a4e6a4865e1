import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { parseDeviceModel } from '../../core/index.js'
import { testdataPath } from '../../../test/support/testdata.js'
import { importThreatDragon } from './import-threat-dragon.js'

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

/** What the file is, from the marks each format carries. */
const formatOf = (file: string): 'threat-dragon' | 'otm' | 'tm-bom' => {
  const content = JSON.parse(read(file)) as Record<string, unknown>
  if ('otmVersion' in content) return 'otm'
  if ('summary' in content || 'detail' in content || 'details' in content) return 'threat-dragon'
  return 'tm-bom'
}

/** The two models the test data marks as malformed, and what must be said about them. */
const MALFORMED: Readonly<Record<string, readonly { path: unknown[]; message: string }[]>> = {
  'ThreatDragonModels/test/malformed-new-model.json': [
    {
      path: [],
      message:
        "Threat Dragon v1 schema: missing required property 'summary'; the file has 'summarize': did you mean 'summary'?",
    },
    {
      path: ['detail'],
      message:
        "Threat Dragon v1 schema: missing required property 'contributors'; the file has 'contribute': did you mean 'contributors'?",
    },
    {
      path: ['detail'],
      message:
        "Threat Dragon v1 schema: missing required property 'diagrams'; the file has 'diagramming': did you mean 'diagrams'?",
    },
  ],
  'ThreatDragonModels/test/v2-malformed-new-model.json': [
    {
      path: [],
      message:
        "Threat Dragon v2 schema: missing required property 'detail'; the file has 'details': did you mean 'detail'?",
    },
    {
      path: ['summary'],
      message:
        "Threat Dragon v2 schema: missing required property 'title'; the file has 'titled': did you mean 'title'?",
    },
    {
      path: ['summary', 'description'],
      message: "Threat Dragon v2 schema: 'description' must be string, not number",
    },
  ],
}

const files = fixtures()
const models = files.filter(
  (file) => formatOf(file) === 'threat-dragon' && MALFORMED[file] === undefined,
)

const importFixture = (file: string) => importThreatDragon(read(file), file)

describe('importThreatDragon on the Threat Dragon test data', () => {
  it('finds the v1 and v2 models', () => {
    expect(models).toEqual(
      expect.arrayContaining([
        'ThreatDragonModels/demo-threat-model.json',
        'ThreatDragonModels/v2-threat-model.json',
        'td.vue/src/service/demo/iot-device.json',
      ]),
    )
  })

  it.each(models)('imports %s into a model that validates', (file) => {
    const result = importFixture(file)
    if (!result.ok) expect.fail(JSON.stringify(result.error, null, 2))
    const outcome = parseDeviceModel([{ source: file, content: result.value.document }])
    expect(outcome.issues.filter((issue) => issue.severity === 'error')).toEqual([])
  })

  it.each(Object.entries(MALFORMED))('rejects the malformed %s, saying why', (file, expected) => {
    const result = importFixture(file)
    if (result.ok) expect.fail('imported a malformed model')
    expect(result.error.map(({ path: at, message }) => ({ path: at, message }))).toEqual(expected)
    expect(result.error.every((issue) => issue.code === 'import/schema')).toBe(true)
    expect(result.error[0]).toMatchObject({ source: file, line: 1, column: 1 })
  })

  it.each(files.filter((file) => formatOf(file) !== 'threat-dragon'))(
    'refuses %s, which is another format, by name',
    (file) => {
      const result = importFixture(file)
      if (result.ok) expect.fail('imported another format')
      expect(result.error).toHaveLength(1)
      expect(result.error[0]?.code).toBe('import/not-threat-dragon')
      expect(result.error[0]?.message).toMatch(
        formatOf(file) === 'otm'
          ? /^this is an Open Threat Model \(OTM\) file, not a Threat Dragon model; import it as OTM$/
          : /TM-BOM.*not a Threat Dragon model; medcyber does not import TM-BOM$/,
      )
    },
  )

  it('imports every cell, threat and status of the v2 sample', () => {
    const result = importFixture('ThreatDragonModels/v2-threat-model.json')
    if (!result.ok) expect.fail('import failed')
    const { document } = result.value
    expect(document.elements).toHaveLength(7)
    expect(document.dataFlows).toHaveLength(10)
    expect(document.threats).toHaveLength(14)
    expect(document.threatAssessments).toHaveLength(14)
    const statuses = new Set(document.threatAssessments?.map((assessment) => assessment.status))
    expect(statuses).toEqual(new Set(['open', 'mitigated']))
    const strides = new Set(document.threats?.flatMap((threat) => threat.stride))
    expect(strides).toEqual(
      new Set(['information-disclosure', 'tampering', 'spoofing', 'denial-of-service']),
    )
    expect(
      document.elements?.find((element) => element.name === 'Background Worker Process'),
    ).toMatchObject({ kind: 'server', owner: 'manufacturer' })
    expect(document.elements?.find((element) => element.name === 'Browser')?.kind).toBe(
      'external-entity',
    )
  })

  it('reads v1 names from the drawing and carries the same facts as v2', () => {
    const v1 = importFixture('ThreatDragonModels/demo-threat-model.json')
    const v2 = importFixture('ThreatDragonModels/v2-threat-model.json')
    if (!v1.ok || !v2.ok) expect.fail('import failed')
    const names = (document: typeof v1.value.document) =>
      document.elements?.map((element) => element.name).sort()
    expect(names(v1.value.document)).toEqual(names(v2.value.document))
    expect(v1.value.document.threats?.map((threat) => threat.title).sort()).toEqual(
      v2.value.document.threats?.map((threat) => threat.title).sort(),
    )
  })

  it('drops boundary curves, naming the flows that cross them', () => {
    const result = importFixture('td.vue/src/service/demo/iot-device.json')
    if (!result.ok) expect.fail('import failed')
    const curve = result.value.dropped.find((line) =>
      line.includes("trust boundary curve 'Internet'"),
    )
    expect(curve).toMatch(/flows crossing it by position: .*https/)
    expect(result.value.document.trustBoundaries).toBeUndefined()
  })

  it('maps other methodologies to STRIDE and says so', () => {
    const result = importFixture('ThreatDragonModels/test/test-reports.json')
    if (!result.ok) expect.fail('import failed')
    const die = result.value.document.threats?.find((threat) => threat.id === 'new-die-threat')
    expect(die?.stride).toEqual(['denial-of-service'])
    expect(result.value.review).toContain(
      "threat 'new-die-threat': STRIDE mapped from 'Distributed' → denial-of-service",
    )
    expect(result.value.dropped).toContain(
      "$.detail.diagrams[1].cells[4]: flow 'Data Flow' is not attached to an element at both ends",
    )
  })
})

/** A v2 model with one diagram of the given cells. */
const v2Model = (cells: readonly unknown[]): string =>
  JSON.stringify({
    version: '2.3.0',
    summary: { title: 'Pump' },
    detail: {
      contributors: [],
      diagramTop: 1,
      reviewer: '',
      threatTop: 1,
      diagrams: [
        { id: 0, title: 'Main', diagramType: 'STRIDE', thumbnail: '', version: '2.3.0', cells },
      ],
    },
  })

const node = (id: string, shape: string, type: string, x: number, y: number, extra = {}) => ({
  id,
  shape,
  zIndex: 1,
  position: { x, y },
  size: { width: 100, height: 60 },
  data: { type, name: id, hasOpenThreats: false, ...extra },
})

const box = (id: string, x: number, y: number, width: number, height: number) => ({
  id,
  shape: 'trust-boundary-box',
  zIndex: -1,
  position: { x, y },
  size: { width, height },
  data: { type: 'tm.BoundaryBox', name: id, isTrustBoundary: true, hasOpenThreats: false },
})

describe('importThreatDragon on hand-made models', () => {
  it('puts elements in the smallest box around them and nests the boxes', () => {
    const result = importThreatDragon(
      v2Model([
        box('Hospital', 0, 0, 1000, 1000),
        box('Ward', 50, 50, 400, 400),
        node('Pump', 'process', 'tm.Process', 100, 100),
        node('Server', 'process', 'tm.Process', 600, 600),
        node('Cloud', 'actor', 'tm.Actor', 2000, 2000),
        {
          id: 'f1',
          shape: 'flow',
          zIndex: 2,
          source: { cell: 'Pump' },
          target: { cell: 'Server' },
          data: {
            type: 'tm.Flow',
            name: 'Events',
            protocol: 'HTTPS',
            hasOpenThreats: true,
            threats: [
              {
                title: 'Event tampering',
                type: 'Tampering',
                status: 'Mitigated',
                severity: 'High',
                description: 'x',
                mitigation: 'Mutual TLS.',
              },
              {
                title: 'Odd',
                type: 'Non-compliance',
                status: 'Avoided',
                severity: 'Low',
                description: 'Provide a description for this threat',
                mitigation: '',
              },
            ],
          },
        },
      ]),
      'pump.json',
    )
    if (!result.ok) expect.fail(JSON.stringify(result.error))
    const { document, review } = result.value
    expect(document.trustBoundaries).toEqual([
      {
        id: 'hospital',
        name: 'Hospital',
        kind: 'network-zone',
        elements: ['server'],
        boundaries: ['ward'],
      },
      { id: 'ward', name: 'Ward', kind: 'network-zone', elements: ['pump'] },
    ])
    expect(document.dataFlows?.[0]).toMatchObject({
      id: 'pump-events',
      from: 'pump',
      to: 'server',
      encryption: { type: 'tls' },
      integrity: 'mac',
      authentication: { type: 'none' },
    })
    expect(document.threats).toEqual([
      {
        id: 'event-tampering',
        title: 'Event tampering',
        description: 'x',
        stride: ['tampering'],
        elements: ['pump-events'],
      },
      { id: 'odd', title: 'Odd', stride: ['information-disclosure'], elements: ['pump-events'] },
    ])
    expect(document.threatAssessments).toEqual([
      { threat: 'event-tampering', status: 'mitigated', rationale: 'Mutual TLS.' },
      {
        threat: 'odd',
        status: 'not-applicable',
        rationale: "Threat Dragon status 'Avoided'; no mitigation was recorded.",
      },
    ])
    expect(review).toEqual(
      expect.arrayContaining([
        "threat 'odd': stride [information-disclosure] is a placeholder: 'Non-compliance' (STRIDE) has no STRIDE counterpart",
        "threat assessment of 'odd': status 'not-applicable' for Threat Dragon status 'Avoided'",
      ]),
    )
  })

  it('never throws on input that is not a model', () => {
    for (const text of ['', '[]', '"text"', '{', 'null', '{"summary": 3, "detail": []}']) {
      const result = importThreatDragon(text, 'x.json')
      expect(result.ok).toBe(false)
    }
  })
})
