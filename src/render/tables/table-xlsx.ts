// exceljs is CommonJS whose exports Node cannot detect statically, so under ESM only the default
// export (module.exports) exists at run time; `import { Workbook } from 'exceljs'` would fail.
import ExcelJS from 'exceljs'
import type { Alignment, Worksheet } from 'exceljs'

import type { CellValue, DataTable, TableColumn } from '../../core/documents/index.js'

export interface TableXlsxOptions {
  /** YYYY-MM-DD, recorded as the workbook's created and modified date. */
  readonly date: string
  readonly creator?: string
}

const SHEET_NAME_MAX = 31
// Excel forbids these in sheet names; control characters would be dropped from the XML.
const SHEET_NAME_FORBIDDEN = /[\\/?*[\]:\p{Cc}]/gu
const NOTES_SHEET = 'Notes'

const DEFAULT_MIN_WIDTH = 8
const DEFAULT_MAX_WIDTH = 60
// Room for the autofilter button next to the header text.
const WIDTH_PADDING = 2
const DATE_FORMAT = 'yyyy-mm-dd'

/** A cell as exceljs takes it; never an object, so no value can become a formula. */
type XlsxValue = string | number | boolean | Date | null

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
// Excel's 1900 date system counts 1900-02-29, which never existed, so earlier serials are off.
const FIRST_EXCEL_DATE = Date.UTC(1900, 2, 1)

/** A calendar date at 00:00 UTC, or undefined when the text is not a date Excel can hold. */
const utcDate = (text: string): Date | undefined => {
  const match = ISO_DATE.exec(text)
  if (!match) return undefined
  const [, year, month, day] = match.map(Number)
  if (year === undefined || month === undefined || day === undefined) return undefined
  const date = new Date(Date.UTC(year, month - 1, day))
  const sameDay =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  return sameDay && date.getTime() >= FIRST_EXCEL_DATE ? date : undefined
}

const truncate = (text: string, max: number): string => {
  let kept = ''
  // By code point, so a surrogate pair is never cut in half.
  for (const char of text) {
    if (kept.length + char.length > max) break
    kept += char
  }
  return kept
}

/**
 * Names Excel accepts, each distinct from the ones already given. Excel compares sheet names
 * case-insensitively and reserves "History" for change tracking.
 */
const sheetNamer = (): ((title: string) => string) => {
  const taken = new Set(['history'])
  return (title) => {
    const cleaned = title.replace(SHEET_NAME_FORBIDDEN, '_')
    // A name may not start or end with an apostrophe, which quotes names in formulas.
    const trimmed = (max: number): string => truncate(cleaned, max).replace(/^['\s]+|['\s]+$/g, '')
    let name = trimmed(SHEET_NAME_MAX) || 'Sheet'
    for (let n = 2; taken.has(name.toLowerCase()); n++) {
      const suffix = ` (${String(n)})`
      name = (trimmed(SHEET_NAME_MAX - suffix.length) || 'Sheet') + suffix
    }
    taken.add(name.toLowerCase())
    return name
  }
}

// East Asian wide characters; characters beyond the BMP (CJK extensions, emoji) are wide too.
const WIDE_CHAR =
  /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/

/** Width of the longest line in character cells, the unit of Excel's column width. */
const displayWidth = (text: string): number => {
  let widest = 0
  for (const line of text.split(/\r\n|\r|\n/)) {
    let width = 0
    for (const char of line) width += char.length > 1 || WIDE_CHAR.test(char) ? 2 : 1
    widest = Math.max(widest, width)
  }
  return widest
}

/** Lines a text takes in a column of `width` characters, wrapping at the column edge. */
const wrappedLines = (text: string, width: number): number =>
  text
    .split(/\r\n|\r|\n/)
    .reduce(
      (lines, line) => lines + Math.max(1, Math.ceil(displayWidth(line) / Math.max(1, width))),
      0,
    )

const LINE_HEIGHT_POINTS = 15
const MAX_ROW_HEIGHT_POINTS = 409

/**
 * Gives every row with wrapped text the height its longest cell needs. The file format has no
 * "fit on open": LibreOffice keeps the default height and wrapped lines overprint the next row,
 * so the height is written out, estimated from the text and the column width.
 */
export const fitRowHeights = (worksheet: Worksheet): void => {
  worksheet.eachRow((row) => {
    let lines = 1
    row.eachCell((cell) => {
      if (
        typeof cell.value !== 'string' ||
        (cell.alignment as Partial<Alignment> | undefined)?.wrapText !== true
      )
        return
      const width = worksheet.getColumn(cell.col).width ?? DEFAULT_MIN_WIDTH
      lines = Math.max(lines, wrappedLines(cell.value, width))
    })
    if (lines > 1) row.height = Math.min(MAX_ROW_HEIGHT_POINTS, lines * LINE_HEIGHT_POINTS)
  })
}

