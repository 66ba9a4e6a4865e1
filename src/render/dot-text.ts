const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '{': '&#123;',
  '}': '&#125;',
  '|': '&#124;',
}

/**
 * The one way user text enters DOT. The result is plain text in every place this renderer puts
 * text: inside a double-quoted string (ids), inside an HTML-like label and inside a record
 * label. Graphviz decodes HTML entities in all three, so quotes, angle brackets, braces and bars
 * become entities and can neither end the string or label nor start a field or a tag. A
 * backslash is doubled, because Graphviz reads `\N`, `\G`, `\l` and the like as escapes even in
 * HTML-like labels. Control characters (newlines included) become spaces: line breaks are the
 * renderer's business, not the model's.
 */
export const escapeDotText = (text: string): string =>
  text
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/[&<>"{}|]/g, (c) => ENTITIES[c] ?? c)

/** A DOT id for any text: quoted and escaped, so every distinct text is a distinct id. */
export const dotId = (text: string): string => `"${escapeDotText(text)}"`

/** East Asian wide and full-width characters and emoji take two columns. */
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1faff}\u{20000}-\u{3fffd}]/u

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' })

/** The characters as a reader sees them: accents and emoji sequences stay whole. */
const graphemes = (text: string): string[] =>
  // Printable ASCII is one character per code unit; only other text needs the segmenter.
  /^[\u0020-\u007e]*$/.test(text)
    ? text.split('')
    : Array.from(segmenter.segment(text), (part) => part.segment)

const columnsOf = (character: string): number => (WIDE.test(character) ? 2 : 1)

interface Piece {
  readonly text: string
  readonly columns: number
}

/** A word cut into pieces of at most `width` columns, never inside a character. */
const pieces = (word: string, width: number): Piece[] => {
  const cut: Piece[] = []
  let text = ''
  let columns = 0
  for (const character of graphemes(word)) {
    const size = columnsOf(character)
    if (text !== '' && columns + size > width) {
      cut.push({ text, columns })
      text = ''
      columns = 0
    }
    text += character
    columns += size
  }
  return text === '' ? cut : [...cut, { text, columns }]
}

/**
 * Splits text into lines of at most `width` columns at spaces; longer words are cut. At most
 * `maxLines` lines are kept, the last one ending in an ellipsis when text was dropped.
 */
export const wrapText = (
  text: string,
  width: number,
  maxLines = Number.POSITIVE_INFINITY,
): string[] => {
  const lines: Piece[] = []
  let line: Piece | undefined
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    for (const piece of pieces(word, width)) {
      if (line === undefined) line = piece
      else if (line.columns + 1 + piece.columns <= width) {
        line = { text: `${line.text} ${piece.text}`, columns: line.columns + 1 + piece.columns }
      } else {
        lines.push(line)
        line = piece
      }
    }
  }
  if (line !== undefined) lines.push(line)
  if (lines.length <= maxLines) return lines.map((l) => l.text)
  const kept = lines.slice(0, maxLines).map((l) => l.text)
  const last = graphemes(kept[maxLines - 1] ?? '')
  let columns = last.reduce((sum, c) => sum + columnsOf(c), 0)
  while (last.length > 0 && columns + 1 > width) columns -= columnsOf(last.pop() ?? '')
  kept[maxLines - 1] = `${last.join('')}…`
  return kept
}

/** Wrapped, escaped lines joined with HTML-like label line breaks. */
export const htmlLines = (
  text: string,
  width: number,
  maxLines?: number,
  lineBreak = '<BR/>',
): string => wrapText(text, width, maxLines).map(escapeDotText).join(lineBreak)
