import { readFileSync } from 'node:fs'

import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

import { automaticLayout, initialPositions, layoutToSave, placeBelow } from './automatic-layout.js'
import { boundaryRects, type BoundaryRect } from './boundary-rects.js'
import { boundaryTree, subtreeOf } from './boundary-tree.js'
import { nodeRect, type Positions, type Rect } from './diagram-geometry.js'
import { idOf, type Entry } from './model-entries.js'
import { boundary, element } from './test-model.js'

const example = parse(
  readFileSync(
    new URL('../../../../examples/insulin-pump/architecture.yaml', import.meta.url),
    'utf8',
  ),
) as { elements: Entry[]; trustBoundaries: Entry[] }

const overlaps = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

const contains = (outer: Rect, inner: Rect): boolean =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height

/** What a reader needs of a diagram: nothing on top of anything it does not belong to. */
const expectReadable = (
  elements: readonly Entry[],
  boundaries: readonly Entry[],
  at: Positions,
) => {
  const ids = elements.map(idOf)
  expect(Object.keys(at).sort()).toEqual([...ids].sort())
  const nodes = ids.map((id) => nodeRect(at[id] ?? { x: NaN, y: NaN }))
  nodes.forEach((a, i) => {
    nodes.slice(i + 1).forEach((b) => {
      expect(overlaps(a, b)).toBe(false)
    })
  })
  const tree = boundaryTree(boundaries)
  const rects = boundaryRects(boundaries, at)
  const rectOf = new Map<string, BoundaryRect>(rects.map((rect) => [rect.id, rect]))
  for (const rect of rects) {
    const inside = subtreeOf(tree, rect.id)
    const members = new Set([...inside].flatMap((id) => tree.membersOf.get(id) ?? []))
    ids.forEach((id, index) => {
      const node = nodes[index] as Rect
      // Members inside, everything else outside: the picture says who is in which boundary.
      if (members.has(id)) expect(contains(rect, node)).toBe(true)
      else expect(overlaps(rect, node)).toBe(false)
    })
    for (const other of rects) {
      if (other.id === rect.id || inside.has(other.id) || subtreeOf(tree, other.id).has(rect.id)) {
        continue
      }
      expect(overlaps(rect, rectOf.get(other.id) as Rect)).toBe(false)
    }
  }
}

describe('automaticLayout', () => {
  it('draws the insulin pump example with every boundary around its members only', () => {
    const at = automaticLayout(example.elements, example.trustBoundaries)
    expectReadable(example.elements, example.trustBoundaries, at)
  })

  it('gives a picture about as wide as a laptop screen, not a strip', () => {
    const at = automaticLayout(example.elements, example.trustBoundaries)
    const xs = Object.values(at).map((p) => p.x)
    const ys = Object.values(at).map((p) => p.y)
    const ratio = (Math.max(...xs) - Math.min(...xs)) / (Math.max(...ys) - Math.min(...ys))
    expect(ratio).toBeGreaterThan(1)
    expect(ratio).toBeLessThan(4)
  })

  it('lays out 200 elements in 10 nested boundaries readably', () => {
    const elements = Array.from({ length: 200 }, (_, i) => element(`e${String(i)}`))
    const boundaries = Array.from({ length: 10 }, (_, b) =>
      boundary(
        `b${String(b)}`,
        elements.slice(b * 15, b * 15 + 15).map(idOf),
        b % 2 === 0 ? [`b${String(b + 1)}`] : undefined,
      ),
    )
    expectReadable(elements, boundaries, automaticLayout(elements, boundaries))
  })

  it('gives the same positions for the same model', () => {
    expect(automaticLayout(example.elements, example.trustBoundaries)).toEqual(
      automaticLayout(example.elements, example.trustBoundaries),
    )
  })
})

describe('initialPositions', () => {
  const elements = [element('pump'), element('radio'), element('app')]

  it('uses the automatic layout when nothing was saved for these elements', () => {
    const auto = automaticLayout(elements, [])
    expect(initialPositions(undefined, elements, [])).toEqual(auto)
    expect(initialPositions({ gone: { x: 5, y: 5 } }, elements, [])).toEqual(auto)
  })

  it('keeps saved positions and puts the others below them', () => {
    const at = initialPositions({ pump: { x: 100, y: 40 }, gone: { x: 0, y: 900 } }, elements, [])
    expect(at.pump).toEqual({ x: 100, y: 40 })
    expect(at).not.toHaveProperty('gone')
    expect(at.radio?.y).toBeGreaterThan(40)
    expect(at.app?.x).toBeGreaterThan(at.radio?.x ?? Infinity)
  })
})

describe('placeBelow', () => {
  it('starts at the origin on an empty diagram', () => {
    expect(placeBelow({}, ['a'])).toEqual({ a: { x: 0, y: 0 } })
  })
})

describe('layoutToSave', () => {
  it('rounds, sorts and keeps only existing elements', () => {
    expect(
      layoutToSave({ radio: { x: 1.6, y: 2.2 }, pump: { x: -0.4, y: 9 }, gone: { x: 0, y: 0 } }, [
        'radio',
        'pump',
      ]),
    ).toEqual({ positions: { pump: { x: -0, y: 9 }, radio: { x: 2, y: 2 } } })
  })
})
