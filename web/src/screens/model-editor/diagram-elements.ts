import type { Edge, Node } from '@xyflow/react'

import { boundaryRects } from './boundary-rects.js'
import {
  BOUNDARY_LABEL_HEIGHT,
  NODE_HEIGHT,
  NODE_WIDTH,
  nodeRect,
  type Point,
  type Positions,
} from './diagram-geometry.js'
import { boundaryNodeId } from './diagram-ids.js'
import { flowPath, parallelOffsets } from './flow-geometry.js'
import { labelWidth, placeLabels } from './label-placement.js'
import { findEntry, idOf, nameOf, textOf, type Entry, type ModelLists } from './model-entries.js'
import { entryKey, worstSeverity, type Problem } from './problems.js'
import { isSelected, type Selection } from './selection.js'

type Severity = 'error' | 'warning' | undefined

export interface ElementNodeData extends Record<string, unknown> {
  readonly name: string
  readonly kind: string
  readonly problems: number
  readonly severity: Severity
}

export interface BoundaryNodeData extends Record<string, unknown> {
  readonly boundaryId: string
  readonly name: string
  readonly kind: string
  readonly problems: number
  readonly severity: Severity
  readonly selected: boolean
}

export interface FlowEdgeData extends Record<string, unknown> {
  readonly name: string
  readonly offset: number
  readonly problems: number
  readonly severity: Severity
  /** Whether its name is drawn (see label-placement). */
  readonly showName: boolean
}

export type ElementNode = Node<ElementNodeData, 'element'>
export type BoundaryNode = Node<BoundaryNodeData, 'boundary'>
export type DiagramNode = ElementNode | BoundaryNode
export type FlowEdge = Edge<FlowEdgeData, 'flow'>

/** Accessible names, in the user's language. */
export interface DiagramLabels {
  readonly element: (name: string, kind: string, problems: number) => string
  readonly flow: (name: string, from: string, to: string, problems: number) => string
}

export interface DiagramInput {
  readonly lists: ModelLists
  readonly positions: Positions
  readonly selection: Selection | undefined
  readonly problems: ReadonlyMap<string, readonly Problem[]>
  readonly editable: boolean
}

/** Boundaries sit behind everything, parents behind the boundaries nested in them. */
const BOUNDARY_Z = -1000

/**
 * The diagram's nodes: a rectangle per trust boundary (computed around its members, not
 * draggable: it follows them) and a node per element at its position, each marked with the
 * problems placed on it.
 */
export const diagramNodes = (input: DiagramInput, labels: DiagramLabels): DiagramNode[] => {
  const { lists, positions, selection, problems, editable } = input
  const boundaries: BoundaryNode[] = boundaryRects(lists.trustBoundaries, positions).map((rect) => {
    const entry = findEntry(lists.trustBoundaries, rect.id)
    const found = problems.get(entryKey('trustBoundaries', rect.id)) ?? []
    return {
      id: boundaryNodeId(rect.id),
      type: 'boundary',
      position: { x: rect.x, y: rect.y },
      width: rect.width,
      height: rect.height,
      zIndex: BOUNDARY_Z + rect.depth,
      draggable: false,
      selectable: false,
      connectable: false,
      focusable: false,
      className: 'model-editor-boundary-node',
      data: {
        boundaryId: rect.id,
        name: nameOf(entry, rect.id),
        kind: entry === undefined ? '' : textOf(entry, 'kind'),
        problems: found.length,
        severity: worstSeverity(found),
        selected: isSelected(selection, 'trustBoundaries', rect.id),
      },
    }
  })
  const elements: ElementNode[] = lists.elements.flatMap((entry) => {
    const id = idOf(entry)
    const at = positions[id]
    if (at === undefined) return []
    const found = problems.get(entryKey('elements', id)) ?? []
    const name = nameOf(entry)
    const kind = textOf(entry, 'kind')
    return [
      {
        id,
        type: 'element' as const,
        position: at,
        width: NODE_WIDTH,
        height: NODE_HEIGHT,
        selected: isSelected(selection, 'elements', id),
        draggable: editable,
        connectable: editable,
        ariaLabel: labels.element(name, kind, found.length),
        data: { name, kind, problems: found.length, severity: worstSeverity(found) },
      },
    ]
  })
  return [...boundaries, ...elements]
}

