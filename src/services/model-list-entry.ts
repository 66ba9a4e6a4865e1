import type { TSchema } from '@sinclair/typebox'

import type { ModelFile } from '../store/index.js'
import {
  findListEntry,
  putListEntry,
  removeListEntry,
  type EntryMatcher,
} from './yaml-list-entry.js'

/**
 * Entries of the top-level lists of one model file, read and written in place: YAML through
 * `yaml-list-entry` (comments and every other byte kept), JSON as data (it holds no comments).
 */

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

const isJson = (file: ModelFile): boolean => file.path.endsWith('.json')

/** The JSON file's top map, or undefined when it is not a JSON object. */
const jsonOf = (text: string): Record<string, unknown> | undefined => {
  try {
    const data = JSON.parse(text) as unknown
    return isRecord(data) ? data : undefined
  } catch {
    return undefined
  }
}

const writeJson = (text: string, data: Record<string, unknown>): string => {
  const json = JSON.stringify(data, null, 2)
  return text.endsWith('\n') ? `${json}\n` : json
}

/** Whether the file has the list, and whether one of its items matches. */
export const holdsEntry = (
  file: ModelFile,
  list: string,
  matches: EntryMatcher,
): { readonly hasList: boolean; readonly hasEntry: boolean } => {
  if (!isJson(file)) return findListEntry(file.text, list, matches)
  const items = jsonOf(file.text)?.[list]
  return Array.isArray(items)
    ? { hasList: true, hasEntry: items.some(matches) }
    : { hasList: false, hasEntry: false }
}

/** The file's text with the matching entry replaced by `entry`, else `entry` appended. */
export const putEntry = (
  file: ModelFile,
  list: string,
  matches: EntryMatcher,
  entry: Readonly<Record<string, unknown>>,
): string => {
  if (!isJson(file)) return putListEntry(file.text, list, matches, entry)
  const data = jsonOf(file.text)
  if (data === undefined) return file.text
  const items = Array.isArray(data[list]) ? [...(data[list] as unknown[])] : []
  const index = items.findIndex(matches)
  if (index >= 0) items[index] = entry
  else items.push(entry)
  return writeJson(file.text, { ...data, [list]: items })
}

/** The file's text without the matching entries. */
export const removeEntry = (file: ModelFile, list: string, matches: EntryMatcher): string => {
  if (!isJson(file)) return removeListEntry(file.text, list, matches)
  const data = jsonOf(file.text)
  const items = data?.[list]
  if (data === undefined || !Array.isArray(items)) return file.text
  return writeJson(file.text, { ...data, [list]: items.filter((item) => !matches(item)) })
}

/** The entry's keys in the order the schema lists them, so a written entry reads like the rest. */
export const inSchemaOrder = (schema: TSchema, value: unknown): unknown => {
  if (Array.isArray(value)) {
    const items = (schema as { items?: TSchema }).items
    return items === undefined ? value : value.map((item) => inSchemaOrder(items, item))
  }
  if (!isRecord(value)) return value
  const properties = (schema as { properties?: Record<string, TSchema> }).properties ?? {}
  const keys = [
    ...Object.keys(properties).filter((key) => key in value),
    ...Object.keys(value).filter((key) => !(key in properties)),
  ]
  return Object.fromEntries(
    keys.map((key) => {
      const property = properties[key]
      return [key, property === undefined ? value[key] : inSchemaOrder(property, value[key])]
    }),
  )
}
