import { describe, expect, it } from 'vitest'

import { addMonths, addYears } from './calendar-date.js'

describe('addMonths', () => {
  it('keeps the day when the target month has it', () => {
    expect(addMonths('2026-03-15', 12)).toBe('2027-03-15')
    expect(addMonths('2026-11-28', 3)).toBe('2027-02-28')
  })

  it('clamps month ends, leap years included', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28')
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29')
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30')
  })

  it('crosses year boundaries in both directions', () => {
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15')
    expect(addMonths('2027-01-15', -1)).toBe('2026-12-15')
    expect(addMonths('2026-03-31', -13)).toBe('2025-02-28')
  })
})

describe('addYears', () => {
  it('turns 29 February into 28 February in common years', () => {
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28')
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29')
  })
})