/** Which flows' names to draw: none when names are off, else those that fit (label-placement). */
const shownNames = (
  flows: readonly Entry[],
  input: DiagramInput & EdgeOptions,
  offsets: ReadonlyMap<string, number>,
): ReadonlySet<string> => {
  const { lists, positions, selection, problems, showNames, hovered } = input
  const candidates = flows.map((flow) => {
    const id = idOf(flow)
    const found = problems.has(entryKey('dataFlows', id))
    const at = (end: string) => nodeRect(positions[textOf(flow, end)] ?? { x: 0, y: 0 })
    return {
      id,
      centre: flowPath(at('from'), at('to'), offsets.get(id) ?? 0).label,
      width: labelWidth(nameOf(flow), found),
      forced: found || id === hovered || isSelected(selection, 'dataFlows', id),
    }
  })
  const shown = placeLabels(
    showNames ? candidates : candidates.filter((candidate) => candidate.forced),
    [
      ...lists.elements.flatMap((element) => {
        const at = positions[idOf(element)]
        return at === undefined ? [] : [nodeRect(at)]
      }),
      // The strip at the top of each boundary, where its name is.
      ...boundaryRects(lists.trustBoundaries, positions).map((rect) => ({
        ...rect,
        height: BOUNDARY_LABEL_HEIGHT,
      })),
    ],
  )
  return shown
}

export interface EdgeOptions {
  /** Names on: those that fit are drawn; off: only those forced. */
  readonly showNames: boolean
  /** The flow under the pointer, whose name is drawn whatever it covers. */
  readonly hovered?: string | undefined
}

/**
 * One edge per data flow whose two ends are in the diagram (a flow naming an unknown element is
 * still listed, with its problem, in the lists view and the problems).
 */
export const diagramEdges = (
  input: DiagramInput & EdgeOptions,
  labels: DiagramLabels,
): FlowEdge[] => {
  const { lists, positions, selection, problems } = input
  const drawn = lists.dataFlows.filter(
    (flow) =>
      positions[textOf(flow, 'from')] !== undefined && positions[textOf(flow, 'to')] !== undefined,
  )
  const offsets = parallelOffsets(drawn)
  const names = shownNames(drawn, input, offsets)
  return drawn.map((flow) => {
    const id = idOf(flow)
    const from = textOf(flow, 'from')
    const to = textOf(flow, 'to')
    const found = problems.get(entryKey('dataFlows', id)) ?? []
    const name = nameOf(flow)
    return {
      id,
      type: 'flow' as const,
      source: from,
      target: to,
      selected: isSelected(selection, 'dataFlows', id),
      ariaLabel: labels.flow(
        name,
        nameOf(findEntry(lists.elements, from), from),
        nameOf(findEntry(lists.elements, to), to),
        found.length,
      ),
      data: {
        name,
        offset: offsets.get(id) ?? 0,
        problems: found.length,
        severity: worstSeverity(found),
        showName: names.has(id),
      },
    }
  })
}

/** The middle of an element, or of a flow's two ends, to pan to. */
export const centreOf = (
  lists: ModelLists,
  positions: Positions,
  selection: Selection,
): Point | undefined => {
  if (selection.kind !== 'entry') return undefined
  const centre = (id: string) => {
    const at = positions[id]
    return at === undefined ? undefined : { x: at.x + NODE_WIDTH / 2, y: at.y + NODE_HEIGHT / 2 }
  }
  if (selection.list === 'elements') return centre(selection.id)
  if (selection.list === 'dataFlows') {
    const flow = findEntry(lists.dataFlows, selection.id)
    const from = flow === undefined ? undefined : centre(textOf(flow, 'from'))
    const to = flow === undefined ? undefined : centre(textOf(flow, 'to'))
    return from === undefined || to === undefined
      ? undefined
      : { x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 }
  }
  return undefined
}
