import type { DocumentLanguage } from '../../core/documents/index.js'

const JAPANESE_FONTS = `"Noto Sans CJK JP", "Noto Sans JP", "IPAexGothic"`
const LATIN_FONTS = `"DejaVu Sans", "Noto Sans", "Liberation Sans", Arial`

/** Japanese faces first for Japanese text so kana and kanji never fall back to Chinese forms. */
export const fontStack = (language: DocumentLanguage): string =>
  language === 'ja'
    ? `${JAPANESE_FONTS}, ${LATIN_FONTS}, sans-serif`
    : `${LATIN_FONTS}, ${JAPANESE_FONTS}, sans-serif`

/** Colours shared by the HTML (and so the PDF), the .docx and the .xlsx, as RRGGBB. */
export const COLOURS = {
  gap: 'FFE08A',
  alert: 'F6B8B0',
  needsInput: 'FFF176',
  needsInputBorder: 'E0A800',
  note: 'EEF4FA',
  noteBorder: '7A9CC0',
  header: 'E4E9F0',
} as const

/** Print-first CSS: A4 pages, tables that wrap to the page width and repeat their header. */
export const documentCss = (language: DocumentLanguage): string => `
@page { size: A4; margin: 18mm 15mm 18mm 15mm; }
@page diagram { size: A4; margin: 10mm 8mm 12mm 8mm; }
* { box-sizing: border-box; }
html { font-family: ${fontStack(language)}; font-size: 10pt; line-height: 1.45; color: #111; }
body { margin: 0 auto; max-width: 190mm; padding: 8mm 4mm; }
@media print { body { max-width: none; padding: 0; } }
h1, h2, h3, h4 { line-height: 1.25; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 16pt; margin: 1.4em 0 0.5em; border-bottom: 1px solid #888; }
h2 { font-size: 13pt; margin: 1.2em 0 0.4em; }
h3 { font-size: 11.5pt; margin: 1em 0 0.4em; }
h4 { font-size: 10.5pt; margin: 1em 0 0.3em; }
p, li { overflow-wrap: anywhere; }
code { font-family: "DejaVu Sans Mono", "Liberation Mono", "Noto Sans Mono CJK JP", monospace; font-size: 0.92em; }
a { color: #0b57a4; }
header.title-block { margin: 0 0 8mm; }
header.title-block .title { font-size: 22pt; font-weight: bold; margin: 0 0 0.2em; line-height: 1.2; }
header.title-block .subtitle { font-size: 13pt; margin: 0 0 1em; color: #333; }
header.title-block dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2em 1em; margin: 0; }
header.title-block dt { font-weight: bold; }
header.title-block dd { margin: 0; }
nav.toc { margin: 0 0 8mm; break-after: page; page-break-after: always; }
nav.toc .toc-title { font-size: 13pt; font-weight: bold; margin: 0 0 0.4em; }
nav.toc ol { list-style: none; padding-left: 1.2em; margin: 0; }
nav.toc > ol { padding-left: 0; }
table { width: 100%; border-collapse: collapse; margin: 0.6em 0 1em; font-size: 8.5pt; line-height: 1.3; }
table.wide { font-size: 7.5pt; }
caption { caption-side: top; text-align: left; font-weight: bold; font-size: 9.5pt; padding: 0 0 0.3em; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid #9aa3ad; padding: 2px 4px; vertical-align: top; text-align: left; overflow-wrap: anywhere; word-break: normal; }
th { background: #${COLOURS.header}; }
td.num { text-align: right; }
tr.gap > td, td.gap { background: #${COLOURS.gap}; }
tr.alert > td, td.alert { background: #${COLOURS.alert}; }
.table-note { font-size: 8.5pt; color: #333; margin: -0.6em 0 1em; }
figure.diagram { margin: 1em 0; text-align: center; break-inside: avoid; page-break-inside: avoid; }
figure.diagram svg { width: 100%; height: auto; }
/* Architecture views are dense: in print each gets a page of its own with narrow margins,
   scaled to fit it whole, so labels stay as large as the page allows. */
@media print {
  figure.diagram { page: diagram; break-before: page; break-after: page; margin: 0; }
  figure.diagram svg { width: auto; height: auto; max-width: 100%; max-height: 255mm; }
}
figure.diagram figcaption { font-weight: bold; font-size: 9.5pt; margin-top: 0.4em; }
.needs-input { background: #${COLOURS.needsInput}; border-left: 4px solid #${COLOURS.needsInputBorder}; padding: 0.4em 0.6em; margin: 0.6em 0; break-inside: avoid; }
.note { background: #${COLOURS.note}; border: 1px solid #${COLOURS.noteBorder}; padding: 0.4em 0.6em; margin: 0.6em 0; break-inside: avoid; }
.callout-label { font-weight: bold; }
`
