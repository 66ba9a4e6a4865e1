// npx tsx bench/diagram-layout.ts: the cost of an architecture diagram for a large model
// (200 elements, ~400 flows, 10 trust boundaries), from view selection through DOT and Graphviz
// layout to SVG, median of 5. Graphviz dominates; the ratio against rendering a trivial two-node
// graph in the same run makes the figures comparable across machines.
import { parseDeviceModel, type DeviceModel } from '../src/core/index.js'
import { selectView, type ArchitectureView, type ViewSpec } from '../src/core/views/index.js'
import { architectureViewDot } from '../src/render/index.js'
import { renderDotSvg } from '../src/render/render-svg.js'
import { minimalModel } from '../test/support/minimal-model.js'

const ELEMENTS = 200
const FLOWS = 400
const BOUNDARIES = 10
const RUNS = 5

const KINDS = [
  'device',
  'device-component',
  'server',
  'cloud-service',
  'update-server',
  'data-store',
  'workstation',
  'hdo-system',
  'network-infrastructure',
  'external-entity',
  'mobile-app',
] as const
const OWNERS = ['manufacturer', 'hdo', 'patient', 'third-party'] as const
const PAYLOADS = [['data'], ['commands'], ['software'], ['configuration', 'data'], ['logs']]
const SECURITY = [
  {
    authentication: { type: 'mutual' },
    encryption: { type: 'tls', version: '1.3' },
    integrity: 'authenticated-encryption',
    replayProtection: true,
  },
  {
    authentication: { type: 'none' },
    encryption: { type: 'none' },
    integrity: 'crc',
    replayProtection: false,
  },
  {
    authentication: { type: 'source', credentials: 'shared' },
    encryption: { type: 'ble-link-layer' },
    integrity: 'mac',
    replayProtection: true,
  },
]

/** A valid model shaped like a large hospital system; a fixed stride keeps it deterministic. */
const generatedModel = (): DeviceModel => {
  const id = (prefix: string, i: number): string => `${prefix}-${String(i)}`
  const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T
  const { medcyber, product } = minimalModel()
  const draft = {
    medcyber,
    product,
    elements: Array.from({ length: ELEMENTS }, (_, i) => ({
      id: id('element', i),
      name: `Element ${String(i)} of kind ${pick(KINDS, i)}`,
      kind: pick(KINDS, i),
      owner: pick(OWNERS, i * 7),
    })),
    dataFlows: Array.from({ length: FLOWS }, (_, i) => {
      const from = i % ELEMENTS
      const to = (from + 1 + ((i * 37) % (ELEMENTS - 1))) % ELEMENTS
      return {
        id: id('flow', i),
        name: `Flow ${String(i)} from ${String(from)} to ${String(to)}`,
        from: id('element', from),
        to: id('element', to),
        protocol: pick(['HTTPS', 'HL7 v2.6 over MLLP', 'BLE GATT', 'DICOM C-STORE'], i),
        payload: pick(PAYLOADS, i),
        ...pick(SECURITY, i * 5),
      }
    }),
    // Five outer boundaries, each with one boundary nested inside.
    trustBoundaries: Array.from({ length: BOUNDARIES }, (_, b) => ({
      id: id('boundary', b),
      name: `Trust boundary ${String(b)}`,
      kind: 'network-zone',
      elements: Array.from({ length: ELEMENTS / BOUNDARIES }, (_, k) =>
        id('element', k * BOUNDARIES + b),
      ),
      ...(b % 2 === 0 ? { boundaries: [id('boundary', b + 1)] } : {}),
    })),
  }
  draft.product.clinicalFunctions = [
    {
      id: 'bolus',
      name: 'Generated function',
      category: 'therapy-delivery',
      elements: [id('element', 0), id('element', 11), id('element', 22)],
    },
  ]
  const outcome = parseDeviceModel([{ source: 'bench', content: draft }])
  if (outcome.model === undefined) {
    throw new Error(`the generated model is invalid: ${JSON.stringify(outcome.issues[0])}`)
  }
  return outcome.model
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

const time = async (work: () => unknown, runs = RUNS): Promise<number> => {
  const samples: number[] = []
  for (let i = 0; i < runs; i += 1) {
    const started = process.hrtime.bigint()
    await work()
    samples.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  return median(samples)
}

const select = (model: DeviceModel, spec: ViewSpec): ArchitectureView => {
  const result = selectView(model, spec)
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

const model = generatedModel()
await renderDotSvg('digraph { a -> b }') // creates the Graphviz instance outside the timings
// The floor takes well under a millisecond, so its median needs many more runs to be stable.
const FLOOR_RUNS = 101
const floor = await time(() => renderDotSvg('digraph { a -> b }'), FLOOR_RUNS)

console.log(
  `model: ${String(model.elements.length)} elements, ${String(model.dataFlows.length)} flows, ${String(model.trustBoundaries.length)} trust boundaries; median of ${String(RUNS)} runs; floor (trivial 2-node graph to SVG, median of ${String(FLOOR_RUNS)}): ${floor.toFixed(2)} ms\n`,
)
console.log(
  '| view | elements | flows | selection (ms) | DOT (ms) | layout + SVG (ms) | total (ms) | SVG (kB) | total / floor |',
)
console.log('|---|---|---|---|---|---|---|---|---|')
const SPECS: readonly [string, ViewSpec][] = [
  ['global', 'global'],
  ['multi-patient', 'multi-patient'],
  ['update', 'update'],
  ['use-case:bolus', { useCase: 'bolus' }],
]
for (const [name, spec] of SPECS) {
  const view = select(model, spec)
  const dot = architectureViewDot(view)
  const svg = await renderDotSvg(dot)
  const selection = await time(() => select(model, spec))
  const dotMs = await time(() => architectureViewDot(view))
  const layout = await time(() => renderDotSvg(dot))
  const total = await time(() => renderDotSvg(architectureViewDot(select(model, spec))))
  console.log(
    `| ${name} | ${String(view.elements.length)} | ${String(view.flows.length)} | ${selection.toFixed(1)} | ${dotMs.toFixed(1)} | ${layout.toFixed(0)} | ${total.toFixed(0)} | ${(svg.length / 1024).toFixed(0)} | ${(total / floor).toFixed(0)} |`,
  )
}
