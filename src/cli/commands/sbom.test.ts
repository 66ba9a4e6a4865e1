import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { cycloneDx16Errors } from '../../../test/support/cyclonedx-schema.js'
import { tempDir } from '../../../test/support/temp-dir.js'
import { PROJECT_ROOT, testdataPath } from '../../../test/support/testdata.js'
import type { CliIo } from '../cli-io.js'
import { nodeIo } from '../node-io.js'
import { sbomCommand, type SbomAction, type SbomOptions } from './sbom.js'

const run = async (action: SbomAction, file: string, options: Partial<SbomOptions> = {}) => {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    ...nodeIo(),
    stdout: (text) => {
      stdout += text
    },
    stderr: (text) => {
      stderr += text
    },
    today: () => '2026-11-28',
  }
  const code = await sbomCommand(io, action, file, { json: false, ...options })
  return { code, stdout, stderr }
}

const CLOUD = path.join(PROJECT_ROOT, 'examples', 'insulin-pump', 'sbom', 'cloud.cdx.json')
const SPEC_1_4 = ['cyclonedx-specification', 'tools', 'src', 'test', 'resources', '1.4'] as const

const complete = {
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  metadata: { timestamp: '2026-01-01T00:00:00Z', authors: [{ name: 'Acme PSIRT' }] },
  components: [
    {
      type: 'library',
      'bom-ref': 'zlib',
      supplier: { name: 'zlib project' },
      name: 'zlib',
      version: '1.3.1',
      purl: 'pkg:generic/zlib@1.3.1',
      properties: [
        { name: 'cdx:fda:level-of-support', value: 'actively maintained' },
        { name: 'cdx:lifecycle:milestone:endOfSupport', value: '2030-12-31' },
      ],
    },
  ],
  dependencies: [{ ref: 'zlib', dependsOn: [] }],
}

describe('medcyber sbom validate', () => {
  it('prints { valid, format, specVersion, issues } and exits 0 for a valid SBOM', async () => {
    const { code, stdout } = await run('validate', CLOUD, { json: true })
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toEqual({
      valid: true,
      format: 'cyclonedx',
      encoding: 'json',
      specVersion: '1.6',
      issues: [],
    })
  })

  it('exits 1 for an invalid SBOM and names both places of a duplicate', async () => {
    const file = testdataPath(...SPEC_1_4, 'invalid-component-ref-1.4.json')
    const { code, stdout } = await run('validate', file, { json: true })
    expect(code).toBe(1)
    const result = JSON.parse(stdout) as {
      valid: boolean
      issues: { code: string; path: string; related?: { path: string } }[]
    }
    expect(result.valid).toBe(false)
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        code: 'cyclonedx/duplicate-bom-ref',
        path: '$.components[1].bom-ref',
        related: expect.objectContaining({ path: '$.components[0].bom-ref' }) as unknown,
      }),
    )
  })

  it('prints issues as file:line: severity: message [code] and a summary line', async () => {
    const file = testdataPath(...SPEC_1_4, 'invalid-component-type-1.4.xml')
    const { code, stdout } = await run('validate', file)
    expect(code).toBe(1)
    expect(stdout).toMatch(/invalid-component-type-1\.4\.xml:\d+:0: error: .+ \[sbom\/schema\]/)
    expect(stdout).toContain('invalid CycloneDX 1.4 XML')
  })

  it('exits 2 when the file cannot be read as an SBOM: missing, or XML with a DOCTYPE', async () => {
    expect((await run('validate', path.join(tempDir('sbom'), 'missing.json'))).code).toBe(2)
    const xxe = path.join(tempDir('sbom'), 'xxe.xml')
    writeFileSync(
      xxe,
      '<?xml version="1.0"?><!DOCTYPE bom [<!ENTITY x SYSTEM "file:///etc/passwd">]><bom/>',
    )
    const { code, stdout } = await run('validate', xxe, { json: true })
    expect(code).toBe(2)
    expect(stdout).toContain('sbom/xml-doctype')
  })
})

describe('medcyber sbom check', () => {
  it('prints the coverage table and exits 1 when an NTIA element is missing', async () => {
    const { code, stdout } = await run('check', CLOUD)
    expect(code).toBe(1)
    expect(stdout).toContain('| supplier name | NTIA | 8/23 | 34.8 % |')
    expect(stdout).toContain('| level of support | FDA | 0/23 | 0.0 % |')
    expect(stdout).toContain(
      "error: component 'sqlparse' 0.4.3 has no supplier name [ntia/supplier]",
    )
    expect(stdout).toMatch(/and 13 more \[fda\/support-level\]/)
  })

  it('places each missing element of a JSON SBOM at the component that lacks it', async () => {
    const { stdout } = await run('check', CLOUD)
    const text = readFileSync(CLOUD, 'utf8')
    const name = text.indexOf('"name": "sqlparse"')
    // The component object is the last `{` before its name; its line and column, 1-based.
    const opening = text.lastIndexOf('{', name)
    const line = text.slice(0, opening).split('\n').length
    const column = opening - text.lastIndexOf('\n', opening)
    expect(stdout).toContain(
      `${CLOUD}:${String(line)}:${String(column)}: error: component 'sqlparse' 0.4.3 has no supplier name [ntia/supplier]`,
    )
  })

  it('exits 0 with --json when every element is there', async () => {
    const file = path.join(tempDir('sbom'), 'complete.cdx.json')
    writeFileSync(file, JSON.stringify(complete))
    const { code, stdout } = await run('check', file, { json: true })
    expect(code).toBe(0)
    expect(JSON.parse(stdout)).toMatchObject({ ntiaComplete: true, checked: 1, issues: [] })
  })

  it('exits 2 for an SBOM that is not valid', async () => {
    const { code, stderr } = await run(
      'check',
      testdataPath(...SPEC_1_4, 'invalid-component-ref-1.4.json'),
    )
    expect(code).toBe(2)
    expect(stderr).toContain('nothing to check')
  })
})

describe('medcyber sbom convert', () => {
  it('writes SPDX tag-value as CycloneDX 1.6 JSON that the official schema accepts', async () => {
    const out = path.join(tempDir('sbom'), 'converted.cdx.json')
    const source = testdataPath('spdx-spec', 'v2.3.1', 'examples', 'SPDXTagExample-v2.3.spdx')
    const { code, stderr } = await run('convert', source, { to: 'cyclonedx-json', out })
    expect(code).toBe(0)
    expect(stderr).toContain('wrote')
    const bom = JSON.parse(readFileSync(out, 'utf8')) as {
      components: { name: string }[]
      metadata: { component: { name: string } }
    }
    expect(cycloneDx16Errors(bom)).toEqual([])
    expect(bom.metadata.component.name).toBe('glibc')
    expect(bom.components.map((component) => component.name).sort()).toEqual([
      'Apache Commons Lang',
      'Jena',
      'Saxon',
    ])
    expect((await run('validate', out)).code).toBe(0)
  })

  it('needs --to', async () => {
    const { code, stderr } = await run('convert', CLOUD)
    expect(code).toBe(2)
    expect(stderr).toContain('--to cyclonedx-json')
  })
})
