import type { DocumentPath } from '../../core/index.js'
import type { Point, Rect } from './diagram-geometry.js'
import type { IdAllocator } from './id-allocator.js'
import { oneLine } from './plain-text.js'
import { fieldOf, isRecord, listOf, recordsOf, textOf } from './source-data.js'
import type { ImportNotes } from './threat-model-import.js'

/**
 * Threat Dragon v1 (JointJS) and v2 (AntV X6) diagrams read into one shape, so the import maps
 * both the same way. v1 keeps a cell's facts on the cell and its name in its drawing attributes;
 * v2 keeps them under `data`.
 */

export const CELL_KINDS = [
  'actor',
  'process',
  'store',
  'flow',
  'boundary-box',
  'boundary-curve',
  'text',
  'unknown',
] as const
export type CellKind = (typeof CELL_KINDS)[number]

/** Where a flow or curve ends: at a cell, or at a loose point. */
export interface CellEnd {
  readonly cell?: string
  readonly point?: Point
}

export interface TdCell {
  readonly path: DocumentPath
  readonly id: string
  readonly kind: CellKind
  /** The shape or type as written, for people. */
  readonly written: string
  readonly name: string | undefined
  /** The cell's facts: `data` in v2, the cell itself in v1. */
  readonly facts: Readonly<Record<string, unknown>>
  readonly factsPath: DocumentPath
  readonly threats: readonly Readonly<Record<string, unknown>>[]
  readonly rect: Rect | undefined
  readonly source: CellEnd | undefined
  readonly target: CellEnd | undefined
  readonly vertices: readonly Point[]
}

export interface TdDiagram {
  readonly path: DocumentPath
  readonly title: string
  readonly methodology: string | undefined
  readonly cells: readonly TdCell[]
}

const KIND_BY_TYPE: Readonly<Record<string, CellKind>> = {
  'tm.actor': 'actor',
  'tm.process': 'process',
  'tm.store': 'store',
  'tm.flow': 'flow',
  'tm.boundarybox': 'boundary-box',
  'tm.boundary': 'boundary-curve',
  'tm.text': 'text',
  actor: 'actor',
  process: 'process',
  store: 'store',
  flow: 'flow',
  'trust-boundary-box': 'boundary-box',
  'trust-boundary-curve': 'boundary-curve',
  // Threat Dragon's own test model spells it so.
  'trust-broundary-curve': 'boundary-curve',
  'td-text-block': 'text',
}

const kindOf = (...written: (string | undefined)[]): CellKind => {
  for (const word of written) {
    const kind = word === undefined ? undefined : KIND_BY_TYPE[word.toLowerCase()]
    if (kind !== undefined) return kind
  }
  return 'unknown'
}

const numberOf = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined

const pointOf = (value: unknown): Point | undefined => {
  const x = numberOf(fieldOf(value, 'x'))
  const y = numberOf(fieldOf(value, 'y'))
  return x === undefined || y === undefined ? undefined : { x, y }
}

const rectOf = (cell: Readonly<Record<string, unknown>>): Rect | undefined => {
  const at = pointOf(cell['position'])
  const width = numberOf(fieldOf(cell['size'], 'width'))
  const height = numberOf(fieldOf(cell['size'], 'height'))
  if (at === undefined || width === undefined || height === undefined) return undefined
  return { x: at.x, y: at.y, width, height }
}

/** v2 names the attached cell `cell`, v1 names it `id`. */
const endOf = (value: unknown): CellEnd | undefined => {
  if (!isRecord(value)) return undefined
  const cell = textOf(value['cell']) ?? textOf(value['id'])
  const point = pointOf(value)
  if (cell !== undefined) return { cell }
  return point === undefined ? undefined : { point }
}

/** A v1 node's name is its text attribute; a v1 flow's is its first label. */
const v1NameOf = (cell: Readonly<Record<string, unknown>>): string | undefined => {
  const label = fieldOf(fieldOf(fieldOf(listOf(cell['labels'])[0], 'attrs'), 'text'), 'text')
  return textOf(fieldOf(fieldOf(cell['attrs'], 'text'), 'text')) ?? textOf(label)
}

const readCell = (cell: Readonly<Record<string, unknown>>, path: DocumentPath): TdCell => {
  const data = cell['data']
  const v2 = isRecord(data)
  const facts = v2 ? data : cell
  const factsPath = v2 ? [...path, 'data'] : path
  const type = textOf(facts['type'])
  const shape = textOf(cell['shape'])
  const name = v2 ? textOf(data['name']) : v1NameOf(cell)
  return {
    path,
    id: textOf(cell['id']) ?? JSON.stringify(path),
    kind: kindOf(type, shape),
    written: shape ?? type ?? 'unknown',
    name: name === undefined ? undefined : oneLine(name) || undefined,
    facts,
    factsPath,
    threats: recordsOf(facts['threats']),
    rect: rectOf(cell),
    source: endOf(cell['source']),
    target: endOf(cell['target']),
    vertices: listOf(cell['vertices']).flatMap((vertex) => {
      const point = pointOf(vertex)
      return point === undefined ? [] : [point]
    }),
  }
}

/** The diagrams of a v1 or v2 model, cells in the order they were written. */
export const readDiagrams = (model: Readonly<Record<string, unknown>>): TdDiagram[] =>
  listOf(fieldOf(model['detail'], 'diagrams')).flatMap((diagram, i) => {
    if (!isRecord(diagram)) return []
    const path: DocumentPath = ['detail', 'diagrams', i]
    const v1 = isRecord(diagram['diagramJson'])
    const cellsPath: DocumentPath = v1 ? [...path, 'diagramJson', 'cells'] : [...path, 'cells']
    const cells = v1 ? fieldOf(diagram['diagramJson'], 'cells') : diagram['cells']
    return [
      {
        path,
        title: textOf(diagram['title']) ?? `Diagram ${String(i + 1)}`,
        methodology: textOf(diagram['diagramType']),
        cells: listOf(cells).flatMap((cell, j) =>
          isRecord(cell) ? [readCell(cell, [...cellsPath, j])] : [],
        ),
      },
    ]
  })

/** What the steps of a Threat Dragon import share. */
export interface TdContext {
  readonly notes: ImportNotes
  readonly ids: IdAllocator
  /** Element, flow or boundary id of each cell, by the cell's path. */
  readonly cellIds: Map<string, string>
}

export const keyOf = (path: DocumentPath): string => JSON.stringify(path)

export const isNode = (cell: TdCell): boolean =>
  cell.kind === 'actor' || cell.kind === 'process' || cell.kind === 'store'
