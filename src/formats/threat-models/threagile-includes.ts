import path from 'node:path'

import { err, ok, type DocumentPath, type Result } from '../../core/index.js'
import { containedPath } from '../files/contained-path.js'
import { decodeText } from '../files/decode-text.js'
import type { FileReader } from '../files/file-reader.js'
import { DEFAULT_MODEL_LOAD_LIMITS } from '../model-yaml/load-device-model.js'
import { parseSource, type ParsedSource } from './parse-source.js'
import type { Locator } from './schema-check.js'
import { isRecord, isMeaningful, textsOf } from './source-data.js'
import { importError, type ImportIssue } from './threat-model-import.js'

/** Reads an included file's text; the error is a sentence for people. */
export type ReadInclude = (file: string) => Promise<Result<string, string>>

/** A `ReadInclude` over the `FileReader` the CLI and server inject: size-limited, UTF-8 only. */
export const includeReader =
  (reader: FileReader, maxBytes = DEFAULT_MODEL_LOAD_LIMITS.maxFileBytes): ReadInclude =>
  async (file) => {
    const bytes = await reader.read(file, maxBytes)
    return bytes.ok ? decodeText(bytes.value) : err(bytes.error.message)
  }

/** A model that names more files than this is an attack or an accident. */
const MAX_FILES = 100

/** Sections whose entries are merged by key, as Threagile merges them. */
const KEYED_SECTIONS = new Set([
  'data_assets',
  'technical_assets',
  'trust_boundaries',
  'shared_runtimes',
  'risk_tracking',
  'individual_risk_categories',
  'security_requirements',
  'questions',
  'abuse_cases',
])

/** Sections whose items are appended in include order. */
const LIST_SECTIONS = new Set([
  'custom_risk_categories',
  'tags_available',
  'contributors',
  'diagram_tweak_invisible_connections_between_assets',
  'diagram_tweak_same_rank_assets',
])

export interface LoadedThreagile {
  /** The model with every include merged in, `includes` removed. */
  readonly model: Record<string, unknown>
  /** Finds the file, path, line and column where a path of the merged model was written. */
  readonly locate: Locator
  readonly warnings: readonly ImportIssue[]
}

interface Origin {
  readonly file: ParsedSource
  readonly prefix: DocumentPath
}

/**
 * Reads a Threagile model and the files its `includes` name, depth first, each relative to the
 * file that names it and confined to the root file's folder, and merges them the way Threagile
 * does: keyed sections by key, lists appended, single values set once. A file reached twice
 * (a diamond of includes, as in Threagile's own test model) is merged once.
 */
export const loadThreagile = async (
  text: string,
  source: string,
  readInclude: ReadInclude | undefined,
): Promise<Result<LoadedThreagile, ImportIssue[]>> => {
  const root = parseSource(text, source)
  if (!root.ok) return root
  if (!isRecord(root.value.content)) {
    return err([
      importError(
        'import/not-threagile',
        'not a Threagile model: the file must be a mapping of keys such as threagile_version, title and technical_assets',
        [],
        source,
        { line: 1, column: 1 },
      ),
    ])
  }
  const merger = createMerger(root.value)
  const issues: ImportIssue[] = []
  const visited = new Set([source])
  const visit = async (file: ParsedSource, stack: readonly string[]): Promise<void> => {
    if (!isRecord(file.content)) return
    merger.merge(file, resolveMergeKeys(file.content) as Record<string, unknown>, issues)
    for (const [i, relative] of textsOf(file.content['includes']).entries()) {
      const at: DocumentPath = ['includes', i]
      const fail = (code: string, message: string): void => {
        issues.push(importError(code, message, at, file.source, file.locate(at)))
      }
      const target = containedPath(path.dirname(source), file.source, relative)
      if (target === undefined) {
        fail('import/include-outside-model', `include '${relative}' leaves the model's folder`)
      } else if (stack.includes(target)) {
        fail(
          'import/include-cycle',
          `include '${relative}' makes a cycle: ${[...stack, target].join(' -> ')}`,
        )
      } else if (visited.has(target)) {
        // Included again through another file: merging it twice would change nothing.
        continue
      } else if (visited.size >= MAX_FILES) {
        fail('import/too-many-files', `a model may have at most ${String(MAX_FILES)} files`)
      } else if (readInclude === undefined) {
        fail(
          'import/include-unreadable',
          `include '${relative}' cannot be read: no file reader was given`,
        )
      } else {
        visited.add(target)
        const read = await readInclude(target)
        if (!read.ok) {
          fail('import/include-unreadable', `include '${relative}' cannot be read: ${read.error}`)
          continue
        }
        const parsed = parseSource(read.value, target)
        if (!parsed.ok) {
          // An included file may hold only comments (Threagile's own diagram_tweak.yaml does).
          issues.push(...parsed.error.filter((issue) => issue.code !== 'import/empty'))
          continue
        }
        await visit(parsed.value, [...stack, target])
      }
    }
  }
  await visit(root.value, [source])
  if (issues.some((issue) => issue.severity === 'error')) return err(issues)
  return ok({ model: merger.model, locate: merger.locate, warnings: root.value.warnings })
}

