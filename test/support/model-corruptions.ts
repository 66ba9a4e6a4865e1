import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml'

/** A model folder as text: relative path → content. */
export type ModelFiles = Map<string, string>

export interface ExpectedIssue {
  readonly code: string | RegExp
  readonly file: string
  readonly line: number
  readonly related?: { readonly file: string; readonly line: number }
}

export interface Corruption {
  readonly name: string
  /** Changes the files in place and says which issue must appear, or undefined if not applicable. */
  readonly apply: (files: ModelFiles, root: string) => ExpectedIssue | undefined
}

interface Found {
  readonly file: string
  /** 1-based line of the key (or of the list item) at the path. */
  readonly line: number
  readonly value: unknown
}

/** The node at `path` and the offset of its key (or list item), or undefined. */
const walk = (
  root: unknown,
  path: readonly (string | number)[],
): { node: Node; offset: number } | undefined => {
  let node = root as Node | null
  let offset: number | undefined
  for (const part of path) {
    let next: Node | undefined
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === part)
      if (pair !== undefined && isScalar(pair.key)) {
        offset = pair.key.range?.[0]
        next = (pair.value as Node | null) ?? undefined
      }
    } else if (isSeq(node) && typeof part === 'number') {
      next = node.items[part] as Node | undefined
      offset = next?.range?.[0]
    }
    if (next === undefined) return undefined
    node = next
  }
  return node === null || offset === undefined ? undefined : { node, offset }
}

/** Finds the first file whose document has `path`, and the line where the path's key is written. */
const find = (files: ModelFiles, path: readonly (string | number)[]): Found | undefined => {
  for (const [file, text] of [...files.entries()].sort()) {
    if (!file.endsWith('.yaml') && !file.endsWith('.yml')) continue
    const lineCounter = new LineCounter()
    const found = walk(parseDocument(text, { lineCounter }).contents, path)
    if (found === undefined) continue
    return {
      file,
      line: lineCounter.linePos(found.offset).line,
      value: isScalar(found.node) ? found.node.value : undefined,
    }
  }
  return undefined
}

/** Replaces the text of one line (1-based) of a file. */
const editLine = (
  files: ModelFiles,
  file: string,
  line: number,
  edit: (text: string) => string,
): void => {
  const lines = (files.get(file) ?? '').split('\n')
  lines[line - 1] = edit(lines[line - 1] ?? '')
  files.set(file, lines.join('\n'))
}

