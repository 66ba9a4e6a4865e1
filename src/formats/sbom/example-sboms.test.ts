import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { nodeIo } from '../../cli/node-io.js'
import { checkMinimumElements } from '../../core/sbom/index.js'
import { PROJECT_ROOT } from '../../../test/support/testdata.js'
import { readSbomBytes } from './read-sbom.js'
import { createSbomSchemas } from './sbom-schemas.js'

const schemas = createSbomSchemas(nodeIo().reader, path.join(PROJECT_ROOT, 'schema', 'vendor'))

const EXAMPLES = path.join(PROJECT_ROOT, 'examples')
const SBOMS = readdirSync(EXAMPLES).flatMap((device) => {
  const folder = path.join(EXAMPLES, device, 'sbom')
  return readdirSync(folder)
    .filter((name) => name.endsWith('.cdx.json'))
    .map((name) => path.join(folder, name))
})

interface RawComponent {
  readonly type: string
  readonly 'bom-ref'?: string
  readonly version?: string
  readonly supplier?: { readonly name?: string }
  readonly purl?: string
  readonly cpe?: string
  readonly components?: readonly RawComponent[]
}

interface RawBom {
  readonly metadata: {
    readonly timestamp?: string
    readonly authors?: unknown[]
    readonly manufacturer?: unknown
  }
  readonly components: readonly RawComponent[]
  readonly dependencies?: readonly { ref: string; dependsOn?: string[] }[]
}

const flatten = (components: readonly RawComponent[]): RawComponent[] =>
  components.flatMap((component) => [component, ...flatten(component.components ?? [])])

describe('the example devices’ SBOMs', () => {
  it('are the four devices’ CycloneDX 1.6 files', () => {
    expect(new Set(SBOMS.map((file) => file.split(path.sep).at(-3))).size).toBe(4)
    expect(SBOMS.length).toBeGreaterThanOrEqual(20)
  })

  it.each(SBOMS)('%s is valid and its coverage counts what the file holds', async (file) => {
    const text = readFileSync(file)
    const report = await readSbomBytes(text, file, schemas)
    expect(report.issues).toEqual([])
    const document = report.document
    if (document === undefined) throw new Error('no document')
    expect(document.specVersion).toBe('1.6')

    // The same counts, taken straight from the JSON.
    const raw = JSON.parse(text.toString()) as RawBom
    const software = flatten(raw.components).filter((component) => component.type !== 'device')
    const related = new Set(
      (raw.dependencies ?? []).flatMap((dependency) => [
        dependency.ref,
        ...(dependency.dependsOn ?? []),
      ]),
    )
    const expected = {
      supplier: software.filter((c) => c.supplier?.name !== undefined).length,
      name: software.length,
      version: software.filter((c) => c.version !== undefined).length,
      identifier: software.filter((c) => c.purl !== undefined || c.cpe !== undefined).length,
      dependency: software.filter((c) => related.has(c['bom-ref'] ?? '')).length,
      author: raw.metadata.authors !== undefined || raw.metadata.manufacturer !== undefined ? 1 : 0,
      timestamp: raw.metadata.timestamp === undefined ? 0 : 1,
      supportLevel: 0,
      endOfSupport: 0,
    }
    const minimum = checkMinimumElements(document)
    expect(minimum.checked).toBe(software.length)
    expect(Object.fromEntries(minimum.coverage.map((row) => [row.element, row.present]))).toEqual(
      expected,
    )
    const missingNtia = minimum.coverage
      .filter((row) => row.source === 'ntia')
      .reduce((sum, row) => sum + row.total - row.present, 0)
    expect(minimum.issues.filter((issue) => issue.severity === 'error')).toHaveLength(missingNtia)
    expect(minimum.ntiaComplete).toBe(missingNtia === 0)
  })
})
