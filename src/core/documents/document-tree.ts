import type { DataTable } from './data-table.js'

/**
 * A deliverable as a format-neutral tree: sections, paragraphs, lists, tables and figures. The
 * renderers in src/render/documents turn one tree into .docx, .html, .md, .pdf or .xlsx, so every
 * format says the same thing. Text here is plain: presentation belongs to the renderers.
 */

export const DOCUMENT_LANGUAGES = ['en', 'ja'] as const
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number]

/** A run of text inside a paragraph, list item or note. */
export interface TextRun {
  readonly text: string
  readonly strong?: boolean
  readonly emphasis?: boolean
  /** Identifiers, versions and vectors: shown in a monospace font. */
  readonly code?: boolean
  /** A web address the run links to (http or https only; renderers drop anything else). */
  readonly href?: string
}

export type Inline = string | TextRun

export interface ParagraphBlock {
  readonly kind: 'paragraph'
  readonly content: readonly Inline[]
}

export interface ListBlock {
  readonly kind: 'list'
  readonly ordered?: boolean
  readonly items: readonly (readonly Inline[])[]
}

/** A cell (row index into `table.rows`, column key) or a whole row (no column) to highlight. */
export interface CellHighlight {
  readonly row: number
  readonly column?: string
  /** `gap`: something missing (traceability, needs input); `alert`: e.g. KEV, uncontrolled. */
  readonly tone: 'gap' | 'alert'
}

export interface TableBlock {
  readonly kind: 'table'
  readonly table: DataTable
  readonly caption?: string
  readonly highlights?: readonly CellHighlight[]
}

/** A diagram, as the SVG text of an architecture view; `alt` describes it for screen readers. */
export interface FigureBlock {
  readonly kind: 'figure'
  readonly svg: string
  readonly caption: string
  readonly alt: string
}

/**
 * Where the model does not know: the document says what a person must supply instead of
 * guessing. Renderers make it stand out so reviewers find every one.
 */
export interface NeedsInputBlock {
  readonly kind: 'needs-input'
  readonly what: string
}

/** A boxed remark: conventions, assumptions, the example-policy warning. */
export interface NoteBlock {
  readonly kind: 'note'
  readonly content: readonly Inline[]
}

export type Block =
  ParagraphBlock | ListBlock | TableBlock | FigureBlock | NeedsInputBlock | NoteBlock

export interface DocumentSection {
  /** Stable within the document; renderers use it for anchors and bookmarks. */
  readonly id: string
  readonly title: string
  readonly blocks: readonly Block[]
  readonly sections?: readonly DocumentSection[]
}

export interface DocumentTree {
  /** File name stem, e.g. `security-risk-management-report`. */
  readonly id: string
  readonly title: string
  readonly subtitle?: string
  readonly language: DocumentLanguage
  /** YYYY-MM-DD: the date the document is issued as of; also its metadata date. */
  readonly date: string
  /** Product name, model numbers and release, for the title page and running header. */
  readonly product: string
  /** Shown on the title page; the running header names the product only. */
  readonly modelNumbers?: readonly string[]
  readonly manufacturer: string
  readonly release?: string
  readonly sections: readonly DocumentSection[]
}

// Small constructors keep the deliverable builders readable.
export const paragraph = (...content: readonly Inline[]): ParagraphBlock => ({
  kind: 'paragraph',
  content,
})

export const bulletList = (items: readonly (string | readonly Inline[])[]): ListBlock => ({
  kind: 'list',
  items: items.map((item) => (typeof item === 'string' ? [item] : item)),
})

export const numberedList = (items: readonly (string | readonly Inline[])[]): ListBlock => ({
  kind: 'list',
  ordered: true,
  items: items.map((item) => (typeof item === 'string' ? [item] : item)),
})

export const tableBlock = (
  table: DataTable,
  options: { readonly caption?: string; readonly highlights?: readonly CellHighlight[] } = {},
): TableBlock => ({ kind: 'table', table, ...options })

export const needsInput = (what: string): NeedsInputBlock => ({ kind: 'needs-input', what })

export const note = (...content: readonly Inline[]): NoteBlock => ({ kind: 'note', content })

export const strong = (text: string): TextRun => ({ text, strong: true })

export const code = (text: string): TextRun => ({ text, code: true })

export const link = (text: string, href: string): TextRun => ({ text, href })

export const section = (
  id: string,
  title: string,
  blocks: readonly Block[],
  sections?: readonly DocumentSection[],
): DocumentSection =>
  sections === undefined ? { id, title, blocks } : { id, title, blocks, sections }

/** Every table of a tree in reading order: what the .xlsx renderer writes, one sheet each. */
export const tablesOf = (tree: DocumentTree): TableBlock[] => {
  const found: TableBlock[] = []
  const visit = (sections: readonly DocumentSection[]): void => {
    for (const part of sections) {
      for (const block of part.blocks) if (block.kind === 'table') found.push(block)
      if (part.sections !== undefined) visit(part.sections)
    }
  }
  visit(tree.sections)
  return found
}
