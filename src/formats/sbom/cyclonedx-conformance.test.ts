import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { nodeIo } from '../../cli/node-io.js'
import { PROJECT_ROOT, testdataPath } from '../../../test/support/testdata.js'
import { readSbomBytes } from './read-sbom.js'
import { createSbomSchemas } from './sbom-schemas.js'

/**
 * External truth: the CycloneDX specification's own conformance files. A file named `valid-*`
 * must be valid and one named `invalid-*` invalid, for the JSON files of 1.4 to 1.7 (XML: the
 * companion test file).
 *
 * INVENTORY.md 2.2 lists two upstream quirks seen with Python jsonschema. Neither is an exception
 * here (they get the verdict their names say, and `INVENTORY_QUIRKS` makes sure they are tested):
 * - `invalid-metadata-timestamp-*` is rejected only when formats are checked: we check formats.
 * - `valid-signatures-*`, `valid-attestation-*`, `valid-standard-*` hold JSF signature objects
 *   with made-up signature values that Python's validator rejects; ajv accepts them against the same
 *   JSF schema, as CycloneDX's own JavaScript validator does, so they are valid here.
 */
const INVENTORY_QUIRKS = [
  /^invalid-metadata-timestamp-/,
  /^valid-signatures-/,
  /^valid-attestation-/,
  /^valid-standard-/,
]

const schemas = createSbomSchemas(nodeIo().reader, path.join(PROJECT_ROOT, 'schema', 'vendor'))

const VERSIONS = ['1.4', '1.5', '1.6', '1.7'] as const

const casesOf = (version: string, extension: string): [string, boolean][] => {
  const folder = testdataPath(
    'cyclonedx-specification',
    'tools',
    'src',
    'test',
    'resources',
    version,
  )
  return readdirSync(folder)
    .filter((name) => name.endsWith(extension))
    .sort()
    .map((name) => [path.join(folder, name), !/^(informal-)?invalid-/.test(name)])
}

const verdictOf = async (file: string) => {
  const report = await readSbomBytes(readFileSync(file), file, schemas)
  return {
    valid: report.readable && report.issues.every((issue) => issue.severity !== 'error'),
    report,
  }
}

describe.each(VERSIONS)('CycloneDX %s JSON conformance files', (version) => {
  const json = casesOf(version, '.json')

  it('are all there, the quirk files of INVENTORY.md among them', () => {
    expect(json.length).toBeGreaterThan(40)
    const names = json.map(([file]) => path.basename(file))
    expect(names.filter((name) => INVENTORY_QUIRKS.some((quirk) => quirk.test(name))).length).toBe(
      version === '1.4' || version === '1.5' ? 2 : 4,
    )
  })

  it.each(json)('JSON %s', async (file, named) => {
    const { valid, report } = await verdictOf(file)
    // invalid-bomformat files do not say they are CycloneDX: not readable as CycloneDX at all.
    if (!path.basename(file).startsWith('invalid-bomformat')) {
      expect(report.format).toBe('cyclonedx')
      expect(report.specVersion).toBe(version)
    }
    expect(valid, JSON.stringify(report.issues.slice(0, 3))).toBe(named)
    if (valid) expect(report.document).toBeDefined()
  })
})
