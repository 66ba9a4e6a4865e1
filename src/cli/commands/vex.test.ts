import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'

import { checkCsafVex } from '../../core/index.js'
import { cycloneDx16Errors } from '../../../test/support/cyclonedx-schema.js'
import { tempDir } from '../../../test/support/temp-dir.js'
import { PROJECT_ROOT, testdataPath } from '../../../test/support/testdata.js'
import type { CliIo } from '../cli-io.js'
import { nodeIo } from '../node-io.js'
import { vexExportCommand, vexImportCommand } from './vex.js'

const EXAMPLES = ['infusion-pump-fleet', 'insulin-pump', 'patient-monitor', 'radiotherapy-planning']

const capture = () => {
  const out = { stdout: '', stderr: '' }
  const io: CliIo = {
    ...nodeIo(),
    stdout: (text) => {
      out.stdout += text
    },
    stderr: (text) => {
      out.stderr += text
    },
    today: () => '2026-01-15',
    ask: () => Promise.resolve(undefined),
  }
  return { io, out }
}

const exported = async (
  example: string,
  format: 'cyclonedx' | 'csaf' | 'openvex',
  release?: string,
): Promise<{ text: string; stderr: string }> => {
  const { io, out } = capture()
  const code = await vexExportCommand(io, path.join(PROJECT_ROOT, 'examples', example), {
    format,
    ...(release === undefined ? {} : { release }),
  })
  expect(code, out.stderr).toBe(0)
  return { text: out.stdout, stderr: out.stderr }
}

let csafValidator: ValidateFunction | undefined
/** The OASIS CSAF 2.0 schema, with the FIRST CVSS schemas registered under their URLs. */
const csafSchema = (): ValidateFunction => {
  if (csafValidator !== undefined) return csafValidator
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats.default(ajv)
  const read = (...parts: string[]) =>
    JSON.parse(readFileSync(testdataPath('oasis-csaf', 'csaf_2.0', ...parts), 'utf8')) as object
  for (const version of ['2.0', '3.0', '3.1']) {
    // FIRST's schemas declare draft-04, which Ajv 2020 does not load; their keywords are the same.
    const {
      $schema: _draft,
      id: _id,
      ...schema
    } = read('referenced_schema', 'first', `cvss-v${version}.json`) as Record<string, unknown>
    ajv.addSchema(schema, `https://www.first.org/cvss/cvss-v${version}.json`)
  }
  csafValidator = ajv.compile(read('json_schema', 'csaf_json_schema.json'))
  return csafValidator
}

/**
 * The constraints of the OpenVEX 0.2.0 JSON schema (openvex/spec openvex_json_schema.json,
 * $id https://github.com/openvex/spec/openvex_json_schema_0.2.0.json, commit 309766a):
 * required document keys, closed objects, status and justification enums, not_affected with
 * exactly one of justification and impact_statement, affected with an action_statement.
 */
const openVexProblems = (document: Record<string, unknown>): string[] => {
  const problems: string[] = []
  const allowed = [
    '@context',
    '@id',
    'author',
    'role',
    'timestamp',
    'last_updated',
    'version',
    'tooling',
    'statements',
  ]
  for (const key of ['@context', '@id', 'author', 'timestamp', 'version', 'statements']) {
    if (!(key in document)) problems.push(`missing ${key}`)
  }
  for (const key of Object.keys(document)) if (!allowed.includes(key)) problems.push(`extra ${key}`)
  if (!Number.isInteger(document['version']) || Number(document['version']) < 1)
    problems.push('version')
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(String(document['timestamp'])))
    problems.push('timestamp')
  const statements = document['statements'] as Record<string, unknown>[]
  if (statements.length === 0) problems.push('no statements')
  const statementKeys = [
    '@id',
    'version',
    'vulnerability',
    'timestamp',
    'last_updated',
    'products',
    'status',
    'supplier',
    'status_notes',
    'justification',
    'impact_statement',
    'action_statement',
    'action_statement_timestamp',
  ]
  const justifications = [
    'component_not_present',
    'vulnerable_code_not_present',
    'vulnerable_code_not_in_execute_path',
    'vulnerable_code_cannot_be_controlled_by_adversary',
    'inline_mitigations_already_exist',
  ]
  statements.forEach((statement, index) => {
    const at = `statements[${String(index)}]`
    for (const key of Object.keys(statement))
      if (!statementKeys.includes(key)) problems.push(`${at} extra ${key}`)
    if (
      !['not_affected', 'affected', 'fixed', 'under_investigation'].includes(
        String(statement['status']),
      )
    )
      problems.push(`${at} status`)
    if (
      'justification' in statement &&
      !justifications.includes(String(statement['justification']))
    )
      problems.push(`${at} justification`)
    if (
      statement['status'] === 'not_affected' &&
      'justification' in statement === 'impact_statement' in statement
    )
      problems.push(`${at} not_affected needs exactly one of justification, impact_statement`)
    if (statement['status'] === 'affected' && typeof statement['action_statement'] !== 'string')
      problems.push(`${at} affected needs action_statement`)
    const name = (statement['vulnerability'] as Record<string, unknown> | undefined)?.['name']
    if (typeof name !== 'string') problems.push(`${at} vulnerability.name`)
    for (const product of statement['products'] as Record<string, unknown>[]) {
      if (!/^[a-z][a-z0-9+.-]*:/.test(String(product['@id'])))
        problems.push(`${at} product @id is not a URI`)
    }
  })
  return problems
}

