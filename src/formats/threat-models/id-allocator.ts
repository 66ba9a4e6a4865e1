/** medcyber ids: lower-case letters, digits and single hyphens, at most 80 characters. */
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const MAX_ID = 80
/** Room left for a `-12` suffix when an id has to be made unique. */
const MAX_BASE = 60
const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i

/**
 * A readable slug: `Web Server (DMZ)` → `web-server-dmz`, accents folded, cut at a hyphen so it
 * stays within `max` characters. Empty when nothing readable is left.
 */
export const slugify = (text: string, max = MAX_BASE): string => {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (slug.length <= max) return slug
  const cut = slug.slice(0, max + 1)
  const lastHyphen = cut.lastIndexOf('-')
  return (lastHyphen > max / 2 ? cut.slice(0, lastHyphen) : slug.slice(0, max)).replace(/-+$/, '')
}

/** Whether a source id is already a valid medcyber id, as in a file medcyber exported. */
export const isMedcyberId = (id: string): boolean => ID.test(id) && id.length <= MAX_ID

/**
 * The id to ask for: the source's own id when it reads well as a slug (`apache-webserver`),
 * otherwise a slug of the name (UUIDs and bare numbers say nothing to a reviewer), otherwise the
 * fallback.
 */
export const preferredId = (
  sourceId: string | undefined,
  name: string | undefined,
  fallback: string,
): string => {
  if (sourceId !== undefined && !UUID.test(sourceId)) {
    const slug = slugify(sourceId, MAX_ID)
    if (ID.test(slug) && /[a-z]/.test(slug)) return slug
  }
  const fromName = name === undefined ? '' : slugify(name)
  if (fromName !== '') return fromName
  return slugify(fallback) || 'item'
}

export interface IdAllocator {
  /**
   * Reserves `base`, or `base-2`, `base-3`, ... when it is taken: ids are unique across every
   * kind of item. Callers allocate in a fixed order, so the same input gives the same ids.
   */
  readonly allocate: (base: string, label: string) => string
  /** Items that did not get the id they asked for, for people to check. */
  readonly renamed: () => readonly string[]
}

export const createIdAllocator = (): IdAllocator => {
  const used = new Set<string>()
  const renamed: string[] = []
  return {
    allocate(base, label) {
      const wanted = ID.test(base) && base.length <= MAX_ID ? base : slugify(base, MAX_ID) || 'item'
      let id = wanted
      for (let n = 2; used.has(id); n += 1) {
        id = `${wanted.slice(0, MAX_ID - 1 - String(n).length).replace(/-+$/, '')}-${String(n)}`
      }
      used.add(id)
      if (id !== wanted) {
        renamed.push(
          `${label}: given id '${id}' because '${wanted}' was taken; check whether both are the same thing`,
        )
      }
      return id
    },
    renamed: () => renamed,
  }
}
