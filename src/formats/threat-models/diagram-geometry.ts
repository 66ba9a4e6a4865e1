/** Plane geometry for reading diagrams: which shape lies in which box, which line crosses which. */

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

export const centerOf = (rect: Rect): Point => ({
  x: rect.x + rect.width / 2,
  y: rect.y + rect.height / 2,
})

export const containsPoint = (rect: Rect, point: Point): boolean =>
  point.x >= rect.x &&
  point.x <= rect.x + rect.width &&
  point.y >= rect.y &&
  point.y <= rect.y + rect.height

export const containsRect = (outer: Rect, inner: Rect): boolean =>
  containsPoint(outer, inner) &&
  containsPoint(outer, { x: inner.x + inner.width, y: inner.y + inner.height })

export const areaOf = (rect: Rect): number => rect.width * rect.height

const cross = (o: Point, a: Point, b: Point): number =>
  (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x)

const onSegment = (p: Point, q: Point, r: Point): boolean =>
  Math.min(p.x, r.x) <= q.x &&
  q.x <= Math.max(p.x, r.x) &&
  Math.min(p.y, r.y) <= q.y &&
  q.y <= Math.max(p.y, r.y)

const opposite = (p: number, q: number): boolean => (p > 0 && q < 0) || (p < 0 && q > 0)

/** Whether segments ab and cd meet, touching included. */
const segmentsMeet = (a: Point, b: Point, c: Point, d: Point): boolean => {
  const d1 = cross(c, d, a)
  const d2 = cross(c, d, b)
  const d3 = cross(a, b, c)
  const d4 = cross(a, b, d)
  if (opposite(d1, d2) && opposite(d3, d4)) return true
  return (
    (d1 === 0 && onSegment(c, a, d)) ||
    (d2 === 0 && onSegment(c, b, d)) ||
    (d3 === 0 && onSegment(a, c, b)) ||
    (d4 === 0 && onSegment(a, d, b))
  )
}

/**
 * Whether two polylines cross. Diagram curves are smoothed through their points, so this is an
 * approximation, which is why crossings are only ever reported for people to check.
 */
export const polylinesCross = (first: readonly Point[], second: readonly Point[]): boolean => {
  for (let i = 1; i < first.length; i += 1) {
    for (let j = 1; j < second.length; j += 1) {
      const a = first[i - 1]
      const b = first[i]
      const c = second[j - 1]
      const d = second[j]
      if (a && b && c && d && segmentsMeet(a, b, c, d)) return true
    }
  }
  return false
}
