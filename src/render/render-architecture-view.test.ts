import { existsSync, readdirSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'

import { Resvg } from '@resvg/resvg-js'
import { beforeAll, describe, expect, it } from 'vitest'

import { validModel } from '../../test/support/rule-harness.js'
import { PROJECT_ROOT } from '../../test/support/testdata.js'
import { err, ok, type DeviceModel } from '../core/index.js'
import {
  availableViews,
  selectView,
  type ArchitectureView,
  type ViewSpec,
} from '../core/views/index.js'
import { loadDeviceModel, type FileReader } from '../formats/index.js'
import { architectureViewDot, renderArchitectureViewSvg } from './index.js'

const fileReader: FileReader = {
  async read(file, maxBytes) {
    try {
      const bytes = await readFile(file)
      if (bytes.length > maxBytes) return err({ code: 'too-large', message: `${file} too large` })
      return ok(new Uint8Array(bytes))
    } catch {
      return err({ code: 'not-found', message: `${file} cannot be read` })
    }
  },
}

const selected = (model: DeviceModel, spec: ViewSpec): ArchitectureView => {
  const result = selectView(model, spec)
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

const decode = (xml: string): string =>
  xml
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

/** Node title → the text drawn in the node, lines joined by spaces. */
const nodeTexts = (svg: string): Map<string, string> => {
  const texts = new Map<string, string>()
  for (const match of svg.matchAll(
    /<g id="node\d+" class="node">\s*<title>([^<]*)<\/title>([\s\S]*?)<\/g>/g,
  )) {
    const lines = [...(match[2] ?? '').matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
      decode(m[1] ?? ''),
    )
    texts.set(decode(match[1] ?? ''), lines.join(' ').replace(/\s+/g, ' '))
  }
  return texts
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim()

describe('architecture view diagrams with hostile model text', () => {
  const HOSTILE = 'Evil"]; injected [label="pwn <script>{a|b}</script> \\N\nnext line'
  const model = validModel((m) => {
    m.product.name = `Pump ${HOSTILE}`
    const [pump, phone] = m.elements
    if (pump !== undefined) pump.name = HOSTILE
    if (phone !== undefined) phone.name = 'Phone "app" <v2> {beta} | \\G'
    const [command] = m.dataFlows
    if (command !== undefined) {
      command.name = 'Bolus"]; x -> y [color=red'
      command.protocol = 'BLE <GATT> {v1|v2} \\L'
    }
    const [boundary] = m.trustBoundaries
    if (boundary !== undefined) boundary.name = 'Body "area"}; subgraph cluster_x {'
  })
  const view = selected(model, 'global')
  let svg = ''
  beforeAll(async () => {
    svg = await renderArchitectureViewSvg(view)
  })

  it('keeps the graph structure: two elements, one flow label, one boundary', () => {
    const nodes = [...nodeTexts(svg).keys()].sort()
    expect(nodes).toEqual(['element:phone', 'element:pump-device', 'flow:bolus-command'])
    expect(svg.match(/class="cluster"/g)).toHaveLength(1)
    expect(svg.match(/class="edge"/g)).toHaveLength(2)
  })

  it('shows the text as text, escaped in the SVG', () => {
    const texts = nodeTexts(svg)
    expect(texts.get('element:pump-device')).toContain(oneLine(HOSTILE))
    expect(texts.get('element:phone')).toContain('Phone "app" <v2> {beta} | \\G')
    expect(texts.get('flow:bolus-command')).toContain('Bolus"]; x -> y [color=red')
    expect(texts.get('flow:bolus-command')).toContain('BLE <GATT> {v1|v2} \\L')
    expect(svg).toContain('Evil&quot;];')
    expect(svg).toContain('&lt;script&gt;')
    expect(svg).not.toContain('<script')
    expect(decode(svg)).toContain('Body "area"}; subgraph cluster_x {')
  })

  it('puts no model text into DOT unescaped', () => {
    const dot = architectureViewDot(view)
    expect(dot).not.toContain('"];')
    expect(dot).not.toContain('<script')
    // Every backslash from the model is doubled: none is left to start an escape like \N.
    expect(dot.replace(/\\\\/g, '')).not.toContain('\\')
  })
})

const EXAMPLES_DIR = path.join(PROJECT_ROOT, 'examples')
const EXAMPLES = readdirSync(EXAMPLES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()
const loadExample = async (example: string): Promise<DeviceModel> => {
  const file = path.join(EXAMPLES_DIR, example, 'medcyber.yaml')
  const loaded = await loadDeviceModel(file, fileReader)
  if (loaded.model === undefined) throw new Error(`${file} does not load`)
  return loaded.model
}
const MODELS = new Map(
  await Promise.all(
    EXAMPLES.map(async (example) => [example, await loadExample(example)] as const),
  ),
)
const CASES = EXAMPLES.flatMap((example) =>
  availableViews(MODELS.get(example) as DeviceModel).map(
    (view) => [example, view.id, view] as const,
  ),
)

/** DejaVu Sans when installed (it is what the layout measured with), else whatever the system has. */
const DEJAVU = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) =>
  path.join('/usr/share/fonts/truetype/dejavu', file),
)
const FONTS = DEJAVU.every((file) => existsSync(file))
  ? { loadSystemFonts: false, fontFiles: DEJAVU, defaultFontFamily: 'DejaVu Sans' }
  : { loadSystemFonts: true }

describe('the views of the examples', () => {
  it('are the three system views and one per clinical function', () => {
    for (const model of MODELS.values()) {
      expect(availableViews(model)).toHaveLength(3 + model.product.clinicalFunctions.length)
    }
    expect(CASES.length).toBeGreaterThanOrEqual(4 * 4)
  })

  it.each(CASES)(
    '%s %s renders to the same SVG every time, names every element and rasterises',
    async (example, _, available) => {
      const model = MODELS.get(example) as DeviceModel
      const view = selected(model, available.spec)
      const svg = await renderArchitectureViewSvg(view)
      expect(await renderArchitectureViewSvg(selected(model, available.spec))).toBe(svg)
      const texts = nodeTexts(svg)
      for (const element of view.elements) {
        expect(texts.get(`element:${element.id}`), element.id).toContain(oneLine(element.name))
      }
      // Drawn at a fixed width to keep the test quick; the checks are on the natural size.
      const raster = new Resvg(svg, { font: FONTS, fitTo: { mode: 'width', value: 1200 } })
      expect(raster.width).toBeGreaterThan(800)
      expect(raster.width).toBeLessThan(6000)
      expect(raster.height).toBeGreaterThan(500)
      expect(raster.height).toBeLessThan(6000)
      const png = raster.render().asPng()
      expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47])
      expect(png.length).toBeGreaterThan(50_000)
    },
  )
})
