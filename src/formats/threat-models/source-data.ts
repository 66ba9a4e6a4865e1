/**
 * Defensive readers for data parsed from another tool's file: the schema check comes first, but
 * the importers still never trust a shape, so odd input is skipped rather than thrown over.
 */

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A non-blank string, trimmed; numbers are accepted as written (YAML ids like `2`). */
export const textOf = (value: unknown): string | undefined => {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value !== 'string') return undefined
  const trimmed = value.trim()
  return trimmed === '' ? undefined : trimmed
}

export const listOf = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : [])

export const recordsOf = (value: unknown): Record<string, unknown>[] =>
  listOf(value).filter(isRecord)

export const textsOf = (value: unknown): string[] =>
  listOf(value).flatMap((item) => {
    const text = textOf(item)
    return text === undefined ? [] : [text]
  })

/** The entries of a mapping, sorted by key so that the order keys were written in never matters. */
export const sortedEntries = (value: unknown): [string, unknown][] =>
  isRecord(value) ? Object.entries(value).sort(([a], [b]) => compareText(a, b)) : []

export const fieldOf = (value: unknown, key: string): unknown =>
  isRecord(value) ? value[key] : undefined

/** Code-point order: the same on every machine and locale, unlike `localeCompare`. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

export const unique = <T>(values: readonly T[]): T[] => [...new Set(values)]

export const sortedUnique = (values: readonly string[]): string[] =>
  unique(values).sort(compareText)

/** A short rendering of a dropped value for people: `true`, `'container'`, `[a, b]`. */
export const showValue = (value: unknown): string => {
  if (typeof value === 'string') {
    const flat = value.replace(/\s+/g, ' ').trim()
    return `'${flat.length > 80 ? `${flat.slice(0, 77)}...` : flat}'`
  }
  if (Array.isArray(value)) return `[${value.map(showValue).join(', ')}]`
  if (isRecord(value)) {
    const shown = `{${Object.entries(value)
      .map(([key, field]) =>
        field !== null && typeof field === 'object' ? key : `${key}: ${showValue(field)}`,
      )
      .join(', ')}}`
    return shown.length > 200 ? `{${Object.keys(value).join(', ')}}` : shown
  }
  return String(value)
}

/** Whether a value says something: not absent, empty, blank, false or an empty list or map. */
export const isMeaningful = (value: unknown): boolean => {
  if (value === undefined || value === null || value === false || value === '') return false
  if (typeof value === 'string') return value.trim() !== ''
  if (Array.isArray(value)) return value.some(isMeaningful)
  if (isRecord(value)) return Object.values(value).some(isMeaningful)
  return true
}
