import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml'

import type { DocumentPath, IssueSeverity } from '../../core/index.js'
import type { LocatedIssue } from '../located-issue.js'

/** Deeper than any real model; past it a file is an attack or an accident, not a model. */
export const MAX_NESTING_DEPTH = 64
/** `yaml`'s own guard against alias expansion bombs ("billion laughs"). */
const MAX_ALIAS_COUNT = 100

export interface Position {
  readonly line: number
  readonly column: number
}

export interface ParsedYaml {
  /** The plain data, or undefined when the text is not usable YAML. */
  readonly content: unknown
  /** Syntax problems, already placed; the file is unusable if any is an error. */
  readonly issues: LocatedIssue[]
  /** Line and column (1-based) of the deepest node of `path` that exists in the text. */
  readonly locate: (path: DocumentPath) => Position
  /** The text of the plain scalar at `path` exactly as written, e.g. `1.10` for the number 1.1. */
  readonly writtenScalar: (path: DocumentPath) => string | undefined
}

/**
 * Parses YAML (JSON is YAML too) into plain data, with every syntax problem placed at its line
 * and column. YAML 1.2 core schema: `no` stays a string and dates stay strings.
 */
export const parseYamlText = (text: string, source: string): ParsedYaml => {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    schema: 'core',
    strict: true,
  })
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset)
    return { line, column: col }
  }
  const locate = (path: DocumentPath): Position => {
    const offset = locateOffset(document.contents, path)
    return position(offset)
  }
  const issues: LocatedIssue[] = []
  const problem = (
    code: string,
    message: string,
    offset: number,
    severity: IssueSeverity = 'error',
  ): void => {
    issues.push({ severity, code, message, file: source, ...position(offset), path: '$' })
  }
  for (const error of document.errors) {
    problem(`yaml/${slug(error.code)}`, describeYamlError(error.code, error.message), error.pos[0])
  }
  for (const warning of document.warnings) {
    problem(
      `yaml/${slug(warning.code)}`,
      describeYamlError(warning.code, warning.message),
      warning.pos[0],
      'warning',
    )
  }
  let content: unknown
  if (document.errors.length === 0) {
    try {
      content = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT })
    } catch (error) {
      problem(
        'yaml/too-many-aliases',
        error instanceof ReferenceError
          ? 'aliases expand too much; the file looks like a YAML alias bomb'
          : `the YAML cannot be turned into data: ${String(error)}`,
        0,
      )
    }
    if (content !== undefined && depthExceeds(content, MAX_NESTING_DEPTH)) {
      problem(
        'yaml/too-deep',
        `the data is nested more than ${String(MAX_NESTING_DEPTH)} levels deep`,
        0,
      )
    }
  }
  const failed = issues.some((issue) => issue.severity === 'error')
  const writtenScalar = (path: DocumentPath): string | undefined => {
    const node = document.getIn(path, true)
    return isScalar(node) && typeof node.source === 'string' ? node.source : undefined
  }
  return { content: failed ? undefined : content, issues, locate, writtenScalar }
}

const slug = (code: string): string => code.toLowerCase().replace(/_/g, '-')

const YAML_HINTS: Readonly<Record<string, string>> = {
  DUPLICATE_KEY: 'a key appears twice in the same mapping',
  MULTIPLE_DOCS:
    "a model file holds one YAML document; remove the '---' separator or split the file",
  TAB_AS_INDENT: 'tabs are not allowed for indentation in YAML; use spaces',
  BAD_INDENT: 'the indentation is wrong here',
  UNEXPECTED_TOKEN: 'unexpected text here',
  BLOCK_AS_IMPLICIT_KEY:
    'a key is missing its colon, or a value continues on a wrongly indented line',
}

const describeYamlError = (code: string, message: string): string => {
  const firstLine = message.split('\n')[0] ?? message
  const hint = YAML_HINTS[code]
  const stripped = firstLine.replace(/ at line \d+, column \d+:?$/, '')
  const cleaned = stripped.charAt(0).toLowerCase() + stripped.slice(1)
  return hint === undefined ? `YAML syntax: ${cleaned}` : `YAML syntax: ${hint} (${cleaned})`
}

/** Iterative so that the check itself cannot overflow the stack on hostile input. */
const depthExceeds = (value: unknown, limit: number): boolean => {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }]
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop() as { value: unknown; depth: number }
    if (current === null || typeof current !== 'object') continue
    if (depth >= limit) return true
    for (const child of Object.values(current)) stack.push({ value: child, depth: depth + 1 })
  }
  return false
}

/** Offset of the key (for a mapping entry) or item (for a list entry) that `path` leads to. */
const locateOffset = (root: unknown, path: DocumentPath): number => {
  let node = root as Node | null
  let offset = node?.range?.[0] ?? 0
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(part),
      )
      if (pair === undefined) break
      offset = (isScalar(pair.key) ? pair.key.range?.[0] : undefined) ?? offset
      node = pair.value as Node | null
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part] as Node | undefined
      if (item === undefined) break
      offset = item.range?.[0] ?? offset
      node = item
    } else {
      break
    }
  }
  return offset
}
