import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type IRunOptions,
  type ParagraphChild,
} from 'docx'

import {
  COMMON_TEXT,
  type Block,
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
} from './document-text.js'
import { COLOURS } from './html-style.js'
import { StableHyperlink } from './stable-hyperlink.js'
import { svgToPng } from './svg-png.js'

// A4 with 2 cm margins, in twentieths of a point.
const PAGE = { width: 11906, height: 16838, margin: 1134 }
const TEXT_WIDTH_TWIPS = PAGE.width - 2 * PAGE.margin
const TWIPS_PER_PX = 15
const TEXT_WIDTH_PX = Math.floor(TEXT_WIDTH_TWIPS / TWIPS_PER_PX)
// Leaves room for the caption under a full-page diagram.
const MAX_FIGURE_HEIGHT_PX = Math.floor((PAGE.height - 2 * PAGE.margin) / TWIPS_PER_PX) - 120

const LATIN_FONT = 'Arial'
const JAPANESE_FONT = 'Noto Sans CJK JP'
const CODE_FONT = 'Courier New'
const NUMBERED = 'numbered'
const TOC_HEADING = 'TOCHeading'

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
] as const

interface RunStyle {
  bold?: boolean
  italics?: boolean
  code?: boolean
  size?: number
  style?: string
}

// Typed as IRunOptions: TextRun also takes a string, whose legacy String.prototype.bold the
// linter would otherwise think `bold` means.
const runOptions = (line: string, index: number, options: RunStyle): IRunOptions => ({
  text: line,
  ...(index > 0 ? { break: 1 } : {}),
  ...(options.bold === true ? { bold: true } : {}),
  ...(options.italics === true ? { italics: true } : {}),
  ...(options.code === true ? { font: { ascii: CODE_FONT, hAnsi: CODE_FONT } } : {}),
  ...(options.size === undefined ? {} : { size: options.size }),
  ...(options.style === undefined ? {} : { style: options.style }),
})

const bold = (text: string): TextRun => new TextRun(runOptions(text, 0, { bold: true }))

/** Runs for one text, with Word line breaks where the text has newlines. */
const textRuns = (text: string, options: RunStyle): TextRun[] =>
  text.split(/\r\n|\r|\n/).map((line, index) => new TextRun(runOptions(line, index, options)))

/** Inline runs; links get relationship ids numbered in reading order, so every write agrees. */
const inlineRunner = (): ((content: readonly Inline[]) => ParagraphChild[]) => {
  let links = 0
  return (content) =>
    content.flatMap((inline): ParagraphChild[] => {
      const run = runOf(inline)
      const href = safeHref(run.href)
      const runs = textRuns(run.text, {
        bold: run.strong === true,
        italics: run.emphasis === true,
        code: run.code === true,
        ...(href === undefined ? {} : { style: 'Hyperlink' }),
      })
      if (href === undefined) return runs
      // ParagraphChild does not list ConcreteHyperlink, which Paragraph writes as it is.
      // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
      return [new StableHyperlink(runs, `Link${String(++links)}`, href)]
    })
}

const shading = (hex: string) => ({ type: ShadingType.CLEAR, color: 'auto', fill: hex })

const toneFill = (tone: 'gap' | 'alert' | undefined) =>
  tone === undefined ? {} : { shading: shading(COLOURS[tone]) }

