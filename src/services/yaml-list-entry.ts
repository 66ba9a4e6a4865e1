import {
  Document,
  isCollection,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Scalar,
  type YAMLMap,
  type YAMLSeq,
} from 'yaml'

/** How a list entry is recognised: the item already written for the same subject. */
export type EntryMatcher = (item: unknown) => boolean

const STRINGIFY = { lineWidth: 100, flowCollectionPadding: false } as const

type Range = readonly [number, number, number]

const parse = (text: string) => parseDocument(text, { schema: 'core', uniqueKeys: true })

/** The block map at the top of a file, or undefined for an empty file or anything else. */
const topMap = (text: string): { doc: Document; map: YAMLMap | undefined } => {
  const doc = parse(text)
  return { doc, map: isMap(doc.contents) ? doc.contents : undefined }
}

const listIn = (map: YAMLMap | undefined, list: string): YAMLSeq | undefined => {
  const value = map?.get(list, true)
  return isSeq(value) ? value : undefined
}

/** Whether the file has the list, and whether one of its items matches. */
export const findListEntry = (
  text: string,
  list: string,
  matches: EntryMatcher,
): { readonly hasList: boolean; readonly hasEntry: boolean } => {
  const seq = listIn(topMap(text).map, list)
  return {
    hasList: seq !== undefined,
    hasEntry: seq?.items.some((item) => matches(isMap(item) ? item.toJSON() : item)) ?? false,
  }
}

/**
 * The entry as YAML text at column 0, in the examples' style: lists of plain values in flow
 * style (`controls: [a, b]`), everything else in block style.
 */
const entryYaml = (entry: Readonly<Record<string, unknown>>): string => {
  const doc = new Document(entry, { schema: 'core' })
  visit(doc, {
    Seq(_, node) {
      if (node.items.every((item) => !isCollection(item))) node.flow = true
    },
  })
  return doc.toString(STRINGIFY)
}

/** Indents every line but the first (which continues after `- `) to `column`; blank lines stay empty. */
const indentAfterFirst = (yaml: string, column: number): string =>
  yaml
    .split('\n')
    .map((line, i) => (i === 0 || line === '' ? line : `${' '.repeat(column)}${line}`))
    .join('\n')

const columnOf = (text: string, offset: number): number =>
  offset - (text.lastIndexOf('\n', offset - 1) + 1)

const lineStartOf = (text: string, offset: number): number => text.lastIndexOf('\n', offset - 1) + 1

/**
 * Where an item's own text ends: after its last line, and after the comment lines indented
 * under it. The parser also counts to the item the comments that head the next item (at the
 * dash's column) and the next line's indentation; those stay where they are.
 */
const itemEnd = (text: string, range: Range): number => {
  const [start, valueEnd, nodeEnd] = range
  const dashColumn = columnOf(text, text.lastIndexOf('-', start - 1))
  let end = valueEnd
  for (let line = valueEnd; line < nodeEnd;) {
    const newline = text.indexOf('\n', line)
    const lineEnd = newline < 0 ? text.length : newline + 1
    const indented = /^( *)#/.exec(text.slice(line, lineEnd))
    if (indented?.[1] !== undefined && indented[1].length > dashColumn) end = lineEnd
    else if (text.slice(line, lineEnd).trim() !== '') break
    line = lineEnd
  }
  return end
}

const splice = (text: string, start: number, end: number, insert: string): string =>
  `${text.slice(0, start)}${insert}${text.slice(end)}`

/** The text with the item at `range` replaced by the entry, indented where the item was. */
const replaceItem = (text: string, range: Range, yaml: string): string => {
  const start = range[0]
  const end = itemEnd(text, range)
  const replaced = indentAfterFirst(yaml, columnOf(text, start))
  return splice(text, start, end, text[end - 1] === '\n' ? replaced : replaced.trimEnd())
}

/** The text with the entry added after the last item, written with that item's dash. */
const appendAfter = (text: string, range: Range, yaml: string): string => {
  const start = range[0]
  const end = itemEnd(text, range)
  const written = text.slice(lineStartOf(text, start), start)
  const dash = /^ *- +$/.test(written)
    ? written
    : `${' '.repeat(Math.max(columnOf(text, start) - 2, 0))}- `
  const added = `${dash}${indentAfterFirst(yaml, dash.length)}`
  return splice(text, end, end, text[end - 1] === '\n' ? added : `\n${added}`)
}

/** The text with the list and its one entry added at the end, at the top map's indentation. */
const appendList = (text: string, map: YAMLMap | undefined, list: string, yaml: string) => {
  const column = map?.range ? columnOf(text, map.range[0]) : 0
  const pad = ' '.repeat(column)
  const added = `${pad}${list}:\n${pad}  - ${indentAfterFirst(yaml, column + 4)}`
  return text === '' || text.endsWith('\n') ? `${text}${added}` : `${text}\n${added}`
}

/** The key of a top-level list, for where its `key:` line is. */
const keyOf = (map: YAMLMap, list: string): Scalar | undefined => {
  const key = map.items.find((pair) => isScalar(pair.key) && pair.key.value === list)?.key
  return isScalar(key) ? key : undefined
}

/**
 * `list: []` in a block file becomes a block list of the one entry: the `[]` goes, and the
 * entry comes on the line after the key's (after any comment on that line).
 */
