import { describe, expect, it } from 'vitest'

import type { CellValue, DataTable } from '../../core/documents/index.js'
import { tableCsv } from './table-csv.js'

const oneColumn = (...values: CellValue[]): DataTable => ({
  title: 'One',
  columns: [{ key: 'v', title: 'Value', type: 'text' }],
  rows: values.map((v) => ({ v })),
})

/** The data lines without the BOM, header and final line end. */
const dataLines = (table: DataTable): string[] =>
  tableCsv(table).slice(1).split('\r\n').slice(1, -1)

describe('tableCsv', () => {
  const table: DataTable = {
    title: 'Register',
    columns: [
      { key: 'id', title: 'ID', type: 'text' },
      { key: 'score', title: 'CVSS score', type: 'number' },
      { key: 'fixed', title: 'Fixed', type: 'boolean' },
      { key: 'due', title: 'Due', type: 'date' },
    ],
    rows: [
      { id: 'R-1', score: 9.8, fixed: true, due: '2025-03-31' },
      { id: 'R-2', score: -0.5, fixed: false, due: null },
      { id: 'R-3', score: null, fixed: null },
    ],
    notes: ['Scores are CVSS 3.1 base scores.'],
  }

  it('starts with a BOM and ends every record with CRLF', () => {
    const csv = tableCsv(table)
    expect(csv.startsWith('\uFEFFID,')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(csv.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/)
  })

  it('writes titles, numbers, yes/no, dates and empty cells, but no notes', () => {
    expect(tableCsv(table)).toBe(
      '\uFEFF' +
        'ID,CVSS score,Fixed,Due\r\n' +
        'R-1,9.8,yes,2025-03-31\r\n' +
        'R-2,-0.5,no,\r\n' +
        'R-3,,,\r\n',
    )
  })

  it('writes numbers in the shortest form', () => {
    expect(dataLines(oneColumn(0.1 + 0.2, 1e21, 1_000_000, 0, -7))).toEqual([
      '0.30000000000000004',
      '1e+21',
      '1000000',
      '0',
      '-7',
    ])
  })

  it.each([
    ['a comma', 'a,b', '"a,b"'],
    ['quotes', 'say "hi"', '"say ""hi"""'],
    ['a line feed', 'two\nlines', '"two\nlines"'],
    ['CRLF', 'two\r\nlines', '"two\r\nlines"'],
    ['Japanese text', '患者への危害', '患者への危害'],
    ['Japanese text with a comma', '重大度、高い,要対応', '"重大度、高い,要対応"'],
  ])('quotes %s as RFC 4180 asks', (_, text, field) => {
    expect(tableCsv(oneColumn(text))).toBe(`\uFEFFValue\r\n${field}\r\n`)
  })

  it.each([
    ['=', '=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+', '+1+1', "'+1+1"],
    ['-', '-2+3', "'-2+3"],
    ['@', '@SUM(A1)', "'@SUM(A1)"],
    ['tab', '\t=1', "'\t=1"],
    ['carriage return', '\r=1', `"'\r=1"`],
  ])('guards text starting with %s against formula injection', (_, text, field) => {
    expect(dataLines(oneColumn(text))).toEqual([field])
  })

  it('guards column titles too', () => {
    const csv = tableCsv({ ...oneColumn(), columns: [{ key: 'v', title: '=cmd', type: 'text' }] })
    expect(csv).toBe("\uFEFF'=cmd\r\n")
  })

  it('leaves negative numbers and harmless text alone', () => {
    expect(dataLines(oneColumn(-1, 'a=b', ' =1', "'quoted"))).toEqual([
      '-1',
      'a=b',
      ' =1',
      "'quoted",
    ])
  })

  it('writes a cell missing from a row as empty', () => {
    const csv = tableCsv({
      title: 'T',
      columns: [
        { key: 'a', title: 'A', type: 'text' },
        { key: 'b', title: 'B', type: 'text' },
      ],
      rows: [{ b: 'only b' }],
    })
    expect(csv).toBe('\uFEFFA,B\r\n,only b\r\n')
  })
})
