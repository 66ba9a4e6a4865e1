import type { Point, Rect } from './diagram-geometry.js'

/**
 * Which flow names the diagram can show without covering an element or another name. Where many
 * flows meet (a pump and its app exchange a dozen), drawing every name makes none readable; the
 * names left out stay one hover, one click or the lists view away, and the flows themselves are
 * always drawn. Names are placed greedily: forced ones first (selected, with problems, hovered),
 * then in model order, so the same model always shows the same names.
 */
export const LABEL_HEIGHT = 17
const MAX_LABEL_WIDTH = 150
const PADDING = 10
const BADGE_WIDTH = 18
const MARGIN = 2

/** About how wide a name is drawn at the labels' font size (CJK characters are wider). */
export const labelWidth = (name: string, badge: boolean): number => {
  let text = 0
  for (const character of name) text += (character.codePointAt(0) ?? 0) >= 0x2e80 ? 10.5 : 5.8
  return Math.min(MAX_LABEL_WIDTH, PADDING + text) + (badge ? BADGE_WIDTH : 0)
}

export interface LabelCandidate {
  readonly id: string
  readonly centre: Point
  readonly width: number
  /** Shown whatever it covers. */
  readonly forced: boolean
}

const rectOf = (label: LabelCandidate): Rect => ({
  x: label.centre.x - label.width / 2 - MARGIN,
  y: label.centre.y - LABEL_HEIGHT / 2 - MARGIN,
  width: label.width + 2 * MARGIN,
  height: LABEL_HEIGHT + 2 * MARGIN,
})

const overlaps = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height

export const placeLabels = (
  candidates: readonly LabelCandidate[],
  obstacles: readonly Rect[],
): ReadonlySet<string> => {
  const shown = new Set<string>()
  const taken: Rect[] = []
  const ordered = [
    ...candidates.filter((label) => label.forced),
    ...candidates.filter((label) => !label.forced),
  ]
  for (const label of ordered) {
    const rect = rectOf(label)
    const free = !obstacles.some((o) => overlaps(rect, o)) && !taken.some((t) => overlaps(rect, t))
    if (label.forced || free) {
      shown.add(label.id)
      taken.push(rect)
    }
  }
  return shown
}
