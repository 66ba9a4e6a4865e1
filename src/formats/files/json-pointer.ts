import type { DocumentPath } from '../../core/index.js'

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * A JSON Pointer (RFC 6901, as ajv reports instance paths) as a document path, with array
 * positions as numbers so issues print as `$.components[3].name`.
 */
export const pointerToPath = (pointer: string, data: unknown): DocumentPath => {
  if (pointer === '') return []
  const path: (string | number)[] = []
  let node = data
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    if (Array.isArray(node) && /^\d+$/.test(key)) {
      path.push(Number(key))
      node = node[Number(key)] as unknown
    } else {
      path.push(key)
      node = isRecord(node) ? node[key] : undefined
    }
  }
  return path
}

/** The value at a document path, or undefined where the path leads nowhere. */
export const valueAt = (data: unknown, path: DocumentPath): unknown =>
  path.reduce<unknown>(
    (node, key) =>
      Array.isArray(node) && typeof key === 'number'
        ? (node[key] as unknown)
        : isRecord(node)
          ? node[String(key)]
          : undefined,
    data,
  )
