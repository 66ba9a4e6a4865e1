import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

import ExcelJS from 'exceljs'
import mammoth from 'mammoth'
import { beforeAll, describe, expect, it } from 'vitest'

import { DELIVERABLE_KINDS } from '../../src/core/index.js'
import { exampleNames } from '../support/model-folders.js'
import { spawnCli } from '../support/spawn-cli.js'
import { tempDir } from '../support/temp-dir.js'

const DATE = '2026-11-28'
const CHROMIUM = process.env['MEDCYBER_CHROMIUM'] ?? '/usr/bin/chromium'
const SOFFICE = '/usr/bin/soffice'
const PDFTOPPM = '/usr/bin/pdftoppm'
const tools = [CHROMIUM, SOFFICE, PDFTOPPM].filter((tool) => !existsSync(tool))
// .ci/run installs Debian's chromium, libreoffice and poppler-utils; without them this says why.
const withTools = tools.length === 0 ? describe : describe.skip
if (tools.length > 0) console.warn(`document rendering tests skipped: missing ${tools.join(', ')}`)

const filesUnder = (folder: string): string[] =>
  readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(folder, name))
    .filter((file) => statSync(file).isFile())
    .sort()

const run = (command: string, args: readonly string[], timeout = 180_000) => {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** Renders PDF pages to PNG as a reviewer would look at them; returns the PNG files. */
const pagesOf = (pdf: string, outDir: string): string[] => {
  const prefix = path.join(outDir, path.basename(pdf, '.pdf'))
  const result = run(PDFTOPPM, ['-png', '-r', '40', pdf, prefix])
  expect(result.code, result.stderr).toBe(0)
  return readdirSync(outDir)
    .filter((name) => name.startsWith(path.basename(prefix)) && name.endsWith('.png'))
    .map((name) => path.join(outDir, name))
}

withTools.each(exampleNames())('medcyber report --kind all on the example %s', (name) => {
  let out: string
  let files: string[]
  let stderr: string

  beforeAll(() => {
    out = tempDir(`report-${name}`)
    const result = spawnCli(
      ['report', `examples/${name}`, '--kind', 'all', '--out', out, '--date', DATE],
      240_000,
    )
    stderr = result.stderr
    expect(result.code, result.stderr).toBe(0)
    files = filesUnder(out)
  }, 300_000)

  it('shows progress and writes every deliverable', () => {
    for (const [index, kind] of DELIVERABLE_KINDS.entries()) {
      expect(stderr).toContain(`[${String(index + 1)}/${String(DELIVERABLE_KINDS.length)}] ${kind}`)
      expect(
        files.some((file) => file.startsWith(path.join(out, kind) + path.sep)),
        kind,
      ).toBe(true)
    }
  })

  it('writes Word documents with real headings and tables', async () => {
    const docx = files.filter((file) => file.endsWith('.docx'))
    expect(docx.length).toBeGreaterThan(5)
    let withTables = 0
    for (const file of docx) {
      const { value: html } = await mammoth.convertToHtml({ buffer: readFileSync(file) })
      expect(html, file).toMatch(/<h1[ >]/)
      if (html.includes('<table>')) withTables += 1
    }
    // A document whose model section is still empty (no anomalies, no plan) has no table.
    expect(withTables).toBeGreaterThan(docx.length / 2)
    const { value: assessment } = await mammoth.convertToHtml({
      buffer: readFileSync(path.join(out, 'fda-premarket', 'cybersecurity-risk-assessment.docx')),
    })
    expect(assessment).toContain('<table>')
  })

  it('writes spreadsheets with frozen headers and filters', async () => {
    const xlsx = files.filter((file) => file.endsWith('.xlsx'))
    expect(xlsx.map((file) => path.basename(file))).toEqual(
      expect.arrayContaining(['mds2.xlsx', 'traceability-matrix.xlsx']),
    )
    for (const file of xlsx) {
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer)
      const sheets = workbook.worksheets.filter((sheet) => sheet.autoFilter !== undefined)
      expect(sheets.length, file).toBeGreaterThan(0)
      for (const sheet of sheets)
        expect(sheet.views[0]?.state, `${file} ${sheet.name}`).toBe('frozen')
    }
  })

  it('writes an SBOM that medcyber itself reads back as valid CycloneDX 1.6 and SPDX 2.3', () => {
    const sboms = files.filter((file) => file.startsWith(path.join(out, 'sbom') + path.sep))
    expect(sboms.length).toBe(2)
    for (const file of sboms) {
      const result = spawnCli(['sbom', 'validate', file, '--json'])
      const report = JSON.parse(result.stdout) as { valid: boolean; specVersion: string }
      expect(report, file).toMatchObject({ valid: true })
      expect(['1.6', 'SPDX-2.3', '2.3']).toContain(report.specVersion)
    }
  })

  it('prints PDFs whose pages render, and Word files LibreOffice opens and renders', () => {
    const pngs = tempDir(`pages-${name}`)
    const pdfs = files.filter((file) => file.endsWith('.pdf'))
    expect(pdfs.length).toBeGreaterThan(0)
    for (const pdf of pdfs) {
      expect(readFileSync(pdf).subarray(0, 5).toString('latin1'), pdf).toBe('%PDF-')
      const pages = pagesOf(pdf, pngs)
      expect(pages.length, pdf).toBeGreaterThan(0)
      for (const page of pages) expect(statSync(page).size, page).toBeGreaterThan(2_000)
    }
    const converted = tempDir(`lo-${name}`)
    const docx = files.filter((file) => file.endsWith('.docx'))
    const result = run(SOFFICE, [
      `-env:UserInstallation=file://${tempDir('lo-profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      converted,
      ...docx,
    ])
    expect(result.code, result.stderr).toBe(0)
    for (const file of docx) {
      const pdf = path.join(converted, `${path.basename(file, '.docx')}.pdf`)
      expect(existsSync(pdf), `LibreOffice could not convert ${file}`).toBe(true)
      expect(pagesOf(pdf, pngs).length, pdf).toBeGreaterThan(0)
    }
  }, 300_000)
})

withTools('Japanese documents', () => {
  it('are written in Japanese and printed with a Japanese font, in PDF and through LibreOffice', () => {
    const out = tempDir('report-ja')
    for (const kind of ['jp-checklist', 'labeling', 'lifecycle-notice']) {
      const result = spawnCli(
        [
          'report',
          'examples/insulin-pump',
          '--kind',
          kind,
          '--lang',
          'ja',
          '--format',
          'pdf,docx',
          '--out',
          out,
          '--date',
          DATE,
        ],
        120_000,
      )
      expect(result.code, result.stderr).toBe(0)
    }
    const files = filesUnder(out)
    const pdfs = files.filter((file) => file.endsWith('.ja.pdf'))
    expect(pdfs.length).toBeGreaterThanOrEqual(3)
    for (const pdf of pdfs) {
      const text = run('/usr/bin/pdftotext', [pdf, '-']).stdout
      expect(text, pdf).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]{4}/)
      // Chromium embeds the CFF-based Noto CJK glyphs as unnamed Type 3 fonts; the only other
      // font is DejaVu, which has no Japanese, so Type 3 fonts mean Japanese glyphs, not boxes.
      expect(run('/usr/bin/pdffonts', [pdf]).stdout, pdf).toMatch(/CJK|JP|Gothic|Mincho|Type 3/i)
    }
    const converted = tempDir('lo-ja')
    const docx = files.filter((file) => file.endsWith('.ja.docx'))
    const result = run(SOFFICE, [
      `-env:UserInstallation=file://${tempDir('lo-profile-ja')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      converted,
      ...docx,
    ])
    expect(result.code, result.stderr).toBe(0)
    for (const file of docx) {
      const pdf = path.join(converted, `${path.basename(file, '.docx')}.pdf`)
      expect(run('/usr/bin/pdffonts', [pdf]).stdout, pdf).toMatch(/CJK|JP|Gothic|Mincho/i)
    }
  }, 300_000)
})

