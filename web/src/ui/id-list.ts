import { ID_PATTERN } from '../../../src/core/model/schema-helpers.js'

const ID = new RegExp(ID_PATTERN)

/**
 * Ids typed by hand (separated by commas or spaces) added to a list: new ones at the end, each
 * once. Text that cannot be a model id is returned apart, so the form can say so.
 */
export const addTypedIds = (
  list: readonly string[],
  typed: string,
): { readonly list: readonly string[]; readonly rejected: readonly string[] } => {
  const words = typed.split(/[\s,]+/).filter((word) => word !== '')
  const rejected = words.filter((word) => !ID.test(word))
  const added = words.filter((word) => ID.test(word) && !list.includes(word))
  return { list: [...list, ...new Set(added)], rejected }
}

/** The list with the id in it or out of it. */
export const toggleId = (list: readonly string[], id: string, on: boolean): readonly string[] =>
  on ? (list.includes(id) ? list : [...list, id]) : list.filter((item) => item !== id)