// Width each column asks for, in characters: its longest line within bounds, but never less than
// its longest word (up to a cap), so "CVSS" or a date is not split across lines.
const charWidth = (text: string): number => {
  let width = 0
  for (const char of text) width += (char.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1
  return width
}

const columnWeights = (block: TableBlock, tree: DocumentTree): number[] =>
  block.table.columns.map((column) => {
    const texts = [
      column.title,
      ...block.table.rows.map((row) => cellText(row[column.key] ?? null, tree.language)),
    ]
    const lines = texts.flatMap((text) => text.split(/\r\n|\r|\n/))
    const longest = lines.reduce((widest, line) => Math.max(widest, charWidth(line)), 0)
    const word = lines
      .flatMap((line) => line.split(/\s+/))
      .reduce((widest, part) => Math.max(widest, charWidth(part)), 0)
    return Math.max(Math.min(14, word + 3), Math.min(40, Math.max(5, longest)))
  })

const columnWidths = (weights: readonly number[]): number[] => {
  const total = weights.reduce((sum, weight) => sum + weight, 0)
  const widths = weights.map((weight) => Math.floor((TEXT_WIDTH_TWIPS * weight) / total))
  const rest = TEXT_WIDTH_TWIPS - widths.reduce((sum, width) => sum + width, 0)
  if (widths.length > 0) widths[widths.length - 1] = (widths.at(-1) ?? 0) + rest
  return widths
}

const tableParts = (block: TableBlock, tree: DocumentTree, n: number): FileChild[] => {
  const { table } = block
  const caption = new Paragraph({
    style: 'Caption',
    keepNext: true,
    children: [new TextRun(numberedCaption(tree.language, 'table', n, tableLabel(block)))],
  })
  if (table.columns.length === 0) return [caption]
  // Half-points: 9 pt for narrow tables, 8 pt once there are many columns.
  const size = table.columns.length >= 7 ? 16 : 18
  const widths = columnWidths(columnWeights(block, tree))
  const cell = (
    text: string,
    index: number,
    options: { header?: boolean; right?: boolean; tone?: 'gap' | 'alert' },
  ) =>
    new TableCell({
      width: { size: widths[index] ?? 0, type: WidthType.DXA },
      margins: { top: 30, bottom: 30, left: 70, right: 70 },
      ...(options.header === true ? { shading: shading(COLOURS.header) } : toneFill(options.tone)),
      children: [
        new Paragraph({
          ...(options.right === true ? { alignment: AlignmentType.RIGHT } : {}),
          spacing: { before: 0, after: 0 },
          children: textRuns(text, { bold: options.header === true, size }),
        }),
      ],
    })
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((column, index) => cell(column.title, index, { header: true })),
  })
  const rows = table.rows.map(
    (row, rowIndex) =>
      new TableRow({
        cantSplit: true,
        children: table.columns.map((column, index) => {
          const tone = cellTone(block, rowIndex, column.key)
          return cell(cellText(row[column.key] ?? null, tree.language), index, {
            right: isNumeric(column),
            ...(tone === undefined ? {} : { tone }),
          })
        }),
      }),
  )
  const notes = (table.notes ?? []).map(
    (line) => new Paragraph({ children: textRuns(line, { italics: true, size: 17 }) }),
  )
  return [
    caption,
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      layout: TableLayoutType.FIXED,
      columnWidths: widths,
      rows: [header, ...rows],
    }),
    ...notes,
    new Paragraph({ children: [] }),
  ]
}

const figureParts = (block: FigureBlock, tree: DocumentTree, n: number): FileChild[] => {
  const caption = new Paragraph({
    style: 'Caption',
    alignment: AlignmentType.CENTER,
    children: [new TextRun(numberedCaption(tree.language, 'figure', n, block.caption))],
  })
  const svg = safeSvg(block.svg)
  if (svg === undefined) return [new Paragraph({ children: textRuns(block.alt, {}) }), caption]
  const raster = svgToPng(svg)
  const natural = svgSize(svg) ?? { width: raster.width, height: raster.height }
  const scale = Math.min(
    1,
    TEXT_WIDTH_PX / natural.width,
    MAX_FIGURE_HEIGHT_PX / ((natural.width * raster.height) / raster.width),
  )
  const width = Math.round(natural.width * scale)
  const height = Math.round((width * raster.height) / raster.width)
  const image = new ImageRun({
    type: 'svg',
    data: new TextEncoder().encode(svg),
    fallback: { type: 'png', data: raster.png },
    transformation: { width, height },
    // The figure number, not docx's process-wide counter, so the same document gets the same ids.
    altText: { id: String(n), name: block.caption, description: block.alt, title: block.caption },
  })
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [image] }),
    caption,
  ]
}

const callout = (label: string, body: ParagraphChild[], fill: string, border: string): Paragraph =>
  new Paragraph({
    shading: shading(fill),
    border: {
      top: { style: BorderStyle.SINGLE, size: 6, color: border, space: 4 },
      bottom: { style: BorderStyle.SINGLE, size: 6, color: border, space: 4 },
      left: { style: BorderStyle.SINGLE, size: 18, color: border, space: 4 },
      right: { style: BorderStyle.SINGLE, size: 6, color: border, space: 4 },
    },
    spacing: { before: 120, after: 120 },
    children: [bold(`${label}: `), ...body],
  })

