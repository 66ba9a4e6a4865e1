export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue }

// Array.isArray narrows to any[], which would let anything through unchecked.
const isList = (value: JsonValue): value is readonly JsonValue[] => Array.isArray(value)

/**
 * JSON with object keys sorted at every level and no whitespace, so one value has one text and
 * so one hash, whichever order its keys were built in.
 */
export const canonicalJson = (value: JsonValue): string => {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (isList(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`
  const members = Object.keys(value)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key] ?? null)}`)
  return `{${members.join(',')}}`
}