const createMerger = (root: ParsedSource) => {
  const model: Record<string, unknown> = {}
  const origins = new Map<string, Origin>()
  const key = (parts: DocumentPath): string => JSON.stringify(parts)

  const conflict = (file: ParsedSource, at: DocumentPath, what: string): ImportIssue => {
    const first = origins.get(key(at.slice(0, 2))) ?? origins.get(key(at.slice(0, 1)))
    return importError(
      'import/include-conflict',
      `${what} is set differently here and in ${first?.file.source ?? 'another file'}`,
      at,
      file.source,
      file.locate(at),
    )
  }

  const mergeKeyed = (
    file: ParsedSource,
    section: string,
    value: unknown,
    issues: ImportIssue[],
  ): void => {
    if (!isRecord(value)) {
      mergeSingle(file, section, value, issues)
      return
    }
    const existing = model[section]
    const target: Record<string, unknown> = isRecord(existing) ? existing : {}
    model[section] = target
    for (const [name, entry] of Object.entries(value)) {
      const merged = name in target ? mergeValues(target[name], entry) : entry
      if (merged === CONFLICT) {
        issues.push(conflict(file, [section, name], `${section} '${name}'`))
        continue
      }
      if (!(name in target)) origins.set(key([section, name]), { file, prefix: [section, name] })
      target[name] = merged
    }
  }

  const mergeList = (file: ParsedSource, section: string, value: unknown): void => {
    const items = Array.isArray(value) ? value : [value]
    const target = Array.isArray(model[section]) ? (model[section] as unknown[]) : []
    model[section] = target
    items.forEach((item, j) => {
      if (section === 'tags_available' && target.includes(item)) return
      origins.set(key([section, target.length]), { file, prefix: [section, j] })
      target.push(item)
    })
  }

  const mergeSingle = (
    file: ParsedSource,
    section: string,
    value: unknown,
    issues: ImportIssue[],
  ): void => {
    const merged = section in model ? mergeValues(model[section], value) : value
    if (merged === CONFLICT) {
      issues.push(conflict(file, [section], `'${section}'`))
      return
    }
    if (!(section in model)) origins.set(key([section]), { file, prefix: [section] })
    model[section] = merged
  }

  const merge = (file: ParsedSource, content: Record<string, unknown>, issues: ImportIssue[]) => {
    for (const [section, value] of Object.entries(content)) {
      if (section === 'includes' || !isMeaningful(value)) continue
      if (KEYED_SECTIONS.has(section)) mergeKeyed(file, section, value, issues)
      else if (LIST_SECTIONS.has(section)) mergeList(file, section, value)
      else mergeSingle(file, section, value, issues)
    }
  }

  const locate: Locator = (at) => {
    const origin = origins.get(key(at.slice(0, 2))) ??
      origins.get(key(at.slice(0, 1))) ?? { file: root, prefix: at.slice(0, 1) }
    const filePath = [...origin.prefix, ...at.slice(origin.prefix.length)]
    return { source: origin.file.source, path: filePath, ...origin.file.locate(filePath) }
  }

  return { model, merge, locate }
}

/**
 * Threagile's YAML library honours YAML 1.1 merge keys (`<<: *anchor`), which the YAML 1.2 core
 * schema reads as a plain key: the merged mapping's entries are added unless the mapping sets
 * them itself, earlier merged mappings first. Iterative, so hostile nesting cannot overflow.
 */
const resolveMergeKeys = (root: unknown): unknown => {
  const copy = (value: unknown): unknown =>
    Array.isArray(value) ? [...(value as unknown[])] : isRecord(value) ? { ...value } : value
  const top = copy(root)
  const stack: unknown[] = [top]
  while (stack.length > 0) {
    const node = stack.pop()
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        node[i] = copy(item)
        stack.push(node[i])
      })
    } else if (isRecord(node)) {
      const merged = node['<<']
      if (merged !== undefined) {
        delete node['<<']
        const sources = (Array.isArray(merged) ? merged : [merged]).filter(isRecord)
        for (const source of sources) {
          for (const [key, value] of Object.entries(source)) {
            if (!(key in node)) node[key] = value
          }
        }
      }
      for (const key of Object.keys(node)) {
        node[key] = copy(node[key])
        stack.push(node[key])
      }
    }
  }
  return top
}

const CONFLICT = Symbol('conflict')

/**
 * Threagile's merge of one entry defined in two files: unset fields are filled in, lists are
 * joined, equal values agree, and two different values for one field conflict.
 */
const mergeValues = (a: unknown, b: unknown): unknown => {
  if (!isMeaningful(b)) return a
  if (!isMeaningful(a)) return b
  if (JSON.stringify(a) === JSON.stringify(b)) return a
  if (Array.isArray(a) && Array.isArray(b)) {
    const first: readonly unknown[] = a
    const second: readonly unknown[] = b
    const seen = new Set(first.map((item) => JSON.stringify(item)))
    return [...first, ...second.filter((item) => !seen.has(JSON.stringify(item)))]
  }
  if (isRecord(a) && isRecord(b)) {
    const merged: Record<string, unknown> = { ...a }
    for (const [name, value] of Object.entries(b)) {
      const next = name in merged ? mergeValues(merged[name], value) : value
      if (next === CONFLICT) return CONFLICT
      merged[name] = next
    }
    return merged
  }
  return CONFLICT
}
