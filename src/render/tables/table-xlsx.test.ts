import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'

import type { DataTable } from '../../core/documents/index.js'
import { tableXlsx } from './table-xlsx.js'

const load = async (bytes: Uint8Array): Promise<ExcelJS.Workbook> => {
  const workbook = new ExcelJS.Workbook()
  // slice() gives a copy backed by a plain ArrayBuffer of exactly these bytes.
  await workbook.xlsx.load(bytes.slice().buffer)
  return workbook
}

const sheet = (workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const worksheet = workbook.getWorksheet(name)
  if (!worksheet) throw new Error(`no sheet ${name}`)
  return worksheet
}

const longNote = 'A long explanation. '.repeat(10)

const register: DataTable = {
  title: 'Vulnerabilities',
  columns: [
    { key: 'id', title: 'ID', type: 'text' },
    { key: 'score', title: 'Score', type: 'number', width: 12 },
    { key: 'fixed', title: 'Fixed', type: 'boolean' },
    { key: 'due', title: 'Due', type: 'date' },
    { key: 'note', title: 'Note', type: 'text' },
  ],
  rows: [
    { id: 'CVE-2024-0001', score: 9.8, fixed: true, due: '2025-03-31', note: longNote },
    { id: '=1+1', score: -2, fixed: false, due: null, note: '患者への危害' },
    { id: 'R-3', score: null, fixed: null, due: 'soon', note: null },
  ],
  notes: ['Scores are CVSS 3.1 base scores.', 'Due dates are UTC.'],
}

const longTitle = 'Threats: [pump]/[app] *what?* \\ and many more words'
const tables: readonly DataTable[] = [
  register,
  { title: longTitle, columns: [{ key: 'a', title: 'A', type: 'text' }], rows: [{ a: 'x' }] },
  { title: 'Assets', columns: [{ key: 'a', title: 'A', type: 'text' }], rows: [] },
  { title: 'ASSETS', columns: [{ key: 'a', title: 'A', type: 'text' }], rows: [], notes: ['Few.'] },
]

describe('tableXlsx', async () => {
  const workbook = await load(await tableXlsx(tables, { date: '2025-06-30' }))
  const main = sheet(workbook, 'Vulnerabilities')

  it('names one sheet per table as Excel allows, then the notes sheet', () => {
    expect(longTitle.length).toBeGreaterThan(40)
    expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual([
      'Vulnerabilities',
      'Threats_ _pump___app_ _what__ _',
      'Assets',
      'ASSETS (2)',
      'Notes',
    ])
  })

  it('keeps sheet names valid at the edges', async () => {
    const titled = (title: string): DataTable => ({ title, columns: [], rows: [] })
    const names = await load(
      await tableXlsx(
        [
          titled("'quoted' "),
          titled('history'),
          titled(''),
          titled('[]'),
          titled(`${'x'.repeat(30)}😀`),
          titled(`${'x'.repeat(30)}😀!`),
        ],
        { date: '2025-01-01' },
      ),
    )
    expect(names.worksheets.map((worksheet) => worksheet.name)).toEqual([
      'quoted',
      'history (2)',
      'Sheet',
      '__',
      'x'.repeat(30),
      `${'x'.repeat(27)} (2)`,
    ])
  })

  it('makes the header bold, frozen and filtered', () => {
    expect(main.getRow(1).values).toEqual([undefined, 'ID', 'Score', 'Fixed', 'Due', 'Note'])
    expect(main.getCell('A1').font.bold).toBe(true)
    expect(main.getCell('E1').font.bold).toBe(true)
    expect(main.getCell('A2').font.bold).toBeUndefined()
    expect(main.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, topLeftCell: 'A2' })
    expect(main.autoFilter).toBe('A1:E4')
  })

  it('gives cells their column types', () => {
    expect(main.getCell('B2').value).toBe(9.8)
    expect(main.getCell('B3').value).toBe(-2)
    expect(main.getCell('C2').value).toBe(true)
    expect(main.getCell('C3').value).toBe(false)
    expect(main.getCell('D2').value).toEqual(new Date(Date.UTC(2025, 2, 31)))
    expect(main.getCell('D2').numFmt).toBe('yyyy-mm-dd')
    expect(main.getCell('E3').value).toBe('患者への危害')
  })

  it('keeps formula-like text as text', () => {
    expect(main.getCell('A3').value).toBe('=1+1')
    expect(main.getCell('A3').type).toBe(ExcelJS.ValueType.String)
    expect(main.getCell('A3').formula).toBeUndefined()
  })

  it('leaves null cells empty and keeps a malformed date as text', () => {
    expect(main.getCell('B4').type).toBe(ExcelJS.ValueType.Null)
    expect(main.getCell('C4').type).toBe(ExcelJS.ValueType.Null)
    expect(main.getCell('D3').type).toBe(ExcelJS.ValueType.Null)
    expect(main.getCell('D4').value).toBe('soon')
  })

  it('sizes columns and wraps long text', () => {
    expect(main.getColumn(1).width).toBe('CVE-2024-0001'.length)
    expect(main.getColumn(2).width).toBe(12)
    expect(main.getColumn(5).width).toBe(60)
    expect(main.getCell('E2').alignment.wrapText).toBe(true)
    expect(main.getCell('A2').alignment.wrapText).toBeUndefined()
  })

  it('lists the notes with their table titles', () => {
    const notes = sheet(workbook, 'Notes')
    expect(notes.getColumn(1).values.slice(1)).toEqual([
      'Vulnerabilities: Scores are CVSS 3.1 base scores.',
      'Vulnerabilities: Due dates are UTC.',
      'ASSETS: Few.',
    ])
  })

  it('records the given date and creator instead of the clock', () => {
    expect(workbook.created).toEqual(new Date('2025-06-30T00:00:00Z'))
    expect(workbook.modified).toEqual(new Date('2025-06-30T00:00:00Z'))
    expect(workbook.creator).toBe('medcyber')
    expect(workbook.lastModifiedBy).toBe('medcyber')
  })

  it('takes a creator and writes no notes sheet without notes', async () => {
    const plain = await load(
      await tableXlsx([{ ...register, notes: [] }], { date: '2024-02-29', creator: 'QA' }),
    )
    expect(plain.worksheets.map((worksheet) => worksheet.name)).toEqual(['Vulnerabilities'])
    expect(plain.creator).toBe('QA')
    expect(plain.created).toEqual(new Date(Date.UTC(2024, 1, 29)))
  })

  it('rejects a date that is not YYYY-MM-DD', async () => {
    await expect(tableXlsx([register], { date: '2025-02-30' })).rejects.toThrow(/YYYY-MM-DD/)
  })
})
