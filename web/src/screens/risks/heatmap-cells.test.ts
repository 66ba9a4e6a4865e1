import { describe, expect, test } from 'vitest'

import { heatmapRows, inCell, outsideMatrix, sameCell } from './heatmap-cells.js'
import { MATRIX, rating, riskOf } from './test-risks.js'

const entries = [
  riskOf({ id: 'a' }),
  riskOf({ id: 'b' }),
  riskOf({ id: 'c', before: rating('very-high', 'minor'), residual: rating('medium', 'minor') }),
  riskOf({ id: 'd', before: rating('extreme', 'minor'), residual: rating('low', 'unknown') }),
]

describe('heatmapRows', () => {
  test('most exploitable row first, severities least first, letters from the policy', () => {
    const rows = heatmapRows(MATRIX, [], 'before')
    expect(rows.map((row) => row.exploitability)).toEqual(['very-high', 'high', 'medium', 'low'])
    expect(rows[0]?.cells.map((cell) => cell.severity)).toEqual(MATRIX.severities)
    expect(rows[0]?.cells.map((cell) => cell.acceptability).join('')).toBe('RRUUU')
    expect(rows[3]?.cells.map((cell) => cell.control).join('')).toBe('CCCCC')
    expect(rows[1]?.name).toBe('High')
  })

  test('counts each risk in the cell of the chosen stage', () => {
    const count = (stage: 'before' | 'residual', level: string, severity: string) =>
      heatmapRows(MATRIX, entries, stage)
        .find((row) => row.exploitability === level)
        ?.cells.find((cell) => cell.severity === severity)?.count
    expect(count('before', 'high', 'critical')).toBe(2)
    expect(count('before', 'very-high', 'minor')).toBe(1)
    expect(count('residual', 'low', 'critical')).toBe(2)
    expect(count('residual', 'medium', 'minor')).toBe(1)
    expect(count('residual', 'high', 'critical')).toBe(0)
    const total = heatmapRows(MATRIX, entries, 'before')
      .flatMap((row) => row.cells)
      .reduce((sum, cell) => sum + cell.count, 0)
    expect(total + outsideMatrix(MATRIX, entries, 'before')).toBe(entries.length)
  })

  test('risks rated outside the matrix are counted apart', () => {
    expect(outsideMatrix(MATRIX, entries, 'before')).toBe(1)
    expect(outsideMatrix(MATRIX, entries, 'residual')).toBe(1)
  })
})

describe('cells as filters', () => {
  test('inCell uses the stage the cell was picked on', () => {
    const cell = { stage: 'residual' as const, exploitability: 'medium', severity: 'minor' }
    expect(entries.filter((entry) => inCell(entry, cell)).map((entry) => entry.id)).toEqual(['c'])
    expect(sameCell(cell, { ...cell })).toBe(true)
    expect(sameCell(cell, { ...cell, stage: 'before' })).toBe(false)
    expect(sameCell(null, cell)).toBe(false)
  })
})
