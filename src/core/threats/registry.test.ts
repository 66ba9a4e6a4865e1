import { readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

import { capecIds, cweUsage } from '../../../test/support/mitre-catalogues.js'
import { validModel } from '../../../test/support/rule-harness.js'
import { createThreatContext } from './threat-context.js'
import { BUILT_IN_RULES } from './registry.js'
import { CLAUSE_SOURCES } from './threat-rule.js'

const RULES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'rules')

describe('the built-in threat rules', () => {
  it('have unique ids, each equal to its file name, and every rule file is registered', () => {
    const ids = BUILT_IN_RULES.map((rule) => rule.id)
    expect(new Set(ids).size).toBe(ids.length)
    const files = readdirSync(RULES_DIR)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .map((file) => file.slice(0, -3))
    expect([...ids].sort()).toEqual(files.sort())
    expect(ids).toEqual([...ids].sort())
  })

  it('have a table-driven test each', () => {
    const tests = new Set(readdirSync(RULES_DIR).filter((file) => file.endsWith('.test.ts')))
    for (const rule of BUILT_IN_RULES) expect(tests.has(`${rule.id}.test.ts`), rule.id).toBe(true)
  })

  it('cite CAPEC attack patterns and CWE weaknesses that exist, and CWEs MITRE allows for mapping', () => {
    const capec = capecIds()
    const cwe = cweUsage()
    for (const rule of BUILT_IN_RULES) {
      for (const id of rule.capec)
        expect(capec.has(id), `${rule.id}: CAPEC-${String(id)}`).toBe(true)
      for (const id of rule.cwe) {
        expect(cwe.has(id), `${rule.id}: CWE-${String(id)}`).toBe(true)
        expect(cwe.get(id), `${rule.id}: CWE-${String(id)} mapping usage`).not.toBe('Prohibited')
      }
      expect(rule.capec.length + rule.cwe.length, rule.id).toBeGreaterThan(0)
    }
  })

  it('name the clauses they implement and what to do about them', () => {
    for (const rule of BUILT_IN_RULES) {
      expect(rule.references.length, rule.id).toBeGreaterThan(0)
      for (const reference of rule.references) expect(CLAUSE_SOURCES).toContain(reference.source)
      expect(rule.recommendations.length, rule.id).toBeGreaterThan(0)
      expect(rule.stride.length, rule.id).toBeGreaterThan(0)
      expect(rule.rationale.length, rule.id).toBeGreaterThan(20)
    }
  })

  it('evaluate deterministically and never throw on a valid model', () => {
    const context = createThreatContext(validModel(), '2026-11-28')
    for (const rule of BUILT_IN_RULES) {
      expect(rule.evaluate(context), rule.id).toEqual(rule.evaluate(context))
    }
  })
})
