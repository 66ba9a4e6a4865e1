import {
  COMMON_TEXT,
  type Block,
  type DocumentSection,
  type DocumentTree,
  type FigureBlock,
  type Inline,
  type TableBlock,
} from '../../core/documents/index.js'
import {
  cellText,
  cellTone,
  isNumeric,
  numberedCaption,
  runOf,
  safeHref,
  safeSvg,
  sectionsOf,
  svgSize,
  tableLabel,
  withCjkFonts,
} from './document-text.js'
import { documentCss } from './html-style.js'

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text for HTML content and attribute values alike. */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char)

const withBreaks = (text: string): string => escapeHtml(text).replace(/\r\n|\r|\n/g, '<br>')

const inlineHtml = (content: readonly Inline[]): string =>
  content
    .map((inline) => {
      const run = runOf(inline)
      let html = withBreaks(run.text)
      if (run.code === true) html = `<code>${html}</code>`
      if (run.emphasis === true) html = `<em>${html}</em>`
      if (run.strong === true) html = `<strong>${html}</strong>`
      const href = safeHref(run.href)
      return href === undefined ? html : `<a href="${escapeHtml(href)}">${html}</a>`
    })
    .join('')

// Wide tables get a smaller font so they still fit the A4 width.
const WIDE_TABLE_COLUMNS = 7

// Cells break anywhere so long identifiers cannot push a table off the page; that would let the
// browser squeeze short columns ("ID", "KEV") to one letter a line, so each column keeps room for
// its longest word, up to a cap past which breaking inside the word is the lesser evil.
const MAX_KEPT_WORD = 12
const WIDE_MAX_KEPT_WORD = 9

const longestWord = (text: string): number =>
  text
    .split(/[\s/]+/)
    // CJK text breaks between any two characters, so only the Latin part of a word counts.
    .map((word) => word.replace(/[\u2e80-\u{10ffff}]/gu, '').length)
    .reduce((longest, length) => Math.max(longest, length), 0)

const tableHtml = (block: TableBlock, tree: DocumentTree, n: number): string => {
  const { table } = block
  const caption = numberedCaption(tree.language, 'table', n, tableLabel(block))
  const isWide = table.columns.length >= WIDE_TABLE_COLUMNS
  const wide = isWide ? ' class="wide"' : ''
  const head = table.columns.map((column) => {
    const texts = [
      column.title,
      ...table.rows.map((row) => cellText(row[column.key] ?? null, tree.language)),
    ]
    const word = Math.min(
      isWide ? WIDE_MAX_KEPT_WORD : MAX_KEPT_WORD,
      texts.reduce((longest, text) => Math.max(longest, longestWord(text)), 0),
    )
    // 0.8em is about one bold capital of the table font; 1em covers padding and border (border-box).
    const style = word > 0 ? ` style="min-width: ${(word * 0.8 + 1).toFixed(1)}em"` : ''
    return `<th scope="col"${style}>${withBreaks(column.title)}</th>`
  })
  const body = table.rows.map((row, index) => {
    const rowTone = (block.highlights ?? []).some(
      (highlight) => highlight.row === index && highlight.column === undefined,
    )
      ? cellTone(block, index, '')
      : undefined
    const cells = table.columns.map((column) => {
      const classes = [
        ...(isNumeric(column) ? ['num'] : []),
        ...[cellTone(block, index, column.key)].filter(
          (tone) => tone !== undefined && tone !== rowTone,
        ),
      ]
      const attribute = classes.length > 0 ? ` class="${classes.join(' ')}"` : ''
      return `<td${attribute}>${withBreaks(cellText(row[column.key] ?? null, tree.language))}</td>`
    })
    return `<tr${rowTone === undefined ? '' : ` class="${rowTone}"`}>${cells.join('')}</tr>`
  })
  const notes = (table.notes ?? []).map((line) => `<p class="table-note">${withBreaks(line)}</p>`)
  return [
    `<table${wide}>`,
    `<caption>${escapeHtml(caption)}</caption>`,
    `<thead><tr>${head.join('')}</tr></thead>`,
    `<tbody>`,
    ...body,
    `</tbody>`,
    `</table>`,
    ...notes,
  ].join('\n')
}

/**
 * The SVG inlined: ids prefixed so several diagrams in one page cannot collide, fixed size
 * replaced by "as wide as the page, but never enlarged".
 */
