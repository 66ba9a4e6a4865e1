import { boundaryTree, depthOf } from './boundary-tree.js'
import {
  BOUNDARY_LABEL_HEIGHT,
  BOUNDARY_PADDING,
  nodeRect,
  unionOf,
  type Positions,
  type Rect,
} from './diagram-geometry.js'
import type { Entry } from './model-entries.js'

export interface BoundaryRect extends Rect {
  readonly id: string
  /** 0 for a top-level boundary, 1 inside one, and so on: deeper ones are drawn above. */
  readonly depth: number
}

/**
 * Each trust boundary's rectangle: around its elements and the rectangles of the boundaries
 * nested in it, with room for its name. A boundary with nothing placed inside has none.
 * Computed from the positions on every move, so boundaries follow their elements.
 */
export const boundaryRects = (
  boundaries: readonly Entry[],
  positions: Positions,
): readonly BoundaryRect[] => {
  const tree = boundaryTree(boundaries)
  const found = new Map<string, Rect | undefined>()
  const rectOf = (id: string): Rect | undefined => {
    if (found.has(id)) return found.get(id)
    const members = (tree.membersOf.get(id) ?? []).flatMap((element) => {
      const at = positions[element]
      return at === undefined ? [] : [nodeRect(at)]
    })
    const nested = (tree.childrenOf.get(id) ?? []).map(rectOf).filter((rect) => rect !== undefined)
    const inner = unionOf([...members, ...nested])
    const rect =
      inner === undefined
        ? undefined
        : {
            x: inner.x - BOUNDARY_PADDING,
            y: inner.y - BOUNDARY_PADDING - BOUNDARY_LABEL_HEIGHT,
            width: inner.width + 2 * BOUNDARY_PADDING,
            height: inner.height + 2 * BOUNDARY_PADDING + BOUNDARY_LABEL_HEIGHT,
          }
    found.set(id, rect)
    return rect
  }
  return tree.ids
    .flatMap((id) => {
      const rect = rectOf(id)
      return rect === undefined ? [] : [{ id, depth: depthOf(tree, id), ...rect }]
    })
    .sort((a, b) => a.depth - b.depth)
}
