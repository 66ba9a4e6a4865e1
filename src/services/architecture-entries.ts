import type { LocatedIssue } from '../formats/index.js'
import { parseYamlText } from '../formats/model-yaml/parse-yaml-text.js'
import type { ModelFile } from '../store/index.js'
import { loadModelFromFiles } from './model-files.js'
import type { ProductModel } from './product-model.js'

/** The lists of the model the diagram editor draws and edits. */
export const ARCHITECTURE_LISTS = ['elements', 'dataFlows', 'trustBoundaries'] as const
export type ArchitectureList = (typeof ARCHITECTURE_LISTS)[number]

/** The entry of an architecture list an issue is about, and the field within it (`to`, `authentication.type`, `payload[1]`). */
export interface EntryPlace {
  readonly list: ArchitectureList
  /** Undefined when the entry has no id to name it by. */
  readonly id: string | undefined
  readonly field: string | undefined
}

/** A model issue with the architecture entry it is about, when it is about one. */
export interface PlacedIssue extends LocatedIssue {
  readonly entry?: EntryPlace
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/** The plain data of each model file, parsed at most once and as the model loader reads it. */
export const fileContents = (files: readonly ModelFile[]): ((path: string) => unknown) => {
  const byPath = new Map(files.map((file) => [file.path, file.text]))
  const parsed = new Map<string, unknown>()
  return (path) => {
    if (parsed.has(path)) return parsed.get(path)
    const text = byPath.get(path)
    const content = text === undefined ? undefined : parseYamlText(text, path).content
    parsed.set(path, content)
    return content
  }
}

/** The items of a top-level list of one file's data; none when the list is missing or not one. */
export const listItems = (content: unknown, list: string): readonly unknown[] => {
  const items = isRecord(content) ? content[list] : undefined
  return Array.isArray(items) ? items : []
}

const LIST_PATH = /^\$\.(elements|dataFlows|trustBoundaries)\[(\d+)\](.*)$/
const FIELD_STEP = /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]/gy

/** `.authentication.type` as `authentication.type`, `.payload[0]` as `payload[0]`. */
const fieldOf = (rest: string): string | undefined => {
  let field = ''
  for (const [, name, index, quoted] of rest.matchAll(FIELD_STEP)) {
    if (index !== undefined) field += `[${index}]`
    else field += `${field === '' ? '' : '.'}${name ?? quoted?.replace(/\\(.)/g, '$1') ?? ''}`
  }
  return field === '' ? undefined : field
}

/**
 * The entry an issue is about, from the path inside its file (`$.dataFlows[3].to`): the issue
 * says which item of that file's list, the file's data which id that item has.
 */
export const entryOfIssue = (
  issue: LocatedIssue,
  contentOf: (path: string) => unknown,
): EntryPlace | undefined => {
  const match = LIST_PATH.exec(issue.path)
  if (match === null) return undefined
  const list = match[1] as ArchitectureList
  const item = listItems(contentOf(issue.file), list)[Number(match[2])]
  const id = isRecord(item) && typeof item['id'] === 'string' ? item['id'] : undefined
  return { list, id, field: fieldOf(match[3] ?? '') }
}

/** The issues, each with the architecture entry it is about in these files. */
export const placeIssues = (
  issues: readonly LocatedIssue[],
  files: readonly ModelFile[],
): PlacedIssue[] => {
  const contentOf = fileContents(files)
  return issues.map((issue) => {
    const entry = entryOfIssue(issue, contentOf)
    return entry === undefined ? issue : { ...issue, entry }
  })
}

/** The include order of each stored revision: it never changes, and finding it loads the model. */
const orders = new WeakMap<ProductModel, Promise<readonly string[]>>()

/** The model's files (root first, in include order) that the loader reads, of a stored revision. */
export const modelFileOrder = (stored: ProductModel): Promise<readonly string[]> => {
  let order = orders.get(stored)
  if (order === undefined) {
    order = loadModelFromFiles(stored.files).then((loaded) => loaded.files)
    orders.set(stored, order)
  }
  return order
}
