import type { TrustBoundary } from '../../core/index.js'
import {
  areaOf,
  centerOf,
  containsPoint,
  containsRect,
  polylinesCross,
  type Point,
  type Rect,
} from './diagram-geometry.js'
import { preferredId } from './id-allocator.js'
import { limitText, plainText } from './plain-text.js'
import { sortedUnique, textOf } from './source-data.js'
import {
  isNode,
  keyOf,
  type TdCell,
  type TdContext,
  type TdDiagram,
} from './threat-dragon-cells.js'

/**
 * What Threat Dragon's trust boundaries say by their place in a diagram: a box holds the elements
 * drawn inside it, a curve holds nothing but is crossed by flows.
 */

interface Box {
  readonly cell: TdCell
  readonly rect: Rect
  readonly id: string
}

/**
 * Trust-boundary boxes of one diagram, each holding the elements whose centre lies in it and in
 * no smaller box, and nesting the boxes it holds directly.
 */
export const toBoundaries = (diagram: TdDiagram, context: TdContext): TrustBoundary[] => {
  const boxes: Box[] = diagram.cells.flatMap((cell) => {
    if (cell.kind !== 'boundary-box' || cell.rect === undefined) return []
    const name = cell.name ?? 'Trust boundary'
    const label = `trust boundary '${name}'`
    const id = context.ids.allocate(preferredId(undefined, name, 'trust-boundary'), label)
    context.cellIds.set(keyOf(cell.path), id)
    return [{ cell, rect: cell.rect, id }]
  })
  const smallest = (test: (box: Box) => boolean): Box | undefined =>
    boxes.filter(test).sort((a, b) => areaOf(a.rect) - areaOf(b.rect))[0]
  // Of two boxes drawn on top of each other, the first drawn is the outer one.
  const encloses = (outer: Box, inner: Box): boolean =>
    outer !== inner &&
    containsRect(outer.rect, inner.rect) &&
    (areaOf(outer.rect) > areaOf(inner.rect) || boxes.indexOf(outer) < boxes.indexOf(inner))
  const boxOfCell = new Map(
    diagram.cells.flatMap((cell) => {
      const rect = cell.rect
      if (!isNode(cell) || rect === undefined) return []
      const box = smallest((candidate) => containsPoint(candidate.rect, centerOf(rect)))
      return box === undefined ? [] : [[cell, box] as const]
    }),
  )
  return boxes.map((box) => {
    const elements = sortedUnique(
      [...boxOfCell].flatMap(([cell, inside]) =>
        inside === box ? (context.cellIds.get(keyOf(cell.path)) ?? []) : [],
      ),
    )
    const nested = sortedUnique(
      boxes
        .filter((other) => smallest((candidate) => encloses(candidate, other)) === box)
        .map((other) => other.id),
    )
    context.notes.review(
      `trust boundary '${box.id}'`,
      "kind 'network-zone' is a placeholder; members were found by position in the diagram, so check them",
    )
    const description = textOf(box.cell.facts['description'])
    return {
      id: box.id,
      name: limitText(box.cell.name ?? 'Trust boundary', 300),
      kind: 'network-zone',
      elements,
      ...(nested.length === 0 ? {} : { boundaries: nested }),
      ...(description === undefined
        ? {}
        : { description: limitText(plainText(description), 20_000) }),
    }
  })
}

/** Points of a flow or curve, ends at the centre of the cells they attach to. */
const polylineOf = (cell: TdCell, diagram: TdDiagram): Point[] => {
  const endPoint = (end: TdCell['source']): Point[] => {
    if (end?.point !== undefined) return [end.point]
    const attached = diagram.cells.find((candidate) => candidate.id === end?.cell)
    return attached?.rect === undefined ? [] : [centerOf(attached.rect)]
  }
  return [...endPoint(cell.source), ...cell.vertices, ...endPoint(cell.target)]
}

/** Flows whose line crosses a boundary curve, approximately. */
export const flowsCrossing = (curve: TdCell, diagram: TdDiagram, context: TdContext): string[] => {
  const line = polylineOf(curve, diagram)
  return sortedUnique(
    diagram.cells
      .filter((cell) => cell.kind === 'flow' && polylinesCross(polylineOf(cell, diagram), line))
      .flatMap((cell) => context.cellIds.get(keyOf(cell.path)) ?? []),
  )
}

export const dropDiagram = (diagram: TdDiagram, context: TdContext): void => {
  context.notes.drop(
    diagram.path,
    `diagram '${diagram.title}': its title, description and drawing (positions, sizes, styles) are not carried over; its cells are`,
  )
  for (const cell of diagram.cells) {
    if (cell.kind === 'boundary-curve') {
      const crossing = flowsCrossing(cell, diagram, context)
      context.notes.drop(
        cell.path,
        `trust boundary curve${cell.name === undefined ? '' : ` '${cell.name}'`}: a curve does not enclose elements, so it has no medcyber trust boundary; ` +
          (crossing.length === 0
            ? 'no flow crosses it'
            : `flows crossing it by position: ${crossing.join(', ')}`),
      )
    } else if (cell.kind === 'text') {
      context.notes.drop(cell.path, `text block${cell.name === undefined ? '' : ` '${cell.name}'`}`)
    } else if (cell.kind === 'unknown') {
      context.notes.drop(cell.path, `cell of unknown shape '${cell.written}'`)
    }
  }
}
