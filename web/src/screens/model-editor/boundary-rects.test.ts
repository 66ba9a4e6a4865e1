import { describe, expect, it } from 'vitest'

import { boundaryRects } from './boundary-rects.js'
import {
  BOUNDARY_LABEL_HEIGHT,
  BOUNDARY_PADDING,
  NODE_HEIGHT,
  NODE_WIDTH,
} from './diagram-geometry.js'
import { boundary } from './test-model.js'

const P = BOUNDARY_PADDING
const L = BOUNDARY_LABEL_HEIGHT

describe('boundaryRects', () => {
  const boundaries = [
    boundary('body', ['app'], ['enclosure']),
    boundary('enclosure', ['pump', 'radio']),
    boundary('empty', []),
  ]
  const positions = { app: { x: 0, y: 0 }, pump: { x: 300, y: 200 }, radio: { x: 300, y: 300 } }

  it('wraps members with padding and room for the name', () => {
    const enclosure = boundaryRects(boundaries, positions).find((r) => r.id === 'enclosure')
    expect(enclosure).toEqual({
      id: 'enclosure',
      depth: 1,
      x: 300 - P,
      y: 200 - P - L,
      width: NODE_WIDTH + 2 * P,
      height: 100 + NODE_HEIGHT + 2 * P + L,
    })
  })

  it('wraps a nested boundary inside its parent, parents first, and skips empty ones', () => {
    const rects = boundaryRects(boundaries, positions)
    expect(rects.map((rect) => rect.id)).toEqual(['body', 'enclosure'])
    const [body, enclosure] = rects
    expect(body?.x).toBe(-P)
    expect(body?.y).toBe(-P - L)
    expect((body?.x ?? 0) + (body?.width ?? 0)).toBe(300 + NODE_WIDTH + 2 * P)
    expect((body?.y ?? 0) + (body?.height ?? 0)).toBe(
      (enclosure?.y ?? 0) + (enclosure?.height ?? 0) + P,
    )
  })

  it('follows an element that moves', () => {
    const moved = boundaryRects(boundaries, { ...positions, radio: { x: 600, y: 300 } })
    expect(moved.find((r) => r.id === 'enclosure')?.width).toBe(300 + NODE_WIDTH + 2 * P)
  })

  it('ignores members without a position', () => {
    expect(boundaryRects([boundary('x', ['ghost'])], {})).toEqual([])
  })
})
