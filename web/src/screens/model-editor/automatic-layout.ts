import { boundaryTree, homeBoundaryOf, rootsOf, type BoundaryTree } from './boundary-tree.js'
import {
  BOUNDARY_LABEL_HEIGHT,
  BOUNDARY_PADDING,
  NODE_HEIGHT,
  NODE_WIDTH,
  unionOf,
  type Point,
  type Positions,
} from './diagram-geometry.js'
import { idOf, type Entry } from './model-entries.js'

/*
 * Where elements go when the model has no saved layout. We compute it ourselves instead of
 * using a layout library (dagre, elkjs): what matters here is that every trust boundary can be
 * drawn as a rectangle around its members without overlapping the others, which general graph
 * layouts do not promise, and the rule below does by construction in a page of code with no
 * extra dependency. It is a pure function of the model, so the same model always gets the same
 * picture; people then drag elements and the editor saves their positions.
 *
 * The rule: each top-level boundary is a block; inside it, its own elements and then its nested
 * boundaries are stacked top to bottom, wrapping into another column past a few rows. Blocks
 * (and elements outside every boundary, each its own block, first) are packed in rows, in order,
 * choosing the row width that gives the picture closest to a laptop screen's proportions.
 */

// Generous gaps: the flows' names are drawn between the elements.
const GAP = 32
const COLUMN_GAP = 72
const BLOCK_GAP_X = 110
const BLOCK_GAP_Y = 80
const MAX_STACK_HEIGHT = 5 * NODE_HEIGHT + 4 * GAP
const TARGET_ASPECT = 1.7

interface Box {
  readonly width: number
  readonly height: number
  readonly place: (at: Point, into: Map<string, Point>) => void
}

const elementBox = (id: string): Box => ({
  width: NODE_WIDTH,
  height: NODE_HEIGHT,
  place: (at, into) => into.set(id, at),
})

/** Items top to bottom, starting a new column when one would grow past the limit. */
const stack = (items: readonly Box[]): Box => {
  const columns: Box[][] = []
  let column: Box[] = []
  let height = 0
  for (const item of items) {
    if (column.length > 0 && height + GAP + item.height > MAX_STACK_HEIGHT) {
      columns.push(column)
      column = []
      height = 0
    }
    height += (column.length > 0 ? GAP : 0) + item.height
    column.push(item)
  }
  if (column.length > 0) columns.push(column)
  const widths = columns.map((col) => Math.max(...col.map((item) => item.width)))
  const heights = columns.map(
    (col) => col.reduce((sum, item) => sum + item.height, 0) + GAP * (col.length - 1),
  )
  return {
    width:
      widths.reduce((sum, width) => sum + width, 0) + COLUMN_GAP * Math.max(0, columns.length - 1),
    height: Math.max(0, ...heights),
    place: (at, into) => {
      let x = at.x
      columns.forEach((col, index) => {
        let y = at.y
        for (const item of col) {
          item.place({ x, y }, into)
          y += item.height + GAP
        }
        x += (widths[index] ?? 0) + COLUMN_GAP
      })
    },
  }
}

/** A boundary's box: its contents with room for the border and the name (undefined if empty). */
const boundaryBox = (
  tree: BoundaryTree,
  id: string,
  homes: ReadonlyMap<string, readonly string[]>,
): Box | undefined => {
  const items = [
    ...(homes.get(id) ?? []).map(elementBox),
    ...(tree.childrenOf.get(id) ?? [])
      .map((child) => boundaryBox(tree, child, homes))
      .filter((box) => box !== undefined),
  ]
  if (items.length === 0) return undefined
  const inner = stack(items)
  return {
    width: inner.width + 2 * BOUNDARY_PADDING,
    height: inner.height + 2 * BOUNDARY_PADDING + BOUNDARY_LABEL_HEIGHT,
    place: (at, into) => {
      inner.place(
        { x: at.x + BOUNDARY_PADDING, y: at.y + BOUNDARY_PADDING + BOUNDARY_LABEL_HEIGHT },
        into,
      )
    },
  }
}

interface Packing {
  readonly origins: readonly Point[]
  readonly width: number
  readonly height: number
}