describe('medcyber vex export', () => {
  for (const example of EXAMPLES) {
    it(`${example}: CycloneDX VEX valid against the official CycloneDX 1.6 schema`, async () => {
      const { text } = await exported(example, 'cyclonedx')
      const bom = JSON.parse(text) as { vulnerabilities: unknown[] }
      expect(cycloneDx16Errors(bom)).toEqual([])
      expect(bom.vulnerabilities.length).toBeGreaterThan(0)
    })

    it(`${example}: CSAF VEX valid against the OASIS CSAF 2.0 schema and the VEX mandatory tests`, async () => {
      const { text } = await exported(example, 'csaf')
      const document = JSON.parse(text) as Record<string, unknown>
      const validate = csafSchema()
      expect(validate(document), JSON.stringify(validate.errors)).toBe(true)
      expect(checkCsafVex(document)).toEqual([])
    })

    it(`${example}: OpenVEX meets the OpenVEX 0.2.0 schema's constraints`, async () => {
      const { text } = await exported(example, 'openvex')
      expect(openVexProblems(JSON.parse(text) as Record<string, unknown>)).toEqual([])
    })
  }

  it('is byte-identical for the same model and --at, and dated by --at', async () => {
    const run = async () => {
      const { io, out } = capture()
      await vexExportCommand(io, path.join(PROJECT_ROOT, 'examples', 'insulin-pump'), {
        format: 'csaf',
        at: '2025-02-03',
      })
      return out.stdout
    }
    const first = await run()
    expect(await run()).toBe(first)
    expect(first).toContain('"current_release_date": "2025-02-03T00:00:00Z"')
  })

  it('shows carriedFrom for an analysis carried to a later release with the component unchanged', async () => {
    // The example's PSoC 4 decision names both releases; scoped to 2.4.1 it must carry to 3.1.0.
    const folder = path.join(tempDir('medcyber-vex'), 'insulin-pump')
    cpSync(path.join(PROJECT_ROOT, 'examples', 'insulin-pump'), folder, { recursive: true })
    const security = path.join(folder, 'security.yaml')
    const scoped = readFileSync(security, 'utf8').replace(
      "releases: ['2.4.1', '3.1.0']\n    hazardousSituations: [cgm-data-loss]",
      "releases: ['2.4.1']\n    hazardousSituations: [cgm-data-loss]",
    )
    writeFileSync(security, scoped)
    const { io, out } = capture()
    expect(await vexExportCommand(io, folder, { format: 'openvex', release: '3.1.0' })).toBe(0)
    expect(out.stderr).toContain('CVE-2019-16336@psoc4-ble-3-61 in 3.1.0: carriedFrom: 2.4.1')
    expect(out.stdout).toContain('Assessed for release 2.4.1; the component is unchanged in 3.1.0.')
  })

  it('writes --out and refuses an unknown release', async () => {
    const file = path.join(tempDir('medcyber-vex'), 'vex.json')
    const { io } = capture()
    const model = path.join(PROJECT_ROOT, 'examples', 'insulin-pump')
    expect(await vexExportCommand(io, model, { format: 'openvex', out: file })).toBe(0)
    expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveProperty('@context')
    const bad = capture()
    expect(await vexExportCommand(bad.io, model, { format: 'openvex', release: '9.9' })).toBe(2)
    expect(bad.out.stderr).toContain("no release '9.9'")
  })
})

describe('medcyber vex import', () => {
  it('prints suggested findingAssessments from a supplier VEX and leaves the model alone', async () => {
    const { io, out } = capture()
    const model = path.join(PROJECT_ROOT, 'examples', 'insulin-pump')
    const before = readFileSync(path.join(model, 'security.yaml'), 'utf8')
    const vex = path.join(tempDir('medcyber-vex'), 'supplier.json')
    writeFileSync(
      vex,
      JSON.stringify({
        '@context': 'https://openvex.dev/ns/v0.2.0',
        '@id': 'https://supplier.example/vex/1',
        author: 'FreeRTOS',
        timestamp: '2024-01-01T00:00:00Z',
        version: 1,
        statements: [
          {
            vulnerability: { name: 'CVE-2021-31571' },
            products: [{ '@id': 'cpe:2.3:a:amazon:freertos:10.0.0:*:*:*:*:*:*:*' }],
            status: 'not_affected',
            justification: 'vulnerable_code_not_present',
          },
        ],
      }),
    )
    expect(await vexImportCommand(io, model, vex, {})).toBe(0)
    expect(out.stdout).toContain('findingAssessments:')
    expect(out.stdout).toContain('finding: CVE-2021-31571@freertos-kernel-10-0-0')
    expect(out.stdout).toContain('justification: vulnerable_code_not_present')
    expect(readFileSync(path.join(model, 'security.yaml'), 'utf8')).toBe(before)
  })
})
