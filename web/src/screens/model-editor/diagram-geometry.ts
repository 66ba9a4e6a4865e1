/** Sizes shared by the layout, the boundary rectangles and the drawn nodes, in diagram units. */
export const NODE_WIDTH = 184
export const NODE_HEIGHT = 64
/** Space between a trust boundary's border and what it holds. */
export const BOUNDARY_PADDING = 14
/** Room above a boundary's contents for its name. */
export const BOUNDARY_LABEL_HEIGHT = 26

export interface Point {
  readonly x: number
  readonly y: number
}

export interface Rect {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

export type Positions = Readonly<Record<string, Point>>

/** The smallest rectangle around all of them; undefined for none. */
export const unionOf = (rects: readonly Rect[]): Rect | undefined => {
  if (rects.length === 0) return undefined
  const left = Math.min(...rects.map((rect) => rect.x))
  const top = Math.min(...rects.map((rect) => rect.y))
  const right = Math.max(...rects.map((rect) => rect.x + rect.width))
  const bottom = Math.max(...rects.map((rect) => rect.y + rect.height))
  return { x: left, y: top, width: right - left, height: bottom - top }
}

export const nodeRect = (at: Point): Rect => ({
  x: at.x,
  y: at.y,
  width: NODE_WIDTH,
  height: NODE_HEIGHT,
})
