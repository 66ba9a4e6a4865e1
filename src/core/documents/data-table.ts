/**
 * A format-neutral table: what a register or an export holds, before it becomes CSV, a
 * spreadsheet or a document table. Column types let spreadsheet writers give cells real types
 * (numbers that sum, dates that sort) instead of text.
 */
export const COLUMN_TYPES = ['text', 'number', 'date', 'boolean'] as const
export type ColumnType = (typeof COLUMN_TYPES)[number]

/** `date` cells hold a calendar date as YYYY-MM-DD; null is an empty cell. */
export type CellValue = string | number | boolean | null

export interface TableColumn {
  readonly key: string
  readonly title: string
  readonly type: ColumnType
  /** Preferred width in characters, a hint for spreadsheets. */
  readonly width?: number
}

export interface DataTable {
  /** Also the sheet name in a workbook (writers shorten it to what the format allows). */
  readonly title: string
  readonly columns: readonly TableColumn[]
  readonly rows: readonly Readonly<Record<string, CellValue>>[]
  /** Lines that say how to read the table (policy, conventions), kept next to the data. */
  readonly notes?: readonly string[]
}
