import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'

import { documentXlsx } from './document-xlsx.js'
import { sampleTree } from './sample-tree.js'

const load = async (bytes: Uint8Array): Promise<ExcelJS.Workbook> => {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(bytes.slice().buffer)
  return workbook
}

const argbOf = (cell: ExcelJS.Cell): string | undefined =>
  cell.fill.type === 'pattern' ? cell.fill.fgColor?.argb : undefined

describe('documentXlsx', async () => {
  const tree = await sampleTree('en')
  const workbook = await load(await documentXlsx(tree))
  const threats = workbook.getWorksheet('Threats')

  it('starts with an About sheet, then one sheet per table and the notes', () => {
    expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual([
      'About',
      'Threats',
      'Notes',
    ])
    const about = workbook.getWorksheet('About')
    expect(about?.getCell('A1').value).toBe(tree.title)
    expect(about?.getCell('B4').value).toBe('X-100 "Pump"')
    const issued = about?.getColumn(2).values.find((value) => value instanceof Date)
    expect(issued).toEqual(new Date('2025-06-30T00:00:00Z'))
    const listed = about
      ?.getColumn(2)
      .values.find((value) => typeof value === 'string' && value.includes('Identified threats'))
    expect(listed).toBe('Threats — Identified threats')
  })

  it('keeps typed cells, a frozen header and filters', () => {
    expect(threats?.getCell('C2').value).toBe(8.1)
    expect(threats?.getCell('D2').value).toEqual(new Date('2025-09-30T00:00:00Z'))
    expect(threats?.getCell('E2').value).toBe(true)
    expect(threats?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(threats?.autoFilter).toBeTruthy()
  })

  it('fills highlighted cells and rows by tone', () => {
    expect(argbOf(threats!.getCell('E2'))).toBe('FFF6B8B0')
    expect(argbOf(threats!.getCell('F3'))).toBe('FFFFE08A')
    for (const column of ['A', 'B', 'C', 'D', 'E', 'F']) {
      expect(argbOf(threats!.getCell(`${column}4`))).toBe('FFFFE08A')
    }
    expect(argbOf(threats!.getCell('A2'))).toBeUndefined()
  })

  it('dates the workbook by the issue date', () => {
    expect(workbook.created).toEqual(new Date('2025-06-30T00:00:00Z'))
    expect(workbook.modified).toEqual(new Date('2025-06-30T00:00:00Z'))
    expect(workbook.creator).toBe('medcyber')
  })

  it('uses the Japanese shared words in Japanese', async () => {
    const ja = await load(await documentXlsx(await sampleTree('ja')))
    expect(ja.worksheets.map((worksheet) => worksheet.name)).toEqual(['About', '脅威', 'Notes'])
    expect(ja.getWorksheet('About')?.getColumn(1).values).toContain('製造販売業者')
  })
})
