import { ID_PATTERN } from '../../../../src/core/model/schema-helpers.js'

/**
 * Ids for entries made in the editor. They follow the model's id rule (lower-case letters,
 * digits and single hyphens, at most 80 characters) so a new entry is valid as made.
 */
const MAX_LENGTH = 80

const ID_RULE = new RegExp(ID_PATTERN)

/** An id from a name: `Pump BLE radio` → `pump-ble-radio`; `entry` when nothing is left. */
export const idFromName = (name: string, fallback = 'entry'): string => {
  const slug = name
    .normalize('NFKD')
    // Accents come apart from their letters under NFKD; dropping them keeps `é` as `e`.
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_LENGTH)
    .replace(/-+$/, '')
  return slug === '' ? fallback : slug
}

/** The id, or the id with the lowest `-2`, `-3`… suffix that no entry of the list has yet. */
export const uniqueId = (id: string, taken: ReadonlySet<string>): string => {
  if (!taken.has(id)) return id
  for (let n = 2; ; n += 1) {
    const suffix = `-${String(n)}`
    const candidate = `${id.slice(0, MAX_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`
    if (!taken.has(candidate)) return candidate
  }
}

export const isValidId = (id: string): boolean => id.length <= MAX_LENGTH && ID_RULE.test(id)