const figureHtml = (block: FigureBlock, tree: DocumentTree, n: number): string => {
  const caption = numberedCaption(tree.language, 'figure', n, block.caption)
  const svg = safeSvg(block.svg)
  let drawing = `<p>${escapeHtml(block.alt)}</p>`
  if (svg !== undefined) {
    const prefix = `fig${String(n)}-`
    const size = svgSize(svg)
    const prefixed = withCjkFonts(svg)
      .replace(/\sid="([^"]*)"/g, ` id="${prefix}$1"`)
      .replace(/url\(#([^)]*)\)/g, `url(#${prefix}$1)`)
      .replace(/(\s(?:xlink:)?href=")#([^"]*)"/g, `$1#${prefix}$2"`)
    drawing = prefixed.replace(/<svg\b[^>]*>/i, (root) => {
      const kept = root.replace(/\s(width|height|style|role|aria-label)="[^"]*"/g, '')
      const style = size === undefined ? '' : ` style="max-width: ${size.width.toFixed(0)}px"`
      return `${kept.slice(0, -1)}${style} role="img" aria-label="${escapeHtml(block.alt)}">`
    })
  }
  return [
    `<figure class="diagram">`,
    drawing,
    `<figcaption>${escapeHtml(caption)}</figcaption>`,
    `</figure>`,
  ].join('\n')
}

/**
 * The tree as one self-contained HTML5 file: embedded print CSS, title block, contents with
 * anchors, headings h1..h4 by depth, inline SVG figures. Every text is escaped; only http(s)
 * links survive. Same tree, same bytes.
 */
export const documentHtml = (tree: DocumentTree): string => {
  const words = COMMON_TEXT[tree.language]
  const visits = sectionsOf(tree)
  const byId = new Map(visits.map((visit) => [visit.section, visit]))
  const tocList = (sections: readonly DocumentSection[]): string =>
    `<ol>${sections
      .map((part) => {
        const children =
          part.sections !== undefined && part.sections.length > 0 ? tocList(part.sections) : ''
        const anchor = byId.get(part)?.anchor ?? ''
        return `<li><a href="#${anchor}">${escapeHtml(part.title)}</a>${children}</li>`
      })
      .join('')}</ol>`

  let figures = 0
  let tables = 0
  const callout = (kind: 'needs-input' | 'note', label: string, body: string): string =>
    `<div class="${kind}"><span class="callout-label">${escapeHtml(label)}:</span> ${body}</div>`
  const block = (item: Block): string => {
    switch (item.kind) {
      case 'paragraph':
        return `<p>${inlineHtml(item.content)}</p>`
      case 'list': {
        const tag = item.ordered === true ? 'ol' : 'ul'
        return `<${tag}>${item.items.map((entry) => `<li>${inlineHtml(entry)}</li>`).join('')}</${tag}>`
      }
      case 'table':
        return tableHtml(item, tree, ++tables)
      case 'figure':
        return figureHtml(item, tree, ++figures)
      case 'needs-input':
        return callout('needs-input', words.needsInput, withBreaks(item.what))
      case 'note':
        return callout('note', words.note, inlineHtml(item.content))
    }
  }

  const facts: [string, string | undefined][] = [
    [words.product, tree.product],
    [words.modelNumbers, tree.modelNumbers?.join(', ')],
    [words.manufacturer, tree.manufacturer],
    [words.release, tree.release],
    [words.issued, tree.date],
  ]
  const body: string[] = [
    `<header class="title-block">`,
    `<p class="title">${escapeHtml(tree.title)}</p>`,
    ...(tree.subtitle === undefined
      ? []
      : [`<p class="subtitle">${escapeHtml(tree.subtitle)}</p>`]),
    `<dl>`,
    ...facts.flatMap(([label, value]) =>
      value === undefined ? [] : [`<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value)}</dd>`],
    ),
    `</dl>`,
    `</header>`,
  ]
  if (tree.sections.length > 0) {
    body.push(
      `<nav class="toc" aria-labelledby="toc-title">`,
      `<p class="toc-title" id="toc-title">${escapeHtml(words.contents)}</p>`,
      tocList(tree.sections),
      `</nav>`,
    )
  }
  // Sections are written flat in reading order; nesting is carried by the heading levels.
  for (const { section, level, anchor } of visits) {
    body.push(`<h${String(level)} id="${anchor}">${escapeHtml(section.title)}</h${String(level)}>`)
    for (const item of section.blocks) body.push(block(item))
  }
  return [
    '<!DOCTYPE html>',
    `<html lang="${tree.language}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="medcyber">',
    `<meta name="date" content="${escapeHtml(tree.date)}">`,
    `<title>${escapeHtml(tree.title)}</title>`,
    `<style>${documentCss(tree.language)}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