/** Blocks left to right, a new row when the next would pass `limit`. */
const packRows = (blocks: readonly Box[], limit: number): Packing => {
  const origins: Point[] = []
  let x = 0
  let y = 0
  let rowHeight = 0
  let width = 0
  for (const block of blocks) {
    if (x > 0 && x + block.width > limit) {
      y += rowHeight + BLOCK_GAP_Y
      x = 0
      rowHeight = 0
    }
    origins.push({ x, y })
    width = Math.max(width, x + block.width)
    rowHeight = Math.max(rowHeight, block.height)
    x += block.width + BLOCK_GAP_X
  }
  return { origins, width, height: y + rowHeight }
}

/** Tries each row width that ends a row after a block; keeps the one nearest the target shape. */
const bestPacking = (blocks: readonly Box[]): Packing => {
  let best: Packing | undefined
  let bestScore = Infinity
  let limit = 0
  for (const block of blocks) {
    limit += (limit > 0 ? BLOCK_GAP_X : 0) + block.width
    const packing = packRows(blocks, limit)
    const score = Math.abs(Math.log(packing.width / Math.max(1, packing.height) / TARGET_ASPECT))
    if (score < bestScore) {
      best = packing
      bestScore = score
    }
  }
  return best ?? { origins: [], width: 0, height: 0 }
}

export const automaticLayout = (
  elements: readonly Entry[],
  boundaries: readonly Entry[],
): Positions => {
  const tree = boundaryTree(boundaries)
  const homes = new Map<string, string[]>()
  const loose: string[] = []
  for (const element of elements) {
    const id = idOf(element)
    const home = homeBoundaryOf(tree, id)
    if (home === undefined) loose.push(id)
    else homes.set(home, [...(homes.get(home) ?? []), id])
  }
  // Elements outside every boundary (often external entities) first, at the left as in most
  // data flow diagrams.
  const blocks = [
    ...loose.map(elementBox),
    ...rootsOf(tree)
      .map((id) => boundaryBox(tree, id, homes))
      .filter((box) => box !== undefined),
  ]
  const packing = bestPacking(blocks)
  const into = new Map<string, Point>()
  blocks.forEach((block, index) => {
    block.place(packing.origins[index] ?? { x: 0, y: 0 }, into)
  })
  return Object.fromEntries(into)
}

const ROW_LENGTH = 6

/**
 * Places for elements that have none (added since the layout was saved, or made in the editor):
 * in rows under everything already placed, so they never cover another element.
 */
export const placeBelow = (positions: Positions, ids: readonly string[]): Positions => {
  const placed = Object.values(positions).map((at) => ({
    x: at.x,
    y: at.y,
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
  }))
  const bounds = unionOf(placed)
  const left = bounds?.x ?? 0
  const top = bounds === undefined ? 0 : bounds.y + bounds.height + BLOCK_GAP_Y
  return Object.fromEntries(
    ids.map((id, index) => [
      id,
      {
        x: left + (index % ROW_LENGTH) * (NODE_WIDTH + GAP),
        y: top + Math.floor(index / ROW_LENGTH) * (NODE_HEIGHT + GAP),
      },
    ]),
  )
}

/**
 * Where the diagram starts: the saved layout for the elements it knows, new elements below it;
 * the automatic layout when nothing was saved for any of the elements.
 */
export const initialPositions = (
  saved: Positions | undefined,
  elements: readonly Entry[],
  boundaries: readonly Entry[],
): Positions => {
  const ids = elements.map(idOf)
  const known = Object.fromEntries(
    ids.flatMap((id) => {
      const at = saved?.[id]
      return at === undefined ? [] : [[id, at] as const]
    }),
  )
  if (Object.keys(known).length === 0) return automaticLayout(elements, boundaries)
  const missing = ids.filter((id) => known[id] === undefined)
  return { ...known, ...placeBelow(known, missing) }
}

/** The layout as the model keeps it: whole numbers (readable diffs), only existing elements. */
export const layoutToSave = (
  positions: Positions,
  elementIds: readonly string[],
): { positions: Record<string, Point> } => ({
  positions: Object.fromEntries(
    [...elementIds]
      .sort((a, b) => a.localeCompare(b, 'en'))
      .flatMap((id) => {
        const at = positions[id]
        return at === undefined ? [] : [[id, { x: Math.round(at.x), y: Math.round(at.y) }]]
      }),
  ),
})