const fillEmptyList = (
  text: string,
  map: YAMLMap | undefined,
  list: string,
  seq: YAMLSeq,
  yaml: string,
): string | undefined => {
  const key = map === undefined || map.flow === true ? undefined : keyOf(map, list)
  if (key?.range == null || seq.range == null || seq.items.length > 0) return undefined
  const column = columnOf(text, key.range[0])
  const [open, close] = seq.range
  const newline = text.indexOf('\n', close)
  const added = `${' '.repeat(column)}  - ${indentAfterFirst(yaml, column + 4)}`
  const withEntry =
    newline < 0 ? `${text}\n${added}` : splice(text, newline + 1, newline + 1, added)
  const spaces = /[ \t]*$/.exec(text.slice(0, open))?.[0].length ?? 0
  return splice(withEntry, open - spaces, close, '')
}

/** The text spliced for a block-style list, or undefined when the list is not one. */
const spliceIntoList = (
  text: string,
  seq: YAMLSeq,
  matches: EntryMatcher,
  yaml: string,
): string | undefined => {
  if (seq.flow === true) return undefined
  const items = seq.items.filter(
    (item): item is YAMLMap => isMap(item) && item.flow !== true && item.range !== undefined,
  )
  const found = items.find((item) => matches(item.toJSON()))
  if (found?.range) return replaceItem(text, found.range, yaml)
  const last = items.at(-1)
  if (last?.range && items.length === seq.items.length) return appendAfter(text, last.range, yaml)
  return undefined
}

/**
 * Replaces the matching entry of a top-level list, or appends the entry to the list, or adds
 * the list at the end of the file. Only the text of that entry (or the added lines) changes:
 * every other byte, comments included, stays as written. Shapes a text splice cannot handle
 * (flow-style lists as in JSON files) are edited through the document model instead, which
 * keeps comments but may re-flow the file.
 */
export const putListEntry = (
  text: string,
  list: string,
  matches: EntryMatcher,
  entry: Readonly<Record<string, unknown>>,
): string => {
  const { doc, map } = topMap(text)
  const seq = listIn(map, list)
  const yaml = entryYaml(entry)
  const spliced =
    seq === undefined
      ? undefined
      : (spliceIntoList(text, seq, matches, yaml) ?? fillEmptyList(text, map, list, seq, yaml))
  if (spliced !== undefined) return spliced
  const blockFile = doc.contents === null || (map !== undefined && map.flow !== true)
  if (blockFile && map?.get(list, true) === undefined) return appendList(text, map, list, yaml)
  return editThroughDocument(doc, list, matches, entry)
}

const editThroughDocument = (
  doc: Document,
  list: string,
  matches: EntryMatcher,
  entry: Readonly<Record<string, unknown>>,
): string => {
  const node = doc.createNode(entry)
  const seq = doc.get(list, true)
  if (isSeq(seq)) {
    const index = seq.items.findIndex((item) => matches(isMap(item) ? item.toJSON() : item))
    if (index >= 0) seq.items[index] = node
    else seq.items.push(node)
  } else if (isMap(doc.contents) || doc.contents === null || isScalar(doc.contents)) {
    doc.set(list, doc.createNode([entry]))
  }
  return doc.toString(STRINGIFY)
}

const isBlockItem = (item: unknown): item is YAMLMap & { range: Range } =>
  isMap(item) && item.flow !== true && item.range != null

/**
 * The text without the matching items of a block-style list (from each one's dash line to its
 * last line), or undefined when the list is not one. A list left empty is written `[]`: an empty
 * block would read as null.
 */
const spliceOutOfList = (
  text: string,
  map: YAMLMap,
  list: string,
  seq: YAMLSeq,
  matches: EntryMatcher,
): string | undefined => {
  if (seq.flow === true || !seq.items.every(isBlockItem)) return undefined
  const items = seq.items.filter(isBlockItem)
  const gone = items.filter((item) => matches(item.toJSON()))
  const cuts = gone.map((item) => ({
    start: lineStartOf(text, item.range[0]),
    end: itemEnd(text, item.range),
    dash: text.slice(lineStartOf(text, item.range[0]), item.range[0]),
  }))
  if (cuts.some((cut) => !/^ *- +$/.test(cut.dash))) return undefined
  // Last first, so the offsets of the earlier ones still hold.
  const cut = cuts.reduceRight((out, { start, end }) => splice(out, start, end, ''), text)
  if (gone.length === 0 || gone.length < items.length) return cut
  const key = keyOf(map, list)
  const colon = key?.range == null ? -1 : cut.indexOf(':', key.range[1])
  return colon < 0 ? undefined : splice(cut, colon + 1, colon + 1, ' []')
}

/**
 * Removes the matching entries of a top-level list. Only their lines go (with the comments
 * indented under them); every other byte stays as written. A flow-style list is edited through
 * the document model, as `putListEntry` does. A file without the list is returned as it is.
 */
export const removeListEntry = (text: string, list: string, matches: EntryMatcher): string => {
  const { doc, map } = topMap(text)
  const seq = listIn(map, list)
  if (map === undefined || seq === undefined) return text
  const spliced = spliceOutOfList(text, map, list, seq, matches)
  if (spliced !== undefined) return spliced
  seq.items = seq.items.filter((item) => !matches(isMap(item) ? item.toJSON() : item))
  return doc.toString(STRINGIFY)
}
