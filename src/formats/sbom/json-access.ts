/** Narrowing helpers for parsed JSON: readers are defensive, the schema check reports shapes. */
export type JsonRecord = Readonly<Record<string, unknown>>

export const isRecord = (value: unknown): value is JsonRecord =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

const EMPTY: JsonRecord = Object.freeze({})

export const recordOr = (value: unknown): JsonRecord => (isRecord(value) ? value : EMPTY)

export const listOf = (value: unknown): readonly unknown[] =>
  Array.isArray(value) ? (value as unknown[]) : []

/** A string with content, trimmed; undefined for anything else. */
export const textOf = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return undefined
  const trimmed = value.trim()
  return trimmed === '' ? undefined : trimmed
}

export const textsOf = (value: unknown): string[] =>
  listOf(value).flatMap((item) => {
    const text = textOf(item)
    return text === undefined ? [] : [text]
  })

/** `{ key: value }`, or nothing when there is no value: for optional fields (exactOptionalPropertyTypes). */
export const optional = <K extends string, V>(
  key: K,
  value: V | undefined,
): Partial<Record<K, V>> => (value === undefined ? {} : ({ [key]: value } as Record<K, V>))
