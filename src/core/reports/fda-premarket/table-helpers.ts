import type {
  CellHighlight,
  CellValue,
  ColumnType,
  DataTable,
  TableBlock,
  TableColumn,
} from '../../documents/index.js'
import { tableBlock } from '../../documents/index.js'

/** What a text cell says where the model is silent; renderers get a gap highlight for it. */
export const NEEDS_INPUT = 'needs input'

export type Row = Readonly<Record<string, CellValue>>

export const column = (
  key: string,
  title: string,
  type: ColumnType = 'text',
  width?: number,
): TableColumn => (width === undefined ? { key, title, type } : { key, title, type, width })

/** A text value, or the needs-input marker when there is none. */
export const orNeedsInput = (value: string | undefined): string =>
  value === undefined || value.trim() === '' ? NEEDS_INPUT : value

/** Ids or names joined for one cell; empty lists give an empty string. */
export const joined = (values: readonly string[] | undefined): string => (values ?? []).join(', ')

export interface TableSpec {
  readonly title: string
  readonly columns: readonly TableColumn[]
  readonly rows: readonly Row[]
  readonly notes?: readonly string[]
  readonly caption?: string
  /** Whole rows to mark as alerts (KEV, uncontrolled, past end of support). */
  readonly alertRow?: (row: Row) => boolean
  /** Further cells to mark, e.g. an empty date the model should know. */
  readonly gapCell?: (row: Row, key: string) => boolean
  readonly alertCell?: (row: Row, key: string) => boolean
}

/**
 * A table block with its highlights: every needs-input cell is a gap, and the spec's predicates
 * add the alerts. Computing them here keeps row indexes right when rows are filtered or sorted.
 */
export const table = (spec: TableSpec): TableBlock => {
  const highlights: CellHighlight[] = []
  spec.rows.forEach((row, index) => {
    if (spec.alertRow?.(row) === true) highlights.push({ row: index, tone: 'alert' })
    for (const { key } of spec.columns) {
      const value = row[key]
      if (spec.alertCell?.(row, key) === true) {
        highlights.push({ row: index, column: key, tone: 'alert' })
      } else if (value === NEEDS_INPUT || spec.gapCell?.(row, key) === true) {
        highlights.push({ row: index, column: key, tone: 'gap' })
      }
    }
  })
  const data: DataTable = {
    title: spec.title,
    columns: spec.columns,
    rows: spec.rows,
    ...(spec.notes === undefined ? {} : { notes: spec.notes }),
  }
  return tableBlock(data, {
    ...(spec.caption === undefined ? {} : { caption: spec.caption }),
    ...(highlights.length === 0 ? {} : { highlights }),
  })
}

/** A two-column property table (item, value) for facts that are not a list of records. */
export const factTable = (
  title: string,
  facts: readonly (readonly [string, string])[],
  caption?: string,
): TableBlock =>
  table({
    title,
    columns: [column('item', 'Item', 'text', 36), column('value', 'Value', 'text', 64)],
    rows: facts.map(([item, value]) => ({ item, value })),
    ...(caption === undefined ? {} : { caption }),
  })

export const countOf = (n: number, one: string, many = `${one}s`): string =>
  `${String(n)} ${n === 1 ? one : many}`