const xlsxValue = (column: TableColumn, value: CellValue): XlsxValue => {
  if (typeof value === 'string' && column.type === 'date') {
    // A text that is no valid date stays text rather than being lost.
    return utcDate(value) ?? value
  }
  // Excel has no NaN or infinity; written as numbers they make the file unreadable.
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value)
  return value
}

const shownWidth = (value: XlsxValue): number => {
  if (value === null) return 0
  if (value instanceof Date) return DATE_FORMAT.length
  if (typeof value === 'boolean') return 'FALSE'.length
  return displayWidth(String(value))
}

/**
 * Printed (or converted to PDF) a sheet comes out on A4 landscape, as wide as the page with as
 * many pages down as it needs, and its header rows repeat on every page; Excel's default prints
 * one column-strip per page, which no reviewer can read.
 */
/** `titleRows` as Excel writes them, e.g. `1:1`. */
export const fitSheetToPageWidth = (worksheet: Worksheet, titleRows?: string): void => {
  worksheet.pageSetup = {
    ...worksheet.pageSetup,
    // A4. exceljs types it as an ambient const enum, which isolated modules cannot read.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    ...(titleRows === undefined ? {} : { printTitlesRow: titleRows }),
  }
}

const addTableSheet = (worksheet: Worksheet, table: DataTable): void => {
  const rows = table.rows.map((row) =>
    table.columns.map((column) => xlsxValue(column, row[column.key] ?? null)),
  )
  worksheet.columns = table.columns.map((column, index) => {
    // A fold, not Math.max(...rows), which overflows the stack on very long tables.
    const contentWidth = rows.reduce(
      (widest, row) => Math.max(widest, shownWidth(row[index] ?? null)),
      displayWidth(column.title) + WIDTH_PADDING,
    )
    const width =
      column.width ?? Math.min(DEFAULT_MAX_WIDTH, Math.max(DEFAULT_MIN_WIDTH, contentWidth))
    return {
      width,
      style: {
        ...(column.type === 'date' ? { numFmt: DATE_FORMAT } : {}),
        // Top alignment keeps a row readable when a wrapped neighbour makes it tall.
        alignment: { vertical: 'top', wrapText: column.type === 'text' && contentWidth > width },
      },
    }
  })
  const header = worksheet.addRow(table.columns.map((column) => column.title))
  table.columns.forEach((_, index) => {
    header.getCell(index + 1).font = { bold: true }
  })
  worksheet.addRows(rows)
  if (table.columns.length > 0) {
    worksheet.views = [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2' }]
    worksheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: rows.length + 1, column: table.columns.length },
    }
  }
  fitSheetToPageWidth(worksheet, '1:1')
  fitRowHeights(worksheet)
}

const addNotesSheet = (worksheet: Worksheet, tables: readonly DataTable[]): void => {
  worksheet.columns = [{ width: 100, style: { alignment: { vertical: 'top', wrapText: true } } }]
  fitSheetToPageWidth(worksheet)
  fitRowHeights(worksheet)
  worksheet.addRows(
    tables.flatMap((table) => (table.notes ?? []).map((note) => [`${table.title}: ${note}`])),
  )
}

/**
 * Tables as an Excel workbook, one sheet per table with typed cells (numbers that sum, dates that
 * sort), a frozen bold header with filters, and the tables' notes on a final "Notes" sheet
 * ("Notes (2)" if a table already took the name). The same tables and options give the same
 * workbook content; only the zip entries' timestamps vary.
 */
export const tableXlsx = async (
  tables: readonly DataTable[],
  options: TableXlsxOptions,
): Promise<Uint8Array> => {
  const date = utcDate(options.date)
  if (!date) throw new Error(`tableXlsx: date must be YYYY-MM-DD, got "${options.date}"`)
  const workbook = new ExcelJS.Workbook()
  // exceljs stamps the clock otherwise. lastPrinted stays unset: nothing was printed, and an
  // unset date is not written at all.
  workbook.created = date
  workbook.modified = date
  workbook.creator = options.creator ?? 'medcyber'
  workbook.lastModifiedBy = workbook.creator

  const sheetName = sheetNamer()
  for (const table of tables) addTableSheet(workbook.addWorksheet(sheetName(table.title)), table)
  if (tables.some((table) => (table.notes ?? []).length > 0)) {
    addNotesSheet(workbook.addWorksheet(sheetName(NOTES_SHEET)), tables)
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
