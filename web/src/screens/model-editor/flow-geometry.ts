import type { Point, Rect } from './diagram-geometry.js'
import { idOf, textOf, type Entry } from './model-entries.js'

/** How far apart flows between the same two elements are drawn, at their middle. */
export const PARALLEL_SPACING = 34

/**
 * The sideways offset of each flow, so flows between the same two elements (in either
 * direction) bend apart instead of lying on each other. Offsets are measured to the left of the
 * line from the lower id to the higher, so A→B and B→A never share one.
 */
export const parallelOffsets = (flows: readonly Entry[]): ReadonlyMap<string, number> => {
  const groups = new Map<string, Entry[]>()
  for (const flow of flows) {
    const ends = [textOf(flow, 'from'), textOf(flow, 'to')].sort()
    const key = ends.join('\u0000')
    groups.set(key, [...(groups.get(key) ?? []), flow])
  }
  const offsets = new Map<string, number>()
  for (const group of groups.values()) {
    group.forEach((flow, index) => {
      const offset = (index - (group.length - 1) / 2) * PARALLEL_SPACING
      const reversed = textOf(flow, 'from') > textOf(flow, 'to')
      // `|| 0` keeps a straight flow at 0 rather than -0.
      offsets.set(idOf(flow), reversed ? -offset || 0 : offset)
    })
  }
  return offsets
}

const centerOf = (rect: Rect): Point => ({
  x: rect.x + rect.width / 2,
  y: rect.y + rect.height / 2,
})

/** Where the line from the rectangle's centre towards `toward` leaves the rectangle. */
export const borderPoint = (rect: Rect, toward: Point): Point => {
  const center = centerOf(rect)
  const dx = toward.x - center.x
  const dy = toward.y - center.y
  if (dx === 0 && dy === 0) return center
  const scale = Math.min(
    dx === 0 ? Infinity : rect.width / 2 / Math.abs(dx),
    dy === 0 ? Infinity : rect.height / 2 / Math.abs(dy),
  )
  return { x: center.x + dx * scale, y: center.y + dy * scale }
}

export interface FlowPath {
  /** SVG path data. */
  readonly path: string
  /** The middle of the curve, where the flow's name goes. */
  readonly label: Point
}

const round = (value: number): string => String(Math.round(value * 10) / 10)
const pointText = (at: Point): string => `${round(at.x)},${round(at.y)}`

/** A flow from an element back to itself: a loop over the element's top right corner. */
const loopPath = (rect: Rect): FlowPath => {
  const start = { x: rect.x + rect.width * 0.75, y: rect.y }
  const end = { x: rect.x + rect.width, y: rect.y + rect.height * 0.3 }
  const path = `M${pointText(start)} C${pointText({ x: start.x, y: start.y - 48 })} ${pointText({ x: end.x + 48, y: end.y })} ${pointText(end)}`
  return { path, label: { x: rect.x + rect.width + 16, y: rect.y - 20 } }
}

/**
 * A curved line between two elements' borders, bent sideways by `offset` at its middle (0: a
 * straight line between the centres).
 */
export const flowPath = (source: Rect, target: Rect, offset: number): FlowPath => {
  const from = centerOf(source)
  const to = centerOf(target)
  const length = Math.hypot(to.x - from.x, to.y - from.y)
  if (length < 1) return loopPath(source)
  const normal = { x: -(to.y - from.y) / length, y: (to.x - from.x) / length }
  // A quadratic curve's middle lies halfway to its control point, hence twice the offset.
  const control = {
    x: (from.x + to.x) / 2 + normal.x * offset * 2,
    y: (from.y + to.y) / 2 + normal.y * offset * 2,
  }
  const start = borderPoint(source, control)
  const end = borderPoint(target, control)
  return {
    path: `M${pointText(start)} Q${pointText(control)} ${pointText(end)}`,
    label: { x: (start.x + 2 * control.x + end.x) / 4, y: (start.y + 2 * control.y + end.y) / 4 },
  }
}
