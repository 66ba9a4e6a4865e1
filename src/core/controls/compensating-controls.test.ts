import { describe, expect, it } from 'vitest'

import { COMPENSATING_CONTROL_TYPES } from '../model/index.js'
import { CLAUSE_SOURCES } from '../threats/index.js'
import { COMPENSATING_CONTROL_CATALOGUE, compensatingControl } from './compensating-controls.js'

describe('the compensating control catalogue (IMDRF N70 Table 1)', () => {
  it('describes every type of COMPENSATING_CONTROL_TYPES exactly once, in order', () => {
    expect(COMPENSATING_CONTROL_CATALOGUE.map((entry) => entry.id)).toEqual([
      ...COMPENSATING_CONTROL_TYPES,
    ])
    for (const id of COMPENSATING_CONTROL_TYPES) expect(compensatingControl(id).id).toBe(id)
  })

  it('has kebab-case ids, unique names, one-line descriptions and IMDRF N70 as source', () => {
    const names = COMPENSATING_CONTROL_CATALOGUE.map((entry) => entry.name)
    expect(new Set(names).size).toBe(names.length)
    for (const entry of COMPENSATING_CONTROL_CATALOGUE) {
      expect(entry.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      expect(entry.description, entry.id).toMatch(/^[A-Z][^\n]{15,160}\.$/)
      expect(entry.references.length, entry.id).toBeGreaterThan(0)
      for (const reference of entry.references) {
        expect(CLAUSE_SOURCES).toContain(reference.source)
        expect(reference.source).toBe('IMDRF N70')
        expect(reference.clause).toMatch(/^Table 1/)
      }
    }
  })
})
