import type { CellValue, DataTable } from '../../core/documents/index.js'

// Excel reads a CSV without a byte order mark in the machine's legacy code page (Shift_JIS on
// Japanese Windows), which garbles UTF-8 Japanese text; the BOM makes it read UTF-8.
const BOM = '\uFEFF'
const CRLF = '\r\n'

// OWASP "CSV injection": a spreadsheet evaluates a cell that starts with one of these as a
// formula (tab and CR because Excel skips them before looking for one).
const FORMULA_START = /^[=+\-@\t\r]/
const NEEDS_QUOTES = /[",\r\n]/

/** Text that a spreadsheet shows as written instead of evaluating it as a formula. */
const guardFormula = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text)

const quoteField = (text: string): string =>
  NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text

const cellText = (value: CellValue): string => {
  if (value === null) return ''
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  // Only text is guarded: a negative number is data, and a leading quote would make it text.
  if (typeof value === 'number') return String(value)
  return guardFormula(value)
}

const record = (fields: readonly string[]): string => fields.map(quoteField).join(',') + CRLF

/**
 * A table as RFC 4180 CSV with a header row of column titles, for opening in a spreadsheet.
 * Dates stay YYYY-MM-DD, booleans become yes/no and empty cells empty fields. The table's notes
 * are not written, since a CSV holds data only: callers keep them next to the file (a README or
 * the workbook's Notes sheet).
 */
export const tableCsv = (table: DataTable): string =>
  BOM +
  record(table.columns.map((column) => guardFormula(column.title))) +
  table.rows
    .map((row) => record(table.columns.map((column) => cellText(row[column.key] ?? null))))
    .join('')