describe('report determinism', () => {
  it('gives byte-identical md, html and json for the same model and --date', () => {
    const outputs = [tempDir('report-a'), tempDir('report-b')].map((out) => {
      const result = spawnCli(
        [
          'report',
          'examples/infusion-pump-fleet',
          '--kind',
          'all',
          '--format',
          'md,html,json',
          '--out',
          out,
          '--date',
          DATE,
        ],
        120_000,
      )
      expect(result.code, result.stderr).toBe(0)
      return new Map(
        filesUnder(out).map((file) => [path.relative(out, file), readFileSync(file, 'utf8')]),
      )
    })
    const [first, second] = outputs
    expect(first?.size).toBeGreaterThan(10)
    expect(second).toEqual(first)
  }, 180_000)
})

describe('report errors', () => {
  it('names an unknown release and the ones there are', () => {
    const result = spawnCli([
      'report',
      'examples/insulin-pump',
      '--kind',
      'mds2',
      '--out',
      tempDir('report-bad'),
      '--release',
      '9.9',
    ])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain("no release '9.9'")
    expect(result.stderr).toContain('3.1.0')
  })

  it('says how to get Chromium when it is missing, without a stack trace', () => {
    const result = spawnCli([
      'report',
      'examples/insulin-pump',
      '--kind',
      'labeling',
      '--format',
      'pdf',
      '--out',
      tempDir('report-nochrome'),
      '--chromium',
      '/nonexistent/chromium',
    ])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/chromium/i)
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })
})
