import type { DeliverablePart, DocumentTree, Mds2Form } from '../../core/index.js'
import {
  documentDocx,
  documentHtml,
  documentMarkdown,
  documentXlsx,
  mds2Xlsx,
  type PdfPrinter,
} from '../documents/index.js'
import type { ReportFormat } from './report-formats.js'

/** One output file: its name inside the deliverable's folder and its bytes or text. */
export interface ReportFile {
  readonly name: string
  readonly content: string | Uint8Array
}

export interface RenderOptions {
  /** Opened lazily by the caller: only PDF output needs a browser. */
  readonly pdfPrinter?: () => Promise<PdfPrinter>
}

const stem = (tree: DocumentTree): string =>
  tree.language === 'en' ? tree.id : `${tree.id}.${tree.language}`

/** JSON with sorted-in-place structure as built: deterministic because the builders are. */
const json = (data: unknown): string => `${JSON.stringify(data, null, 2)}\n`

const renderTree = async (
  tree: DocumentTree,
  format: ReportFormat,
  options: RenderOptions,
): Promise<ReportFile> => {
  const name = `${stem(tree)}.${format}`
  switch (format) {
    case 'md':
      return { name, content: documentMarkdown(tree) }
    case 'html':
      return { name, content: documentHtml(tree) }
    case 'json':
      return { name, content: json(tree) }
    case 'docx':
      return { name, content: await documentDocx(tree) }
    case 'xlsx':
      return { name, content: await documentXlsx(tree) }
    case 'pdf': {
      if (options.pdfPrinter === undefined) throw new Error('PDF output needs a printer')
      const printer = await options.pdfPrinter()
      return { name, content: await printer.print(tree) }
    }
  }
}

/**
 * The files of one deliverable in the formats asked for. Documents go to every format; data
 * parts are JSON whatever the format, except the MDS2 form, which also has its standard
 * spreadsheet layout.
 */
export const renderDeliverable = async (
  parts: readonly DeliverablePart[],
  formats: readonly ReportFormat[],
  options: RenderOptions,
): Promise<ReportFile[]> => {
  const files: ReportFile[] = []
  const hasMds2Form = parts.some((part) => part.kind === 'data' && part.id === 'mds2')
  for (const part of parts) {
    if (part.kind === 'data') {
      files.push({ name: `${part.id}.${part.extension}`, content: json(part.data) })
      if (part.id === 'mds2' && formats.includes('xlsx')) {
        files.push({ name: 'mds2.xlsx', content: await mds2Xlsx(part.data as Mds2Form) })
      }
      continue
    }
    for (const format of formats) {
      // The MDS2 form's own layout replaces the generic one-sheet-per-table workbook.
      if (hasMds2Form && format === 'xlsx' && part.tree.id === 'mds2') continue
      // The JSON of a document that already has its data part would say the same thing twice.
      if (
        format === 'json' &&
        parts.some((other) => other.kind === 'data' && other.id === part.tree.id)
      )
        continue
      files.push(await renderTree(part.tree, format, options))
    }
  }
  return files
}
