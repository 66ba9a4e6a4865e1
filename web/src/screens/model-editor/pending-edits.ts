import type { ArchitectureEditsRequest, DiagramLayout } from '../../api/types.js'
import {
  ARCHITECTURE_LISTS,
  findEntry,
  idOf,
  type ArchitectureList,
  type Entry,
  type ModelLists,
} from './model-entries.js'
import { sameValue } from './same-value.js'

/**
 * The changes made in the editor and not saved yet, one per entry, keyed `list/id`. They are
 * kept apart from the model read from the server, so a failed save loses nothing and Discard is
 * just forgetting them.
 */
export type PendingEdit =
  | { readonly op: 'put'; readonly list: ArchitectureList; readonly entry: Entry }
  | { readonly op: 'remove'; readonly list: ArchitectureList; readonly id: string }

export type PendingEdits = Readonly<Record<string, PendingEdit>>

export const NO_EDITS: PendingEdits = {}

const keyOf = (list: ArchitectureList, id: string): string => `${list}/${id}`

const without = (pending: PendingEdits, key: string): PendingEdits => {
  const { [key]: _dropped, ...rest } = pending
  return rest
}

const currentList = (
  base: readonly Entry[],
  pending: PendingEdits,
  list: ArchitectureList,
): readonly Entry[] => {
  const baseIds = new Set(base.map(idOf))
  const kept: Entry[] = []
  for (const entry of base) {
    const edit = pending[keyOf(list, idOf(entry))]
    if (edit === undefined) kept.push(entry)
    else if (edit.op === 'put') kept.push(edit.entry)
  }
  // New entries come after the saved ones, in the order they were made.
  for (const edit of Object.values(pending)) {
    if (edit.list === list && edit.op === 'put' && !baseIds.has(idOf(edit.entry))) {
      kept.push(edit.entry)
    }
  }
  return kept
}

/** The model as the user sees it: the saved lists with the pending edits applied. */
export const currentLists = (base: ModelLists, pending: PendingEdits): ModelLists => ({
  elements: currentList(base.elements, pending, 'elements'),
  dataFlows: currentList(base.dataFlows, pending, 'dataFlows'),
  trustBoundaries: currentList(base.trustBoundaries, pending, 'trustBoundaries'),
})

/** Writes an entry; an entry edited back to what is saved is no longer a change. */
export const putEntry = (
  base: ModelLists,
  pending: PendingEdits,
  list: ArchitectureList,
  entry: Entry,
): PendingEdits => {
  const key = keyOf(list, idOf(entry))
  const saved = findEntry(base[list], idOf(entry))
  if (saved !== undefined && sameValue(saved, entry)) return without(pending, key)
  return { ...pending, [key]: { op: 'put', list, entry } }
}

/** Removes an entry; one made in the editor and never saved is simply forgotten. */
export const removeEntry = (
  base: ModelLists,
  pending: PendingEdits,
  list: ArchitectureList,
  id: string,
): PendingEdits => {
  const key = keyOf(list, id)
  if (findEntry(base[list], id) === undefined) return without(pending, key)
  return { ...pending, [key]: { op: 'remove', list, id } }
}

export const changeCount = (pending: PendingEdits): number => Object.keys(pending).length

/** The entries of a list whose `key` list holds `id`, each with `id` taken out of it. */
const dropReferences = (
  base: ModelLists,
  pending: PendingEdits,
  list: ArchitectureList,
  key: string,
  id: string,
  keepEmpty: boolean,
): PendingEdits => {
  let next = pending
  for (const entry of currentLists(base, next)[list]) {
    const refs = entry[key]
    if (!Array.isArray(refs) || !refs.includes(id)) continue
    const left = refs.filter((ref) => ref !== id)
    const { [key]: _old, ...rest } = entry
    next = putEntry(
      base,
      next,
      list,
      left.length > 0 || keepEmpty ? { ...rest, [key]: left } : rest,
    )
  }
  return next
}

/**
 * Deletes an element with the data flows that start or end at it, and takes it out of trust
 * boundaries and of the flows that pass through it, so the model stays consistent.
 */
export const deleteElement = (
  base: ModelLists,
  pending: PendingEdits,
  id: string,
): PendingEdits => {
  let next = removeEntry(base, pending, 'elements', id)
  for (const flow of currentLists(base, next).dataFlows) {
    if (flow.from === id || flow.to === id) {
      next = removeEntry(base, next, 'dataFlows', idOf(flow))
    }
  }
  next = dropReferences(base, next, 'dataFlows', 'intermediaries', id, false)
  return dropReferences(base, next, 'trustBoundaries', 'elements', id, true)
}

/** Deletes a trust boundary; what it held stays, outside it. */
export const deleteBoundary = (base: ModelLists, pending: PendingEdits, id: string): PendingEdits =>
  dropReferences(
    base,
    removeEntry(base, pending, 'trustBoundaries', id),
    'trustBoundaries',
    'boundaries',
    id,
    false,
  )

/**
 * Moves `id` into the boundary `target` (undefined: into none) by rewriting the boundaries'
 * `key` list (`elements` for an element, `boundaries` for a nested boundary).
 */
const moveInto = (
  base: ModelLists,
  pending: PendingEdits,
  key: 'elements' | 'boundaries',
  id: string,
  target: string | undefined,
): PendingEdits => {
  let next = dropReferences(base, pending, 'trustBoundaries', key, id, key === 'elements')
  if (target === undefined) return next
  const holder = findEntry(currentLists(base, next).trustBoundaries, target)
  if (holder === undefined) return next
  const refs = Array.isArray(holder[key]) ? (holder[key] as readonly unknown[]) : []
  next = putEntry(base, next, 'trustBoundaries', { ...holder, [key]: [...refs, id] })
  return next
}

export const setElementBoundary = (
  base: ModelLists,
  pending: PendingEdits,
  elementId: string,
  boundaryId: string | undefined,
): PendingEdits => moveInto(base, pending, 'elements', elementId, boundaryId)

export const setBoundaryParent = (
  base: ModelLists,
  pending: PendingEdits,
  boundaryId: string,
  parentId: string | undefined,
): PendingEdits => moveInto(base, pending, 'boundaries', boundaryId, parentId)

/**
 * The PATCH body: every pending edit in a stable order (list, then id), the layout when it
 * changed, and the reason when one was given.
 */
export const editsBody = (
  pending: PendingEdits,
  layout: DiagramLayout | undefined,
  reason: string,
): ArchitectureEditsRequest => {
  const order = (edit: PendingEdit) => ARCHITECTURE_LISTS.indexOf(edit.list)
  const idOfEdit = (edit: PendingEdit) => (edit.op === 'put' ? idOf(edit.entry) : edit.id)
  const edits = Object.values(pending)
    .sort((a, b) => order(a) - order(b) || idOfEdit(a).localeCompare(idOfEdit(b), 'en'))
    .map((edit) =>
      edit.op === 'put'
        ? { op: 'put' as const, list: edit.list, entry: { ...edit.entry } }
        : { op: 'remove' as const, list: edit.list, id: edit.id },
    )
  const trimmed = reason.trim()
  return {
    edits,
    ...(layout === undefined ? {} : { layout }),
    ...(trimmed === '' ? {} : { reason: trimmed }),
  }
}
