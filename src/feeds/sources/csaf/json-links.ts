/** Reading the loosely shaped JSON of CSAF provider metadata and ROLIE feeds. */

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

export const asList = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : [])

/**
 * A URL of the metadata or feed resolved against the document's own URL; undefined when it is
 * not a string or not http(s), so a `file:` or `javascript:` link is never followed.
 */
export const resolveUrl = (value: unknown, base: string): string | undefined => {
  if (typeof value !== 'string') return undefined
  try {
    const url = new URL(value, base)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined
  } catch {
    return undefined
  }
}
