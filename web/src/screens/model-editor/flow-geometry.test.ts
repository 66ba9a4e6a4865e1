import { describe, expect, it } from 'vitest'

import { borderPoint, flowPath, parallelOffsets, PARALLEL_SPACING } from './flow-geometry.js'
import { flow } from './test-model.js'

describe('parallelOffsets', () => {
  it('leaves a lone flow straight', () => {
    expect(parallelOffsets([flow('a', 'pump', 'app')]).get('a')).toBe(0)
  })

  it('spreads flows between the same two elements, in either direction, to distinct sides', () => {
    const offsets = parallelOffsets([
      flow('bolus', 'app', 'pump'),
      flow('status', 'pump', 'app'),
      flow('settings', 'app', 'pump'),
      flow('other', 'app', 'cloud'),
    ])
    // Measured along app→pump: status runs the other way, so its sign flips.
    expect(offsets.get('bolus')).toBe(-PARALLEL_SPACING)
    expect(offsets.get('status')).toBe(0)
    expect(offsets.get('settings')).toBe(PARALLEL_SPACING)
    expect(offsets.get('other')).toBe(0)
  })
})

describe('borderPoint', () => {
  const rect = { x: 0, y: 0, width: 200, height: 60 }

  it.each([
    [
      { x: 500, y: 30 },
      { x: 200, y: 30 },
    ],
    [
      { x: 100, y: -300 },
      { x: 100, y: 0 },
    ],
    [
      { x: 100 + 30, y: 30 + 30 },
      { x: 130, y: 60 },
    ],
    [
      { x: 100, y: 30 },
      { x: 100, y: 30 },
    ],
  ])('towards %j leaves at %j', (toward, point) => {
    expect(borderPoint(rect, toward)).toEqual(point)
  })
})

describe('flowPath', () => {
  const left = { x: 0, y: 0, width: 100, height: 50 }
  const right = { x: 300, y: 0, width: 100, height: 50 }

  it('runs straight from border to border without an offset', () => {
    const { path, label } = flowPath(left, right, 0)
    expect(path).toBe('M100,25 Q200,25 300,25')
    expect(label).toEqual({ x: 200, y: 25 })
  })

  it('bends its middle at least the offset to the side, mirrored for a negative offset', () => {
    const down = flowPath(left, right, 20).label
    const up = flowPath(left, right, -20).label
    expect(down.x).toBeCloseTo(200)
    expect(down.y).toBeGreaterThanOrEqual(45)
    expect(down.y).toBeLessThan(65)
    expect(up.y).toBeCloseTo(25 - (down.y - 25))
  })

  it('draws a loop for a flow from an element to itself', () => {
    expect(flowPath(left, left, 0).path).toMatch(/^M75,0 C/)
  })
})
