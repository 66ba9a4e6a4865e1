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
})