const escapeXml = (text: string): string =>
  text.replace(/[&<>"]/g, (char) => `&#${String(char.charCodeAt(0))};`)

/** docx stamps the clock into the core properties; this part replaces them with the issue date. */
const coreProperties = (tree: DocumentTree): string => {
  const stamp = `${tree.date}T00:00:00Z`
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">',
    `<dc:title>${escapeXml(tree.title)}</dc:title>`,
    ...(tree.subtitle === undefined
      ? []
      : [`<dc:subject>${escapeXml(tree.subtitle)}</dc:subject>`]),
    '<dc:creator>medcyber</dc:creator>',
    '<cp:lastModifiedBy>medcyber</cp:lastModifiedBy>',
    `<dc:language>${tree.language}</dc:language>`,
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>`,
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('')
}

/**
 * The tree as an editable Word document: a title page, a table of contents Word fills in,
 * sections in Heading 1–4 (so the navigation pane works), real tables whose bold header row
 * repeats on every page, diagrams as SVG with a PNG fallback, and needs-input paragraphs shaded
 * yellow. Properties carry the issue date, not the clock, so the content is stable.
 */
export const documentDocx = async (tree: DocumentTree): Promise<Uint8Array> => {
  const words = COMMON_TEXT[tree.language]
  let figures = 0
  let tables = 0
  let lists = 0
  const inlineRuns = inlineRunner()
  const block = (item: Block): FileChild[] => {
    switch (item.kind) {
      case 'paragraph':
        return [new Paragraph({ children: inlineRuns(item.content) })]
      case 'list': {
        const instance = ++lists
        return item.items.map(
          (entry) =>
            new Paragraph({
              ...(item.ordered === true
                ? { numbering: { reference: NUMBERED, level: 0, instance } }
                : { bullet: { level: 0 } }),
              children: inlineRuns(entry),
            }),
        )
      }
      case 'table':
        return tableParts(item, tree, ++tables)
      case 'figure':
        return figureParts(item, tree, ++figures)
      case 'needs-input':
        return [
          callout(
            words.needsInput,
            textRuns(item.what, {}),
            COLOURS.needsInput,
            COLOURS.needsInputBorder,
          ),
        ]
      case 'note':
        return [callout(words.note, inlineRuns(item.content), COLOURS.note, COLOURS.noteBorder)]
    }
  }

  const facts: [string, string | undefined][] = [
    [words.product, tree.product],
    [words.modelNumbers, tree.modelNumbers?.join(', ')],
    [words.manufacturer, tree.manufacturer],
    [words.release, tree.release],
    [words.issued, tree.date],
  ]
  const titlePage: FileChild[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      spacing: { before: 2400 },
      children: [new TextRun(tree.title)],
    }),
    ...(tree.subtitle === undefined
      ? []
      : [
          new Paragraph({
            spacing: { after: 600 },
            children: [new TextRun({ text: tree.subtitle, size: 28 })],
          }),
        ]),
    ...facts.flatMap(([label, value]) =>
      value === undefined
        ? []
        : [
            new Paragraph({
              children: [bold(`${label}: `), new TextRun(value)],
            }),
          ],
    ),
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({
      style: TOC_HEADING,
      children: [new TextRun(words.contents)],
    }),
    new TableOfContents(words.contents, { hyperlink: true, headingStyleRange: '1-4' }),
    new Paragraph({ children: [new PageBreak()] }),
  ]
  const body = sectionsOf(tree).flatMap(({ section, level }) => [
    new Paragraph({
      heading: HEADINGS[level - 1] ?? HeadingLevel.HEADING_4,
      children: [new TextRun(section.title)],
    }),
    ...section.blocks.flatMap(block),
  ])

  const runningText = [tree.title, tree.product].join(' — ')
  const document = new Document({
    creator: 'medcyber',
    lastModifiedBy: 'medcyber',
    title: tree.title,
    ...(tree.subtitle === undefined ? {} : { subject: tree.subtitle }),
    features: { updateFields: true },
    styles: {
      paragraphStyles: [
        {
          id: TOC_HEADING,
          name: 'TOC Heading',
          basedOn: 'Normal',
          next: 'Normal',
          run: { bold: true, size: 28, color: '1F3A5F' },
          paragraph: { spacing: { after: 200 } },
        },
      ],
      default: {
        document: {
          run: {
            font: { ascii: LATIN_FONT, hAnsi: LATIN_FONT, cs: LATIN_FONT, eastAsia: JAPANESE_FONT },
            size: 20,
            // Latin words keep Latin line breaking in Japanese documents, as Word's ja-JP default does.
            language: { value: 'en-US', eastAsia: 'ja-JP' },
          },
          paragraph: { spacing: { after: 100 } },
        },
        title: { run: { size: 44, bold: true, color: '1F3A5F' } },
        heading1: {
          run: { size: 32, bold: true, color: '1F3A5F' },
          paragraph: { spacing: { before: 360, after: 120 }, keepNext: true },
        },
        heading2: {
          run: { size: 26, bold: true, color: '1F3A5F' },
          paragraph: { spacing: { before: 240, after: 100 }, keepNext: true },
        },
        heading3: {
          run: { size: 23, bold: true },
          paragraph: { spacing: { before: 200, after: 80 }, keepNext: true },
        },
        heading4: {
          run: { size: 21, bold: true, italics: true },
          paragraph: { spacing: { before: 160, after: 60 }, keepNext: true },
        },
        caption: {
          run: { size: 18, bold: true, color: '333333' },
          paragraph: { spacing: { before: 120, after: 80 } },
        },
      },
    },
    numbering: {
      config: [
        {
          reference: NUMBERED,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          titlePage: true,
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.margin,
              bottom: PAGE.margin,
              left: PAGE.margin,
              right: PAGE.margin,
              header: 567,
              footer: 567,
            },
          },
        },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({
                children: [new TextRun({ text: runningText, size: 16, color: '555555' })],
              }),
            ],
          }),
        },
        footers: {
          first: new Footer({ children: [new Paragraph({ children: [] })] }),
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    size: 16,
                    children: [`${words.page} `, PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children: [...titlePage, ...body],
      },
    ],
  })
  const bytes = await Packer.toBuffer(document, false, [
    { path: 'docProps/core.xml', data: coreProperties(tree) },
  ])
  return new Uint8Array(bytes)
}
