import { readFileSync } from 'node:fs'
import path from 'node:path'

import { Ajv } from 'ajv'
import addFormats from 'ajv-formats'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'

import {
  BUILT_IN_RULES,
  modelJsonSchema,
  modelReferenceMarkdown,
  ruleCatalogueMarkdown,
  riskPolicyJsonSchema,
} from '../../src/core/index.js'
import { cycloneDx16Errors } from '../support/cyclonedx-schema.js'
import { EXAMPLES_DIR, exampleNames, readFolder } from '../support/model-folders.js'
import { spawnCli } from '../support/spawn-cli.js'
import { PROJECT_ROOT } from '../support/testdata.js'

const PUBLISHED_SCHEMA = path.join(PROJECT_ROOT, 'schema', 'medcyber-v1.schema.json')

describe('the published schema', () => {
  it('is the schema medcyber prints (regenerate with: npx medcyber schema > schema/medcyber-v1.schema.json)', () => {
    expect(JSON.parse(readFileSync(PUBLISHED_SCHEMA, 'utf8'))).toEqual(modelJsonSchema())
    expect(JSON.parse(spawnCli(['schema']).stdout)).toEqual(modelJsonSchema())
  })

  it('has an up-to-date risk policy schema (npx medcyber schema --kind risk-policy > schema/medcyber-risk-policy-v1.schema.json)', () => {
    const published = path.join(PROJECT_ROOT, 'schema', 'medcyber-risk-policy-v1.schema.json')
    expect(JSON.parse(readFileSync(published, 'utf8'))).toEqual(riskPolicyJsonSchema())
  })

  it('has an up-to-date rule catalogue (npx medcyber rules list --format md > docs/threat-rules.md)', () => {
    expect(readFileSync(path.join(PROJECT_ROOT, 'docs', 'threat-rules.md'), 'utf8')).toBe(
      ruleCatalogueMarkdown(BUILT_IN_RULES),
    )
  })

  it('has an up-to-date field reference (npx medcyber schema --format markdown > docs/model-reference.md)', () => {
    expect(readFileSync(path.join(PROJECT_ROOT, 'docs', 'model-reference.md'), 'utf8')).toBe(
      modelReferenceMarkdown(),
    )
  })
})

describe('the example devices', () => {
  it('are the four the README describes', () => {
    expect(exampleNames()).toEqual([
      'infusion-pump-fleet',
      'insulin-pump',
      'patient-monitor',
      'radiotherapy-planning',
    ])
  })

  it.each(exampleNames())(
    '%s validates with exit 0 and no warnings (npx medcyber validate)',
    (name) => {
      const result = spawnCli(['validate', path.join('examples', name)])
      expect(result.stderr).toBe('')
      expect(result.stdout).toMatch(/: valid \(\d+ files, 0 errors, 0 warnings\)\n$/)
      expect(result.code).toBe(0)
    },
  )

  it.each(exampleNames())(
    '%s: every model file validates against the published JSON Schema',
    (name) => {
      const ajv = new Ajv({ strict: true, allErrors: true })
      addFormats.default(ajv, ['date', 'uri'])
      const validate = ajv.compile(JSON.parse(readFileSync(PUBLISHED_SCHEMA, 'utf8')) as object)
      const files = [...readFolder(path.join(EXAMPLES_DIR, name))].filter(
        ([file, text]) =>
          file.endsWith('.yaml') &&
          !/^medcyberRules:/m.test(text) &&
          !/^medcyber-risk-policy:/m.test(text),
      )
      expect(files.length).toBeGreaterThan(1)
      for (const [file, text] of files) {
        expect(
          text.startsWith('# yaml-language-server: $schema=../../schema/medcyber-v1.schema.json'),
          file,
        ).toBe(true)
        expect(validate(parse(text)), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true)
      }
    },
  )

  it('the insulin pump risk policy validates against the published policy schema', () => {
    const ajv = new Ajv({ strict: true, allErrors: true })
    addFormats.default(ajv, ['date', 'uri'])
    const schemaFile = path.join(PROJECT_ROOT, 'schema', 'medcyber-risk-policy-v1.schema.json')
    const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object)
    const text = readFileSync(path.join(EXAMPLES_DIR, 'insulin-pump', 'risk-policy.yaml'), 'utf8')
    expect(text).toContain('$schema=../../schema/medcyber-risk-policy-v1.schema.json')
    expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true)
  })

  it.each(exampleNames())('%s: every SBOM is valid CycloneDX 1.6 (official schema)', (name) => {
    const sboms = [...readFolder(path.join(EXAMPLES_DIR, name))].filter(([file]) =>
      file.endsWith('.cdx.json'),
    )
    expect(sboms.length).toBeGreaterThan(0)
    for (const [file, text] of sboms) {
      const bom = JSON.parse(text) as { specVersion: string; components: unknown[] }
      expect(bom.specVersion, file).toBe('1.6')
      expect(bom.components.length, file).toBeGreaterThan(3)
      expect(cycloneDx16Errors(bom), file).toEqual([])
    }
  })

  it.each(exampleNames())(
    '%s: info reports a cyber device and the support phase of each release',
    (name) => {
      const result = spawnCli(['info', path.join('examples', name), '--json', '--at', '2026-11-28'])
      expect(result.code).toBe(0)
      const facts = JSON.parse(result.stdout) as {
        cyberDevice: { isCyberDevice: boolean }
        releases: { phase: string }[]
      }
      expect(facts.cyberDevice.isCyberDevice).toBe(true)
      expect(facts.releases.length).toBeGreaterThanOrEqual(2)
    },
  )

  it.each(exampleNames())(
    '%s: the risk register rates every evaluation without warnings; only the infusion pump fleet has an uncontrolled risk',
    (name) => {
      // A fixed day: acceptances in the examples lapse at their re-review dates.
      const result = spawnCli([
        'risk',
        path.join('examples', name),
        '--json',
        '--at',
        '2026-11-28',
        '--fail-on',
        'uncontrolled',
        ...(name === 'insulin-pump' ? ['--rules', 'examples/insulin-pump/threat-rules.yaml'] : []),
      ])
      expect(result.stderr.replace(/^medcyber: risk gate .*\n/m, '')).toBe('')
      const register = JSON.parse(result.stdout) as {
        summary: { evaluated: number; uncontrolled: number }
        risks: { id: string; controlStatus: string }[]
        issues: unknown[]
      }
      expect(register.issues).toEqual([])
      expect(register.summary.evaluated).toBeGreaterThanOrEqual(10)
      const uncontrolled = register.risks.filter((risk) => risk.controlStatus === 'uncontrolled')
      if (name === 'infusion-pump-fleet') {
        expect(uncontrolled.map((risk) => risk.id)).toEqual(['CVE-2024-6387@openssh-8-7#4.1.2'])
        expect(result.code).toBe(1)
      } else {
        expect(uncontrolled).toEqual([])
        expect(result.code).toBe(0)
      }
    },
  )

  it('npm start (analyze examples) reports each register and names the uncontrolled risk with its next deadline', () => {
    const result = spawnCli(['analyze', 'examples', '--at', '2026-11-28'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain(
      'Security risk (policy nw-srm-policy v3.0): 21 evaluated, 0 uncontrolled',
    )
    expect(result.stdout).toContain(
      '  uncontrolled: CVE-2024-6387@openssh-8-7#4.1.2 (Communicate the vulnerability to customers and users by 2026-12-10)',
    )
    expect(result.stdout.match(/^Security risk /gm)).toHaveLength(exampleNames().length)
  })
})
