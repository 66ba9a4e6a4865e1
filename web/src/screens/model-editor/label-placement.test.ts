import { describe, expect, it } from 'vitest'

import { labelWidth, placeLabels, type LabelCandidate } from './label-placement.js'

const label = (id: string, x: number, y: number, forced = false): LabelCandidate => ({
  id,
  centre: { x, y },
  width: 80,
  forced,
})

describe('labelWidth', () => {
  it('grows with the name, wider for Japanese, up to a limit', () => {
    expect(labelWidth('BLE', false)).toBeLessThan(labelWidth('BLE GATT notifications', false))
    expect(labelWidth('データ', false)).toBeGreaterThan(labelWidth('abc', false))
    expect(labelWidth('x'.repeat(500), false)).toBe(150)
    expect(labelWidth('x'.repeat(500), true)).toBe(168)
  })
})

describe('placeLabels', () => {
  it('shows names that do not touch, leaves out one that covers an earlier name', () => {
    const shown = placeLabels([label('a', 0, 0), label('b', 200, 0), label('c', 30, 5)], [])
    expect([...shown]).toEqual(['a', 'b'])
  })

  it('leaves out a name that would cover an element', () => {
    const shown = placeLabels([label('a', 0, 0)], [{ x: 20, y: -5, width: 100, height: 50 }])
    expect(shown.size).toBe(0)
  })

  it('always shows forced names and places them first', () => {
    const shown = placeLabels(
      [label('a', 0, 0), label('b', 30, 5, true)],
      [{ x: 20, y: -5, width: 100, height: 50 }],
    )
    expect([...shown]).toEqual(['b'])
  })
})
