import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'

import { mds2Form, MDS2_QUESTION_IDS } from '../../core/reports/mds2/index.js'
import { exampleReportContext } from '../../../test/support/report-context.js'
import { mds2Xlsx } from './mds2-xlsx.js'

// The sheet holds only strings (and nothing else is written), so other values read as empty.
const cellText = (value: ExcelJS.CellValue): string => (typeof value === 'string' ? value : '')

describe('mds2Xlsx', () => {
  it('lays the answered form out like the official spreadsheet', async () => {
    const ctx = await exampleReportContext('insulin-pump')
    const form = mds2Form(ctx)
    const bytes = await mds2Xlsx(form, ctx.date)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes.slice().buffer)
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['MDS2'])
    expect(workbook.created.toISOString().slice(0, 10)).toBe(ctx.date)
    const sheet = workbook.worksheets[0]
    if (sheet === undefined) throw new Error('no sheet')

    const rows: string[][] = []
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      rows[number - 1] = [1, 2, 3, 4, 5, 6].map((column) => cellText(row.getCell(column).value))
    })
    expect(rows[0]?.[0]).toContain('MDS2')
    expect(rows.find((cells) => cells[0] === 'Manufacturer')?.[1]).toBe(form.manufacturer)
    expect(rows.find((cells) => cells[0] === 'Document release date')?.[1]).toBe(ctx.date)
    const headerIndex = rows.findIndex((cells) => cells[0] === 'Question ID')
    expect(rows[headerIndex]).toEqual([
      'Question ID',
      'Question',
      'See note',
      'Answer',
      'Note',
      'Basis',
    ])

    // Frozen below the header, filter over the question table.
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: headerIndex + 1 })
    expect(sheet.autoFilter).toBeDefined()

    // Every question once, in form order, each section opened by a shaded header row.
    const body = rows.slice(headerIndex + 1)
    const questionRows = body.filter((cells) => /-\d/.test(cells[0] ?? ''))
    expect(questionRows.map((cells) => cells[0])).toEqual(MDS2_QUESTION_IDS)
    const sectionRows = body.filter((cells) => /^[A-Z]{3,4}$/.test(cells[0] ?? ''))
    expect(sectionRows.map((cells) => cells[0])).toEqual(form.sections.map((part) => part.id))
    const firstSection = sheet.getRow(headerIndex + 2)
    expect(firstSection.getCell(1).fill).toMatchObject({ type: 'pattern', pattern: 'solid' })

    const bluetooth = questionRows.find((cells) => cells[0] === 'CONN-1.1.2')
    expect(bluetooth?.[3]).toBe('Yes')
    expect(bluetooth?.[2]).toMatch(/^Note \d+$/)

    // Needs-input rows: empty answer, flagged in the note, highlighted.
    const openIndex = body.findIndex((cells) => cells[4]?.startsWith('Needs input') === true)
    expect(openIndex).toBeGreaterThanOrEqual(0)
    expect(body[openIndex]?.[3]).toBe('')
    const openRow = sheet.getRow(headerIndex + 2 + openIndex)
    expect(openRow.getCell(4).fill).toMatchObject({ fgColor: { argb: 'FFFFE699' } })
  })

  it('writes the same workbook content for the same form and date', async () => {
    const form = mds2Form(await exampleReportContext('patient-monitor'))
    const [first, second] = await Promise.all([
      mds2Xlsx(form, '2026-01-02'),
      mds2Xlsx(form, '2026-01-02'),
    ])
    const read = async (bytes: Uint8Array): Promise<unknown[]> => {
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(bytes.slice().buffer)
      const values: unknown[] = [workbook.created.toISOString(), workbook.modified.toISOString()]
      workbook.worksheets[0]?.eachRow((row) => values.push(row.values))
      return values
    }
    expect(await read(first)).toEqual(await read(second))
    expect((await read(first))[0]).toBe('2026-01-02T00:00:00.000Z')
  })
})
