import { readFileSync } from 'node:fs'
import path from 'node:path'

import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'

import { EXAMPLES_DIR, readFolder, writeFolder } from '../support/model-folders.js'
import { runCli } from '../support/run-cli.js'
import { tempDir } from '../support/temp-dir.js'
import { testdataPath } from '../support/testdata.js'

const INSULIN = path.join(EXAMPLES_DIR, 'insulin-pump')

describe('threat modeling from the command line', () => {
  it('threats --format md prints a Markdown table of every threat', async () => {
    const result = await runCli(['threats', INSULIN, '--format', 'md'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(
      /^# Threats\n\n\| id \| threat \| STRIDE \| element \| status \| controls \|\n/,
    )
    expect(result.stdout).toContain('| replayable-therapy-command@mobile-bolus-v2 |')
  })

  it('diff shows the threats a design change opens and why it is significant', async () => {
    const files = readFolder(INSULIN)
    const architecture = files.get('architecture.yaml') ?? ''
    files.set(
      'architecture.yaml',
      architecture.replace('pairing: passkey-entry', 'pairing: just-works'),
    )
    expect(files.get('architecture.yaml')).not.toBe(architecture)
    const changed = writeFolder(files)
    const result = await runCli(['diff', INSULIN, changed, '--json'])
    expect(result.code).toBe(0)
    const diff = JSON.parse(result.stdout) as {
      sections: { section: string }[]
      threats: { opened: { id: string }[]; closed: unknown[] }
    }
    expect(diff.sections.map((s) => s.section)).toEqual(['interfaces'])
    expect(diff.threats.opened.map((t) => t.id)).toContain(
      'ble-pairing-without-mitm-protection@pump-radio-ble',
    )
    expect(diff.threats.closed).toEqual([])
  })

  it('coverage reports threats without controls and empty categories', async () => {
    const result = await runCli(['coverage', INSULIN, '--json'])
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout) as {
      threatsWithoutControl: { threat: string }[]
      categories: unknown[]
    }
    expect(report.threatsWithoutControl.length).toBeGreaterThan(0)
    expect(report.categories).toHaveLength(8)
  })

  it('diagram lists the views and writes each as SVG; an unknown view is refused', async () => {
    const list = await runCli(['diagram', INSULIN, '--list'])
    expect(list.stdout).toContain('use-case:bolus-insulin-delivery')
    const out = path.join(tempDir('medcyber-diagram'), 'update.svg')
    expect((await runCli(['diagram', INSULIN, '--view', 'update', '--out', out])).code).toBe(0)
    expect(readFileSync(out, 'utf8')).toMatch(
      /^<\?xml[\s\S]*<svg[\s\S]*Updatability and patchability view/,
    )
    const bad = await runCli(['diagram', INSULIN, '--view', 'use-case:bolus'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('use-case:bolus-insulin-delivery')
  })

  it('imports the Threagile demo into a model that validates, saying what needs review', async () => {
    const out = path.join(tempDir('medcyber-import'), 'model')
    const file = testdataPath('threagile', 'demo', 'example', 'threagile.yaml')
    const imported = await runCli(['import', '--from', 'threagile', file, '--out', out])
    expect(imported.code).toBe(0)
    expect(imported.stderr).toContain('Needs review')
    const validated = await runCli(['validate', out, '--json'])
    expect(JSON.parse(validated.stdout)).toMatchObject({ valid: true })
  })

  it('exports OTM that imports back with the same elements', async () => {
    const dir = tempDir('medcyber-otm')
    const otm = path.join(dir, 'model.otm.json')
    expect((await runCli(['export', '--to', 'otm', INSULIN, '--out', otm])).code).toBe(0)
    expect(
      (await runCli(['import', '--from', 'otm', otm, '--out', path.join(dir, 'back')])).code,
    ).toBe(0)
    const idsOf = (text: string): string[] =>
      ((parse(text) as { elements?: { id: string }[] }).elements ?? []).map((e) => e.id).sort()
    const original = idsOf(readFolder(INSULIN).get('architecture.yaml') ?? '')
    expect(original.length).toBeGreaterThan(10)
    expect(idsOf(readFileSync(path.join(dir, 'back', 'medcyber.yaml'), 'utf8'))).toEqual(original)
    expect((await runCli(['validate', path.join(dir, 'back')])).code).toBe(0)
  })

  it('rules test runs the cases beside a custom rule file and rules list prints the catalogue', async () => {
    const tested = await runCli(['rules', 'test', path.join(INSULIN, 'threat-rules.yaml')])
    expect(tested.code).toBe(0)
    expect(tested.stdout).toMatch(/\n5 passed, 0 failed\n$/)
    const listed = await runCli(['rules', 'list', '--format', 'json'])
    const { rules } = JSON.parse(listed.stdout) as { rules: { id: string }[] }
    expect(rules.length).toBeGreaterThanOrEqual(50)
  })
})
