import { readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { nodeIo } from '../../cli/node-io.js'
import { PROJECT_ROOT, testdataPath } from '../../../test/support/testdata.js'
import { readSbomBytes, readSbomText } from './read-sbom.js'
import { DEFAULT_SBOM_LIMITS } from './sbom-limits.js'
import { createSbomSchemas } from './sbom-schemas.js'

const schemas = createSbomSchemas(nodeIo().reader, path.join(PROJECT_ROOT, 'schema', 'vendor'))
const CYCLONEDX = ['cyclonedx-specification', 'tools', 'src', 'test', 'resources']

/** Valid and invalid files of every kind the reader takes, from their official test suites. */
const FILES = [
  [...CYCLONEDX, '1.6', 'valid-service-empty-objects-1.6.json'],
  [...CYCLONEDX, '1.6', 'invalid-license-id-1.6.json'],
  [...CYCLONEDX, '1.6', 'invalid-missing-component-type-1.6.json'],
  [...CYCLONEDX, '1.5', 'valid-bom-1.5.xml'],
  [...CYCLONEDX, '1.5', 'invalid-component-type-1.5.xml'],
  ['spdx-examples', 'software', 'example11', 'spdx2.3', 'sbom.spdx.json'],
  ['spdx-examples', 'software', 'example11', 'spdx3.0', 'sbom.spdx3.json'],
].map((parts) => testdataPath(...parts))

describe('readSbomText', () => {
  it.each(FILES)('gives the report readSbomBytes gives for the same file: %s', async (file) => {
    const bytes = new Uint8Array(readFileSync(file))
    const fromBytes = await readSbomBytes(bytes, file, schemas)
    const fromText = await readSbomText(new TextDecoder().decode(bytes), file, schemas)
    expect(fromText).toEqual(fromBytes)
    expect(fromText.readable).toBe(true)
    expect(fromText.document === undefined).toBe(path.basename(file).startsWith('invalid-'))
  })

  it('holds the text to the size limit in UTF-8 bytes, as the file would be', async () => {
    const name = 'é'.repeat(40)
    const text = JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      version: 1,
      components: [{ type: 'library', name }],
    })
    const size = new TextEncoder().encode(text).length
    expect(size).toBe(text.length + name.length)
    const over = await readSbomText(text, 'bom', schemas, {
      ...DEFAULT_SBOM_LIMITS,
      maxBytes: size - 1,
    })
    expect(over.issues.map((issue) => [issue.code, issue.message])).toEqual([
      ['sbom/too-large', `the file is ${String(size)} bytes; the limit is ${String(size - 1)}`],
    ])
    const at = await readSbomText(text, 'bom', schemas, { ...DEFAULT_SBOM_LIMITS, maxBytes: size })
    expect(at.document?.components.map((component) => component.name)).toEqual([name])
  })

  it('places JSON issues at the line and column of the value they are about', async () => {
    const file = testdataPath(...CYCLONEDX, '1.6', 'invalid-license-id-1.6.json')
    const text = readFileSync(file, 'utf8')
    const lines = text.split('\n')
    const where = (fragment: string, value: string) => {
      const index = lines.findIndex((line) => line.includes(fragment))
      return { line: index + 1, column: (lines[index] ?? '').indexOf(value) + 1 }
    }
    const report = await readSbomText(text, file, schemas)
    const issue = (path: string) => report.issues.find((found) => found.path === path)
    expect(issue('$.components[0].licenses[0].license.id')).toMatchObject(
      where('"id": "Apache-2"', '"Apache-2"'),
    )
    // The object a required or unknown property is missing from or found in: its brace.
    const licensesAt = where('"licenses": [', '[')
    expect(issue('$.components[0].licenses[0]')).toMatchObject({ line: licensesAt.line + 1 })
  })

  it('places both sides of a duplicate bom-ref', async () => {
    const text = [
      '{"bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1, "components": [',
      '  {"type": "library", "name": "a", "bom-ref": "same"},',
      '  {"type": "library", "name": "b", "bom-ref": "same"}',
      ']}',
    ].join('\n')
    const report = await readSbomText(text, 'bom.json', schemas)
    expect(report.issues).toEqual([
      expect.objectContaining({
        code: 'cyclonedx/duplicate-bom-ref',
        line: 3,
        column: (text.split('\n')[2] ?? '').indexOf('"same"') + 1,
        related: expect.objectContaining({ line: 2 }) as unknown,
      }),
    ])
  })

  it('leaves a problem about the whole file at line 0', async () => {
    const report = await readSbomText('{"bomFormat": "CycloneDX"}', 'bom.json', schemas)
    expect(report.issues.map((found) => [found.path, found.line])).toEqual([['$', 0]])
  })
})
