import {
  COMMON_TEXT,
  type Block,
  type DocumentTree,
  type Inline,
  type TableBlock,
} from '../../core/documents/index.js'
import {
  cellText,
  isNumeric,
  numberedCaption,
  runOf,
  safeHref,
  sectionsOf,
  tableLabel,
} from './document-text.js'

const FIGURE_ELSEWHERE = {
  en: 'the diagram is in the HTML, PDF and DOCX editions of this document',
  ja: '図は本書の HTML 版、PDF 版及び DOCX 版を参照',
} as const

// Characters Markdown may read as syntax anywhere in a line. `&` only where it would start an
// entity, so "R&D" stays readable.
const INLINE_SPECIAL = /[\\`*_[\]<>|~]|&(?=#?[A-Za-z0-9]+;)/g
// Line starts that would turn text into a heading, quote, list or rule.
const LINE_START = /^(\s*)(?:([#+=-])(?=\s|$)|(\d+)([.)])(?=\s|$))/

const escapeLine = (line: string): string =>
  line
    .replace(INLINE_SPECIAL, (char) => `\\${char}`)
    .replace(
      LINE_START,
      (_whole, indent: string, marker?: string, digits?: string, delimiter?: string) =>
        marker === undefined
          ? `${indent}${digits ?? ''}\\${delimiter ?? ''}`
          : `${indent}\\${marker}`,
    )

/** Plain text as Markdown text; newlines become spaces (callers that keep lines split first). */
const escapeText = (text: string): string => escapeLine(text.replace(/\s*[\r\n]+\s*/g, ' '))

const codeSpan = (text: string): string => {
  const flat = text.replace(/[\r\n]+/g, ' ')
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((match) => match[0].length))
  const fence = '`'.repeat(longest + 1)
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${flat}${pad}${fence}`
}

/** Emphasis markers must hug the text, so surrounding spaces move outside them. */
const wrap = (text: string, marker: string): string => {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)
  const [, before = '', inner = '', after = ''] = match ?? []
  return inner === '' ? text : `${before}${marker}${inner}${marker}${after}`
}

const inlineMarkdown = (content: readonly Inline[]): string =>
  content
    .map((inline) => {
      const run = runOf(inline)
      let text = run.code === true ? codeSpan(run.text) : escapeText(run.text)
      if (run.emphasis === true) text = wrap(text, '_')
      if (run.strong === true) text = wrap(text, '**')
      const href = safeHref(run.href)
      return href === undefined ? text : `[${text}](<${href}>)`
    })
    .join('')

const cellMarkdown = (text: string): string =>
  text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(INLINE_SPECIAL, (char) => `\\${char}`))
    .join('<br>')

const tableMarkdown = (block: TableBlock, tree: DocumentTree, n: number): string[] => {
  const { table } = block
  const lines = [
    `**${escapeText(numberedCaption(tree.language, 'table', n, tableLabel(block)))}**`,
    '',
  ]
  if (table.columns.length > 0) {
    lines.push(`| ${table.columns.map((column) => cellMarkdown(column.title)).join(' | ')} |`)
    lines.push(
      `| ${table.columns.map((column) => (isNumeric(column) ? '---:' : '---')).join(' | ')} |`,
    )
    for (const row of table.rows) {
      const cells = table.columns.map((column) =>
        cellMarkdown(cellText(row[column.key] ?? null, tree.language)),
      )
      lines.push(`| ${cells.join(' | ')} |`)
    }
  }
  for (const line of table.notes ?? []) lines.push('', `_${escapeText(line)}_`)
  return lines
}

const quoted = (label: string, body: string): string => `> **${escapeText(label)}:** ${body}`

/**
 * The tree as GitHub-flavoured Markdown: the title as the only level-1 heading, sections below it,
 * tables as pipe tables, figures as a line pointing to the editions that can show them, and every
 * needs-input as a quoted marker a reviewer can search for. Same tree, same text.
 */
export const documentMarkdown = (tree: DocumentTree): string => {
  const words = COMMON_TEXT[tree.language]
  const out: string[] = [`# ${escapeText(tree.title)}`, '']
  if (tree.subtitle !== undefined) out.push(escapeText(tree.subtitle), '')
  const facts: [string, string | undefined][] = [
    [words.product, tree.product],
    [words.modelNumbers, tree.modelNumbers?.join(', ')],
    [words.manufacturer, tree.manufacturer],
    [words.release, tree.release],
    [words.issued, tree.date],
  ]
  const factLines = facts.flatMap(([label, value]) =>
    value === undefined ? [] : [`**${escapeText(label)}:** ${escapeText(value)}`],
  )
  out.push(factLines.join('  \n'), '')

  let figures = 0
  let tables = 0
  const block = (item: Block): string[] => {
    switch (item.kind) {
      case 'paragraph':
        return [inlineMarkdown(item.content)]
      case 'list':
        return item.items.map(
          (entry, index) =>
            `${item.ordered === true ? `${String(index + 1)}.` : '-'} ${inlineMarkdown(entry)}`,
        )
      case 'table':
        return tableMarkdown(item, tree, ++tables)
      case 'figure': {
        const caption = numberedCaption(tree.language, 'figure', ++figures, item.caption)
        const where = FIGURE_ELSEWHERE[tree.language]
        const paren = tree.language === 'ja' ? `（${where}）` : ` (${where}).`
        return [
          `> **${escapeText(caption)}**${escapeText(paren)}`,
          '>',
          `> ${escapeText(item.alt)}`,
        ]
      }
      case 'needs-input':
        return [quoted(words.needsInput, escapeText(item.what))]
      case 'note':
        return [quoted(words.note, inlineMarkdown(item.content))]
    }
  }
  for (const { section, level } of sectionsOf(tree)) {
    out.push(`${'#'.repeat(level + 1)} ${escapeText(section.title)}`, '')
    for (const item of section.blocks) out.push(...block(item), '')
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`
}
