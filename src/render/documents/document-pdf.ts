import { access } from 'node:fs/promises'

import { chromium, type Browser } from 'playwright-core'

import { COMMON_TEXT, type DocumentTree } from '../../core/documents/index.js'
import { documentHtml, escapeHtml } from './document-html.js'

const DEFAULT_CHROMIUM = '/usr/bin/chromium'

// Headless, offline and quiet: no sandbox (containers lack user namespaces), no GPU, and none of
// the background traffic Chromium starts on its own.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** No browser to print with: the one PDF failure a user fixes themselves. */
export class ChromiumMissingError extends Error {
  readonly code = 'render/chromium-missing'

  constructor(path: string) {
    super(
      `PDF output needs Chromium, which was not found at ${path}. Install Debian's chromium package (apt-get install chromium) or set MEDCYBER_CHROMIUM (or --chromium) to a Chromium or Chrome executable.`,
    )
    this.name = 'ChromiumMissingError'
  }
}

export interface PdfOptions {
  /** The browser to print with; else MEDCYBER_CHROMIUM, else /usr/bin/chromium. */
  readonly chromiumPath?: string
}

export interface PdfPrinter {
  print(tree: DocumentTree): Promise<Uint8Array>
  close(): Promise<void>
}

const chromiumPathOf = (options: PdfOptions): string =>
  options.chromiumPath ?? process.env['MEDCYBER_CHROMIUM'] ?? DEFAULT_CHROMIUM

// Chromium's header and footer are separate documents: they see none of the page's CSS, and
// without an explicit font size they print at a size too small to read.
const marginTemplate = (content: string): string =>
  `<div style="width: 100%; margin: 0 15mm; font-size: 8pt; color: #555; font-family: 'DejaVu Sans', 'Noto Sans CJK JP', sans-serif; display: flex; justify-content: space-between;">${content}</div>`

const headerTemplate = (tree: DocumentTree): string =>
  marginTemplate(`<span>${escapeHtml(tree.title)}</span><span>${escapeHtml(tree.date)}</span>`)

const footerTemplate = (tree: DocumentTree): string =>
  marginTemplate(
    `<span>${escapeHtml(tree.product)}</span><span>${escapeHtml(COMMON_TEXT[tree.language].page)} <span class="pageNumber"></span> / <span class="totalPages"></span></span>`,
  )

/**
 * One headless Chromium that prints many documents: `--kind all` launches the browser once.
 * Pages cannot reach the network; a document that tried to fetch anything prints without it.
 */
export const createPdfPrinter = async (options: PdfOptions = {}): Promise<PdfPrinter> => {
  const executablePath = chromiumPathOf(options)
  try {
    await access(executablePath)
  } catch {
    throw new ChromiumMissingError(executablePath)
  }
  const browser: Browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  return {
    async print(tree) {
      const context = await browser.newContext({ offline: true, javaScriptEnabled: false })
      try {
        await context.route('**/*', (route) => route.abort())
        const page = await context.newPage()
        await page.setContent(documentHtml(tree), { waitUntil: 'load' })
        const pdf = await page.pdf({
          format: 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          headerTemplate: headerTemplate(tree),
          footerTemplate: footerTemplate(tree),
          margin: { top: '18mm', bottom: '18mm', left: '15mm', right: '15mm' },
        })
        return new Uint8Array(pdf)
      } finally {
        await context.close()
      }
    },
    async close() {
      await browser.close()
    },
  }
}

/** One document as PDF, printed from its HTML; for many documents use createPdfPrinter. */
export const documentPdf = async (
  tree: DocumentTree,
  options: PdfOptions = {},
): Promise<Uint8Array> => {
  const printer = await createPdfPrinter(options)
  try {
    return await printer.print(tree)
  } finally {
    await printer.close()
  }
}
