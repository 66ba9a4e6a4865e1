import { describe, expect, it } from 'vitest'

import { formatCsvProblem, parseInstalledBaseCsv } from './parse-installed-base.js'

const RELEASES = new Set(['2.4.1', '3.1.0'])

const HEADER = 'customer,site,release,units,contact_name,contact_email,deployed_on,retired_on'

const messages = (text: string): string[] => {
  const result = parseInstalledBaseCsv(text, RELEASES)
  return result.ok ? [] : result.problems.map(formatCsvProblem)
}

describe('installed-base CSV', () => {
  it('reads rows with their lines, optional columns left out or empty', () => {
    const text = [
      HEADER,
      'St. Mary,Ward 4,2.4.1,12,Ana Ito,ana@stmary.example,2019-05-01,2023-09-01',
      '"Clinic, North",Main,3.1.0,3,,,2023-09-01,',
    ].join('\r\n')
    const result = parseInstalledBaseCsv(text, RELEASES)
    expect(result).toEqual({
      ok: true,
      entries: [
        {
          line: 2,
          entry: {
            customer: 'St. Mary',
            site: 'Ward 4',
            release: '2.4.1',
            units: 12,
            contactName: 'Ana Ito',
            contactEmail: 'ana@stmary.example',
            deployedOn: '2019-05-01',
            retiredOn: '2023-09-01',
          },
        },
        {
          line: 3,
          entry: {
            customer: 'Clinic, North',
            site: 'Main',
            release: '3.1.0',
            units: 3,
            deployedOn: '2023-09-01',
          },
        },
      ],
    })
  })

  it('accepts the Japanese headers, in any order, and a BOM (Excel)', () => {
    const text = '\ufeff施設,顧客,リリース,台数,導入日\n本院,さくら病院,3.1.0,2,2024-04-01\n'
    const result = parseInstalledBaseCsv(text, RELEASES)
    expect(result.ok && result.entries[0]?.entry).toEqual({
      customer: 'さくら病院',
      site: '本院',
      release: '3.1.0',
      units: 2,
      deployedOn: '2024-04-01',
    })
  })

  it('names the line and column of every problem, and returns no entries', () => {
    const lines = [
      HEADER,
      'A,1,2.4.1,1,,,2019-05-01,',
      'B,1,9.9.9,1,,,2019-05-01,',
      'C,1,3.1.0,0,,,2023-02-30,',
      'D,1,3.1.0,2,,not-an-address,2023-09-01,2023-08-01',
      ',1,3.1.0,2,,,2023-09-01,',
      'A,1,2.4.1,4,,,2019-05-01,',
      'E,1,3.1.0',
    ]
    expect(messages(lines.join('\n'))).toEqual([
      'line 3, column release: 9.9.9 is not a release of this product',
      'line 4, column units: 0 is not a whole number of units from 1 to 1000000',
      'line 4, column deployed_on: 2023-02-30 is not a date as YYYY-MM-DD',
      'line 5, column contact_email: not-an-address is not an e-mail address',
      'line 5, column retired_on: 2023-08-01 is before the deployment on 2023-09-01',
      'line 6, column customer: empty',
      'line 7: the same customer, site, release and deployment day as line 2',
      'line 8: 3 fields where the header has 8',
    ])
  })

  it('refuses an unknown or missing column in the header', () => {
    expect(messages('customer,site,version,units,deployed_on\nA,1,2.4.1,1,2019-05-01\n')).toEqual([
      'line 1, column version: unknown column; the columns are customer, site, release, units, contact_name, contact_email, deployed_on, retired_on',
      'line 1, column release: required column missing',
    ])
  })

  it('refuses broken CSV, an empty file, and files over the limits', () => {
    expect(messages(`${HEADER}\n"A,1,2.4.1,1,,,2019-05-01,\n`)[0]).toMatch(
      /^line 2: not valid CSV \(Quote Not Closed/,
    )
    expect(messages('')).toEqual(['line 1: the file is empty'])
    const many = [
      HEADER,
      ...Array.from({ length: 20_001 }, (_, i) => `C${String(i)},1,2.4.1,1,,,2019-05-01,`),
    ]
    expect(messages(many.join('\n'))).toEqual(['line 1: 20001 rows; at most 20000'])
    expect(messages(`${HEADER}\n${'x'.repeat(2 * 1024 * 1024)}`)[0]).toMatch(
      /bytes; at most 2097152$/,
    )
  })
})
