import ExcelJS from 'exceljs'
import type { Worksheet } from 'exceljs'

import {
  COMMON_TEXT,
  type DocumentSection,
  type DocumentTree,
  type TableBlock,
} from '../../core/documents/index.js'
import { fitSheetToPageWidth, tableXlsx } from '../tables/index.js'
import { COLOURS } from './html-style.js'

const ABOUT_SHEET = 'About'

const fill = (hex: string): ExcelJS.Fill => ({
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: `FF${hex}` },
})

/** Each table with the title of the section it sits in, in reading order (as tablesOf). */
const placedTables = (tree: DocumentTree): { block: TableBlock; section: string }[] => {
  const found: { block: TableBlock; section: string }[] = []
  const visit = (sections: readonly DocumentSection[]): void => {
    for (const part of sections) {
      for (const block of part.blocks) {
        if (block.kind === 'table') found.push({ block, section: part.title })
      }
      if (part.sections !== undefined) visit(part.sections)
    }
  }
  visit(tree.sections)
  return found
}

const highlight = (worksheet: Worksheet, block: TableBlock): void => {
  const columns = block.table.columns.map((column) => column.key)
  for (const { row, column, tone } of block.highlights ?? []) {
    // Header is row 1; table row 0 is sheet row 2.
    const targets = column === undefined ? columns : [column]
    for (const key of targets) {
      const index = columns.indexOf(key)
      if (index < 0 || row < 0 || row >= block.table.rows.length) continue
      const cell = worksheet.getCell(row + 2, index + 1)
      // An alert outranks a gap on the same cell, whatever order they were given in.
      const current = cell.fill.type === 'pattern' ? cell.fill.fgColor?.argb : undefined
      if (tone === 'gap' && current === `FF${COLOURS.alert}`) continue
      // A new style object: cells read from a file share theirs, and one fill would colour them all.
      cell.style = { ...cell.style, fill: fill(COLOURS[tone]) }
    }
  }
}

const addAbout = (
  worksheet: Worksheet,
  tree: DocumentTree,
  sheets: readonly { name: string; section: string; label: string }[],
): void => {
  const words = COMMON_TEXT[tree.language]
  worksheet.columns = [
    { width: 28, style: { alignment: { vertical: 'top', wrapText: true } } },
    { width: 80, style: { alignment: { vertical: 'top', wrapText: true } } },
  ]
  const title = worksheet.addRow([tree.title])
  title.font = { bold: true, size: 14 }
  if (tree.subtitle !== undefined) worksheet.addRow([tree.subtitle])
  worksheet.addRow([])
  const facts: [string, string | Date | undefined][] = [
    [words.product, tree.product],
    [words.modelNumbers, tree.modelNumbers?.join(', ')],
    [words.manufacturer, tree.manufacturer],
    [words.release, tree.release],
    [words.issued, new Date(`${tree.date}T00:00:00Z`)],
  ]
  for (const [label, value] of facts) {
    if (value === undefined) continue
    const row = worksheet.addRow([label, value])
    row.getCell(1).font = { bold: true }
    if (value instanceof Date) {
      row.getCell(2).numFmt = 'yyyy-mm-dd'
      row.getCell(2).alignment = { horizontal: 'left' }
    }
  }
  worksheet.addRow([])
  const header = worksheet.addRow([words.table, words.contents])
  header.font = { bold: true }
  for (const sheet of sheets) {
    const row = worksheet.addRow([sheet.name, `${sheet.section} — ${sheet.label}`])
    // An internal link, so the contents list jumps to each sheet.
    row.getCell(1).value = {
      text: sheet.name,
      hyperlink: `#'${sheet.name.replaceAll("'", "''")}'!A1`,
    }
    row.getCell(1).font = { color: { argb: 'FF0B57A4' }, underline: true }
  }
}

/**
 * The tree's tables as a workbook: an "About" sheet first (title, product, issue date and a
 * list of the sheets with the section each table comes from), then one sheet per table as
 * tableXlsx writes it (typed cells, frozen header, filters, unique names from the table titles)
 * with the tree's highlights as cell fills. Dates come from the tree, not the clock.
 */
export const documentXlsx = async (tree: DocumentTree): Promise<Uint8Array> => {
  const placed = placedTables(tree)
  const base = await tableXlsx(
    placed.map(({ block }) => block.table),
    { date: tree.date },
  )
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(base.slice().buffer)
  const tableSheets = workbook.worksheets.slice(0, placed.length)
  placed.forEach(({ block }, index) => {
    const worksheet = tableSheets[index]
    if (worksheet !== undefined) highlight(worksheet, block)
  })

  const taken = new Set(workbook.worksheets.map((worksheet) => worksheet.name.toLowerCase()))
  let aboutName = ABOUT_SHEET
  for (let n = 2; taken.has(aboutName.toLowerCase()); n++)
    aboutName = `${ABOUT_SHEET} (${String(n)})`
  const about = workbook.addWorksheet(aboutName)
  // exceljs writes sheets in orderNo order; the About sheet goes before every table.
  const order = [about, ...workbook.worksheets.filter((worksheet) => worksheet !== about)]
  order.forEach((worksheet, index) => {
    // Public in exceljs's JavaScript, missing from its typings.
    ;(worksheet as Worksheet & { orderNo: number }).orderNo = index
  })
  fitSheetToPageWidth(about)
  addAbout(
    about,
    tree,
    placed.map(({ block, section }, index) => ({
      name: tableSheets[index]?.name ?? '',
      section,
      label: block.caption ?? block.table.title,
    })),
  )

  const date = new Date(`${tree.date}T00:00:00Z`)
  workbook.created = date
  workbook.modified = date
  workbook.creator = 'medcyber'
  workbook.lastModifiedBy = 'medcyber'
  workbook.title = tree.title
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
