// exceljs is CommonJS: under ESM only its default export exists at run time.
import ExcelJS from 'exceljs'

import { MDS2_ANSWER_LABELS, type Mds2Form } from '../../core/reports/mds2/index.js'
import { fitRowHeights, fitSheetToPageWidth } from '../tables/index.js'

const SHEET = 'MDS2'
const HEADER_FILL = 'FF1F3864'
const SECTION_FILL = 'FFD9E1F2'
const GAP_FILL = 'FFFFE699'
const COLUMNS = [
  { header: 'Question ID', width: 13 },
  { header: 'Question', width: 70 },
  { header: 'See note', width: 10 },
  { header: 'Answer', width: 11 },
  { header: 'Note', width: 60 },
  { header: 'Basis', width: 40 },
] as const

const solid = (argb: string): ExcelJS.Fill => ({
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb },
})

const utcDate = (text: string): Date => {
  const [year = 1970, month = 1, day = 1] = text.split('-').map(Number)
  return new Date(Date.UTC(year, month - 1, day))
}

/**
 * The answered MDS2 in the layout of the official spreadsheet: a header block with the device
 * and manufacturer (DOC answers), then one row per question, Question ID | Question | See note |
 * Answer | Note, under a shaded row per section. Notes are numbered as the form does ("Note 3")
 * and the Basis column says where each answer comes from. Needs-input rows are highlighted.
 */
export const mds2Xlsx = async (form: Mds2Form, date: string = form.date): Promise<Uint8Array> => {
  const workbook = new ExcelJS.Workbook()
  const stamp = utcDate(date)
  // exceljs stamps the clock otherwise; the date keeps the file stable.
  workbook.created = stamp
  workbook.modified = stamp
  workbook.creator = 'medcyber'
  const sheet = workbook.addWorksheet(SHEET)
  sheet.columns = COLUMNS.map((column) => ({ width: column.width }))

  const title = sheet.addRow([
    `Manufacturer Disclosure Statement for Medical Device Security -- MDS2 (ANSI/NEMA ${form.edition})`,
  ])
  title.font = { bold: true, size: 14 }
  sheet.mergeCells(title.number, 1, title.number, COLUMNS.length)
  const info: readonly (readonly [string, string])[] = [
    ['Manufacturer', form.manufacturer],
    ['Device', form.product],
    ['Device model', form.modelNumbers.join('; ')],
    ['Software release', form.release ?? ''],
    ['Document release date', form.date],
  ]
  for (const [label, value] of info) {
    const row = sheet.addRow([label, value])
    row.getCell(1).font = { bold: true }
    sheet.mergeCells(row.number, 2, row.number, COLUMNS.length)
  }
  sheet.addRow([])

  const header = sheet.addRow(COLUMNS.map((column) => column.header))
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } }
  header.eachCell((cell) => {
    cell.fill = solid(HEADER_FILL)
  })
  const headerRow = header.number

  let noteNumber = 0
  for (const part of form.sections) {
    const heading = sheet.addRow([
      part.id,
      `${part.title.toUpperCase()}${part.description === undefined ? '' : ` - ${part.description}`}`,
    ])
    heading.font = { bold: true }
    heading.eachCell({ includeEmpty: true }, (cell, column) => {
      if (column <= COLUMNS.length) cell.fill = solid(SECTION_FILL)
    })
    heading.getCell(2).alignment = { wrapText: true, vertical: 'top' }
    for (const question of part.questions) {
      const open = question.answer === 'needs-input'
      const text = open ? ['Needs input', question.note].filter(Boolean).join('. ') : question.note
      const noteRef = text === '' ? '' : `Note ${(++noteNumber).toString()}`
      const row = sheet.addRow([
        question.id,
        question.question,
        noteRef,
        MDS2_ANSWER_LABELS[question.answer],
        text,
        question.basis,
      ])
      row.alignment = { wrapText: true, vertical: 'top' }
      if (open)
        for (let column = 1; column <= COLUMNS.length; column++)
          row.getCell(column).fill = solid(GAP_FILL)
    }
  }

  sheet.views = [{ state: 'frozen', ySplit: headerRow, xSplit: 0 }]
  fitSheetToPageWidth(sheet, `${String(headerRow)}:${String(headerRow)}`)
  fitRowHeights(sheet)
  sheet.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: sheet.rowCount, column: COLUMNS.length },
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
