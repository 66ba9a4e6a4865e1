import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { tempDir } from '../../../test/support/temp-dir.js'
import { ChromiumMissingError, createPdfPrinter, documentPdf } from './document-pdf.js'
import { sampleTree } from './sample-tree.js'

const CHROMIUM = process.env['MEDCYBER_CHROMIUM'] ?? '/usr/bin/chromium'
const hasChromium = existsSync(CHROMIUM)

describe('documentPdf', () => {
  it('says how to get a browser when there is none', async () => {
    const tree = await sampleTree('en')
    const failure = documentPdf(tree, { chromiumPath: '/nonexistent/chromium' })
    await expect(failure).rejects.toBeInstanceOf(ChromiumMissingError)
    await expect(failure).rejects.toMatchObject({ code: 'render/chromium-missing' })
    await expect(failure).rejects.toThrow(/chromium package|MEDCYBER_CHROMIUM/)
  })

  // CI installs Debian's chromium; without it only the error above can be checked.
  it.skipIf(!hasChromium)(
    'prints English and Japanese documents with one browser, as pages that render',
    async () => {
      const printer = await createPdfPrinter({ chromiumPath: CHROMIUM })
      const folder = tempDir('document-pdf')
      try {
        for (const language of ['en', 'ja'] as const) {
          const pdf = await printer.print(await sampleTree(language))
          expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-')
          const file = path.join(folder, `${language}.pdf`)
          writeFileSync(file, pdf)
          execFileSync('pdftoppm', [
            '-png',
            '-r',
            '60',
            '-f',
            '1',
            '-l',
            '1',
            file,
            path.join(folder, language),
          ])
          const png = readdirSync(folder).find(
            (name) => name.startsWith(`${language}-`) && name.endsWith('.png'),
          )
          expect(png).toBeDefined()
          // A blank A4 page at 60 dpi compresses to well under 2 kB; text and tables do not.
          expect(statSync(path.join(folder, png ?? '')).size).toBeGreaterThan(5000)
        }
      } finally {
        await printer.close()
      }
    },
    60_000,
  )
})
