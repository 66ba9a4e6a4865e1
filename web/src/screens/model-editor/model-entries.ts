import type { Architecture, ArchitectureEdit } from '../../api/types.js'

/**
 * The architecture's entries as the model writes them. The API gives them as open records (the
 * model's schema, not the API's, decides their fields), so the editor reads fields through these
 * helpers and keeps every field it does not edit untouched when it writes an entry back.
 */
export type ArchitectureList = ArchitectureEdit['list']
export type Entry = Readonly<Record<string, unknown>>

export const ARCHITECTURE_LISTS: readonly ArchitectureList[] = [
  'elements',
  'dataFlows',
  'trustBoundaries',
]

export interface ModelLists {
  readonly elements: readonly Entry[]
  readonly dataFlows: readonly Entry[]
  readonly trustBoundaries: readonly Entry[]
}

export const listsOf = (architecture: Architecture): ModelLists => ({
  elements: architecture.elements,
  dataFlows: architecture.dataFlows,
  trustBoundaries: architecture.trustBoundaries,
})

export const textOf = (entry: Entry, key: string): string => {
  const value = entry[key]
  return typeof value === 'string' ? value : ''
}

export const idOf = (entry: Entry): string => textOf(entry, 'id')

/** A list of ids (or words) such as `elements`, `interfaces` or `payload`. */
export const refsOf = (entry: Entry, key: string): readonly string[] => {
  const value = entry[key]
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string')
    : []
}

/** A nested object such as a data flow's `authentication`; empty when absent. */
export const objectOf = (entry: Entry, key: string): Entry => {
  const value = entry[key]
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Entry)
    : {}
}

export const findEntry = (entries: readonly Entry[], id: string): Entry | undefined =>
  entries.find((entry) => idOf(entry) === id)

/** The entry with one field set; an empty text or list removes an optional field instead. */
export const withField = (entry: Entry, key: string, value: unknown): Entry => {
  const empty = value === undefined || value === '' || (Array.isArray(value) && value.length === 0)
  if (!empty) return { ...entry, [key]: value }
  const { [key]: _removed, ...rest } = entry
  return rest
}

/** Readable name of an element, flow or boundary: its name, else its id. */
export const nameOf = (entry: Entry | undefined, fallback = ''): string => {
  if (entry === undefined) return fallback
  const name = textOf(entry, 'name')
  return name === '' ? idOf(entry) : name
}
