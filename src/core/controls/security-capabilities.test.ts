import { describe, expect, it } from 'vitest'

import { CONTROL_CATEGORIES, SECURITY_CAPABILITIES } from '../model/index.js'
import { CLAUSE_SOURCES } from '../threats/index.js'
import { SECURITY_CAPABILITY_CATALOGUE, securityCapability } from './security-capabilities.js'

describe('the security capability catalogue (IEC TR 80001-2-2, MDS2 sections)', () => {
  it('describes every capability of SECURITY_CAPABILITIES exactly once, in order', () => {
    expect(SECURITY_CAPABILITY_CATALOGUE.map((entry) => entry.id)).toEqual([
      ...SECURITY_CAPABILITIES,
    ])
    for (const id of SECURITY_CAPABILITIES) expect(securityCapability(id).id).toBe(id)
  })

  it('gives each a unique name and a one-line description', () => {
    const names = SECURITY_CAPABILITY_CATALOGUE.map((entry) => entry.name)
    expect(new Set(names).size).toBe(names.length)
    for (const entry of SECURITY_CAPABILITY_CATALOGUE) {
      expect(entry.id).toMatch(/^[A-Z]{4}$/)
      expect(entry.name.length, entry.id).toBeGreaterThan(3)
      expect(entry.description, entry.id).toMatch(/^[A-Z][^\n]{15,160}\.$/)
    }
  })

  it('maps only to existing FDA categories, each at most once', () => {
    for (const entry of SECURITY_CAPABILITY_CATALOGUE) {
      expect(new Set(entry.fdaCategories).size, entry.id).toBe(entry.fdaCategories.length)
      for (const category of entry.fdaCategories) expect(CONTROL_CATEGORIES).toContain(category)
    }
  })

  it('leaves no FDA category without a capability that supports it', () => {
    const supported = new Set(SECURITY_CAPABILITY_CATALOGUE.flatMap((e) => e.fdaCategories))
    expect([...CONTROL_CATEGORIES].filter((category) => !supported.has(category))).toEqual([])
  })

  it('maps every capability to a category, except the security guides (documentation)', () => {
    expect(
      SECURITY_CAPABILITY_CATALOGUE.filter((entry) => entry.fdaCategories.length === 0).map(
        (entry) => entry.id,
      ),
    ).toEqual(['SGUD'])
  })

  it('cites where each capability is listed: its MDS2 section and/or MDCG 2019-16 Table 3', () => {
    for (const entry of SECURITY_CAPABILITY_CATALOGUE) {
      expect(entry.references.length, entry.id).toBeGreaterThan(0)
      for (const reference of entry.references) {
        expect(CLAUSE_SOURCES).toContain(reference.source)
        if (reference.source === 'MDS2') expect(reference.clause).toBe(`Section ${entry.id}`)
      }
    }
    expect(securityCapability('CNFS').references.map((r) => r.source)).toEqual(['MDCG 2019-16'])
    expect(securityCapability('RDMP').references.map((r) => r.source)).toEqual(['MDS2'])
  })
})
