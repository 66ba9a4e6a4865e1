import { existsSync } from 'node:fs'

import ExcelJS from 'exceljs'
import mammoth from 'mammoth'
import { describe, expect, it } from 'vitest'

import { exampleReportContext } from '../../../test/support/report-context.js'
import { buildDeliverable, type InstalledBaseEntry } from '../../core/index.js'
import { createPdfPrinter } from '../documents/index.js'
import { renderDeliverable, type ReportFile } from './render-deliverable.js'

const CHROMIUM = process.env['MEDCYBER_CHROMIUM'] ?? '/usr/bin/chromium'

const INSTALLED: InstalledBaseEntry[] = [
  {
    customer: 'St. Mary',
    site: 'Ward 4',
    release: '2.4.1',
    units: 12,
    contactEmail: 'ana@stmary.example',
    deployedOn: '2019-05-01',
  },
  { customer: 'Lakeside', site: 'Main', release: '3.1.0', units: 5, deployedOn: '2024-01-15' },
]

const byName = (files: readonly ReportFile[], suffix: string): ReportFile => {
  const file = files.find((item) => item.name.endsWith(suffix))
  if (file === undefined)
    throw new Error(`no ${suffix} among ${files.map((f) => f.name).join(', ')}`)
  return file
}

const bytes = (file: ReportFile): Buffer =>
  Buffer.from(
    typeof file.content === 'string' ? new TextEncoder().encode(file.content) : file.content,
  )

describe.each([
  ['pma-annual-report', 'en', 'PMA annual report: cybersecurity', 'Mean days to patch'],
  ['eos-transfer-package', 'en', 'End-of-support transfer package', 'St. Mary'],
  ['eos-transfer-package', 'ja', 'リリース 2.4.1', 'ana@stmary.example'],
] as const)('%s (%s) renders in every format', (kind, language, title, text) => {
  it('docx, xlsx, html, md and json say the same thing', async () => {
    const ctx = await exampleReportContext('insulin-pump', {
      release: '2.4.1',
      installedBase: INSTALLED,
      language,
    })
    const files = await renderDeliverable(
      buildDeliverable(kind, ctx),
      ['docx', 'xlsx', 'html', 'md', 'json'],
      {},
    )
    const docx = await mammoth.extractRawText({ buffer: bytes(byName(files, '.docx')) })
    expect(docx.value).toContain(title)
    expect(docx.value).toContain(text)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(bytes(byName(files, '.xlsx')) as unknown as ArrayBuffer)
    expect(workbook.worksheets.length).toBeGreaterThan(1)
    const html = String(byName(files, '.html').content)
    expect(html).toContain(title)
    expect(html).toContain(text)
    const md = String(byName(files, '.md').content)
    expect(md).toContain(text)
    if (kind === 'pma-annual-report') {
      // The chart is an SVG figure in the HTML and an image in Word.
      expect(html).toMatch(/<svg[^>]*>.*Mean days to full deployment/s)
      expect(docx.messages.filter((m) => m.type === 'error')).toEqual([])
    } else {
      expect(files.map((file) => file.name)).toContain(
        'sbom-aria-insulin-pump-system-2.4.1.cdx.json',
      )
    }
  }, 60_000)
})

describe('PDF', () => {
  it.skipIf(!existsSync(CHROMIUM))(
    'the PMA annual report prints',
    async () => {
      const ctx = await exampleReportContext('insulin-pump', { installedBase: INSTALLED })
      const printer = await createPdfPrinter({ chromiumPath: CHROMIUM })
      try {
        const files = await renderDeliverable(buildDeliverable('pma-annual-report', ctx), ['pdf'], {
          pdfPrinter: () => Promise.resolve(printer),
        })
        const pdf = byName(files, '.pdf')
        expect(new TextDecoder().decode(bytes(pdf).subarray(0, 5))).toBe('%PDF-')
      } finally {
        await printer.close()
      }
    },
    120_000,
  )
})
