import {
  COMMON_TEXT,
  type CellValue,
  type DocumentLanguage,
  type DocumentSection,
  type DocumentTree,
  type Inline,
  type TableBlock,
  type TableColumn,
  type TextRun,
} from '../../core/documents/index.js'

/** Headings deeper than this share the last level: Word's navigation pane and h1..h4 stop here. */
export const MAX_HEADING_DEPTH = 4

export const runOf = (inline: Inline): TextRun =>
  typeof inline === 'string' ? { text: inline } : inline

/**
 * The address a run may link to: only http and https, normalized, so a `javascript:` or `file:`
 * address in model text can never become a live link in any format.
 */
export const safeHref = (href: string | undefined): string | undefined => {
  if (href === undefined) return undefined
  try {
    const url = new URL(href)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined
  } catch {
    return undefined
  }
}

/** A cell as people read it: booleans in the document's language, empty for null. */
export const cellText = (value: CellValue, language: DocumentLanguage): string => {
  if (value === null) return ''
  if (typeof value === 'boolean')
    return value ? COMMON_TEXT[language].yes : COMMON_TEXT[language].no
  return String(value)
}

export const isNumeric = (column: TableColumn): boolean => column.type === 'number'

/** "Figure 3: caption" in English, "図3 caption" in Japanese, as each language numbers them. */
export const numberedCaption = (
  language: DocumentLanguage,
  kind: 'figure' | 'table',
  n: number,
  caption: string,
): string => {
  const label = COMMON_TEXT[language][kind]
  return language === 'ja' ? `${label}${String(n)} ${caption}` : `${label} ${String(n)}: ${caption}`
}

export const tableLabel = (block: TableBlock): string => block.caption ?? block.table.title

/** Which highlight tone, if any, colours a cell; an alert outranks a gap. */
export const cellTone = (
  block: TableBlock,
  row: number,
  column: string,
): 'gap' | 'alert' | undefined => {
  let tone: 'gap' | 'alert' | undefined
  for (const highlight of block.highlights ?? []) {
    if (highlight.row !== row) continue
    if (highlight.column !== undefined && highlight.column !== column) continue
    if (highlight.tone === 'alert') return 'alert'
    tone = 'gap'
  }
  return tone
}

export interface SectionVisit {
  readonly section: DocumentSection
  /** 1 for top-level sections, capped at MAX_HEADING_DEPTH. */
  readonly level: number
  /** A unique, URL-safe anchor derived from the section id. */
  readonly anchor: string
}

/** Every section in reading order with its heading level and a unique anchor. */
export const sectionsOf = (tree: DocumentTree): SectionVisit[] => {
  const found: SectionVisit[] = []
  const taken = new Set<string>()
  const visit = (sections: readonly DocumentSection[], depth: number): void => {
    for (const part of sections) {
      const base = `sec-${part.id.replace(/[^A-Za-z0-9_-]+/g, '-')}`
      let anchor = base
      for (let n = 2; taken.has(anchor); n++) anchor = `${base}-${String(n)}`
      taken.add(anchor)
      found.push({ section: part, level: Math.min(depth, MAX_HEADING_DEPTH), anchor })
      if (part.sections !== undefined) visit(part.sections, depth + 1)
    }
  }
  visit(tree.sections, 1)
  return found
}

const SVG_START = /<svg[\s>]/i

/**
 * A diagram's SVG made safe to embed: no XML declaration, DOCTYPE or comments, no scripts, event
 * handlers, foreign content or links leaving the drawing. The SVG is our own Graphviz output, so
 * this is defence in depth, not a general sanitizer. Undefined when there is no SVG element.
 */
export const safeSvg = (svg: string): string | undefined => {
  const start = svg.search(SVG_START)
  if (start < 0) return undefined
  return svg
    .slice(start)
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<script[\s\S]*?(<\/script\s*>|\/>)/gi, '')
    .replace(/<script[\s\S]*$/i, '')
    .replace(/<foreignObject[\s\S]*?<\/foreignObject\s*>/gi, '')
    .replace(/\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
    .replace(/\s+(xlink:)?href\s*=\s*("[^"]*"|'[^']*')/gi, (attribute, _prefix, quoted: string) => {
      const value = quoted.slice(1, -1).trim()
      return value.startsWith('#') || safeHref(value) !== undefined ? attribute : ''
    })
    .trimEnd()
}

const CJK_FONTS = `'Noto Sans CJK JP', 'Noto Sans JP', 'IPAexGothic'`

/** Graphviz names Latin fonts only; adding Japanese ones lets every renderer draw Japanese labels. */
export const withCjkFonts = (svg: string): string =>
  svg.replace(/font-family="([^"]*)"/g, (whole, families: string) =>
    families.includes('Noto Sans CJK JP') ? whole : `font-family="${families}, ${CJK_FONTS}"`,
  )

/** The diagram's size in CSS pixels from its width/height attributes (Graphviz writes points). */
export const svgSize = (svg: string): { width: number; height: number } | undefined => {
  const root = /<svg\b[^>]*>/i.exec(svg)?.[0]
  if (root === undefined) return undefined
  const length = (name: string): number | undefined => {
    const match = new RegExp(`\\s${name}="([\\d.]+)(pt|px)?"`).exec(root)
    if (match?.[1] === undefined) return undefined
    const value = Number(match[1])
    return match[2] === 'pt' ? (value * 96) / 72 : value
  }
  const width = length('width')
  const height = length('height')
  return width !== undefined && height !== undefined && width > 0 && height > 0
    ? { width, height }
    : undefined
}