const replaceValue = (
  files: ModelFiles,
  path: readonly (string | number)[],
  replacement: (value: string) => string,
): Found | undefined => {
  const found = find(files, path)
  if (found === undefined || typeof found.value !== 'string') return undefined
  const key = String(path[path.length - 1])
  editLine(files, found.file, found.line, (text) =>
    text.replace(
      new RegExp(`(${key}:\\s*)(['"]?)${escape(found.value as string)}\\2`),
      `$1${replacement(found.value as string)}`,
    ),
  )
  return found
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * Ways people and tools break model files. Each says exactly where the error must be reported,
 * so the test proves that messages point at the right file and line in real, multi-file models.
 */
export const CORRUPTIONS: readonly Corruption[] = [
  {
    name: 'a data flow to an element that does not exist',
    apply: (files) => {
      const found = replaceValue(files, ['dataFlows', 0, 'to'], (value) => `${value}-gone`)
      return found && { code: 'model/unknown-reference', file: found.file, line: found.line }
    },
  },
  {
    name: 'a data flow to an interface instead of an element',
    apply: (files) => {
      const target = find(files, ['interfaces', 0, 'id'])
      const found =
        target && replaceValue(files, ['dataFlows', 0, 'to'], () => String(target.value))
      return found && { code: 'model/wrong-reference-kind', file: found.file, line: found.line }
    },
  },
  {
    name: 'a list where a word belongs',
    apply: (files) => {
      const found = replaceValue(files, ['interfaces', 0, 'status'], (value) => `[${value}]`)
      return found && { code: 'model/wrong-type', file: found.file, line: found.line }
    },
  },
  {
    name: 'a word not in the vocabulary',
    apply: (files) => {
      const found = replaceValue(files, ['interfaces', 0, 'type'], () => 'bluetooth-le')
      return found && { code: 'model/invalid-value', file: found.file, line: found.line }
    },
  },
  {
    name: 'a duplicate id',
    apply: (files) => {
      const first = find(files, ['elements', 0, 'id'])
      const found = first && replaceValue(files, ['elements', 1, 'id'], () => String(first.value))
      return (
        found && {
          code: 'model/duplicate-id',
          file: found.file,
          line: found.line,
          related: { file: first.file, line: first.line },
        }
      )
    },
  },
  {
    name: 'a misspelt key',
    apply: (files) => {
      const found = find(files, ['dataFlows', 0, 'protocol'])
      if (found === undefined) return undefined
      editLine(files, found.file, found.line, (text) => text.replace('protocol:', 'protocl:'))
      return { code: 'model/unknown-property', file: found.file, line: found.line }
    },
  },
  {
    name: 'a version YAML reads as a number',
    apply: (files) => {
      const found = replaceValue(files, ['releases', 0, 'version'], () => '3.10')
      return found && { code: 'model/wrong-type', file: found.file, line: found.line }
    },
  },
  {
    name: 'an impossible date',
    apply: (files) => {
      const found = replaceValue(files, ['releases', 0, 'date'], () => "'2023-02-30'")
      return found && { code: 'model/invalid-value', file: found.file, line: found.line }
    },
  },
  {
    name: 'a YAML syntax error',
    apply: (files) => {
      const found = find(files, ['elements', 0, 'name'])
      if (found === undefined) return undefined
      editLine(files, found.file, found.line, (text) => text.replace(/name:.*/, 'name: a: b: c'))
      return { code: /^yaml\//, file: found.file, line: found.line }
    },
  },
  {
    name: 'a key written twice',
    apply: (files) => {
      const found = find(files, ['elements', 0, 'name'])
      if (found === undefined) return undefined
      editLine(files, found.file, found.line, (text) => `${text}\n${text}`)
      return { code: 'yaml/duplicate-key', file: found.file, line: found.line + 1 }
    },
  },
  {
    name: 'a file truncated inside a list item',
    apply: (files) => {
      const found = find(files, ['dataFlows', 1, 'id']) ?? find(files, ['dataFlows', 0, 'id'])
      if (found === undefined) return undefined
      const lines = (files.get(found.file) ?? '').split('\n')
      files.set(found.file, `${lines.slice(0, found.line).join('\n')}\n`)
      return { code: 'model/missing-property', file: found.file, line: found.line }
    },
  },
  {
    name: 'a file truncated inside a quoted string',
    apply: (files) => {
      for (const [file, text] of [...files.entries()].sort()) {
        if (!file.endsWith('.yaml')) continue
        const lines = text.split('\n')
        const index = lines.findIndex((line) => /^\s+\w+: '[^']{2,}'$/.test(line))
        if (index < 0) continue
        const cut = `${lines.slice(0, index).join('\n')}\n${(lines[index] ?? '').replace(/'([^']{2,})'$/, "'$1")}`
        files.set(file, cut)
        return { code: 'yaml/missing-char', file, line: index + 1 }
      }
      return undefined
    },
  },
  {
    name: 'an include of a file that does not exist',
    apply: (files, root) => {
      const found = find(files, ['include', 0])
      if (found === undefined || found.file !== root) return undefined
      editLine(
        files,
        found.file,
        found.line,
        (text) => `${text.replace(/- .*/, '- missing-part.yaml')}\n${text}`,
      )
      return { code: 'model/not-found', file: found.file, line: found.line }
    },
  },
  {
    name: 'an included file replaced by binary data',
    apply: (files, root) => {
      const found = find(files, ['include', 0])
      if (found === undefined || typeof found.value !== 'string') return undefined
      files.set(found.value, '\u0000\u0001PNG\u0000')
      return { code: 'model/not-text', file: root, line: found.line }
    },
  },
]
