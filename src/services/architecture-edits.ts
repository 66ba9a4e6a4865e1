import type { TSchema } from '@sinclair/typebox'

import { err, ITEM_SCHEMAS, ok, type Result } from '../core/index.js'
import type { ModelFile, Store } from '../store/index.js'
import {
  isRecord,
  modelFileOrder,
  placeIssues,
  type ArchitectureList,
  type PlacedIssue,
} from './architecture-entries.js'
import { DIAGRAM_LAYOUT_FILE } from './architecture-read.js'
import {
  saveProductModel,
  type ModelSaveProblem,
  type ModelWrite,
  type SavedModel,
} from './model-edits.js'
import { MODEL_ROOT_FILE } from './model-files.js'
import { holdsEntry, inSchemaOrder, putEntry, removeEntry } from './model-list-entry.js'
import { loadProductModel } from './product-model.js'
import type { EntryMatcher } from './yaml-list-entry.js'

/** One change the diagram editor makes: a whole entry written, or an entry removed, by id. */
export type ArchitectureEdit =
  | {
      readonly op: 'put'
      readonly list: ArchitectureList
      readonly entry: Readonly<Record<string, unknown>>
    }
  | { readonly op: 'remove'; readonly list: ArchitectureList; readonly id: string }

export interface DiagramLayout {
  readonly positions: Readonly<Record<string, { readonly x: number; readonly y: number }>>
}

export interface ArchitectureEdits {
  readonly edits: readonly ArchitectureEdit[]
  readonly layout?: DiagramLayout
}

/** Why edits were not stored; `edit` is the index of the edit at fault. */
export type ArchitectureEditProblem =
  | Exclude<ModelSaveProblem, { readonly code: 'invalid-model' }>
  | { readonly code: 'invalid-model'; readonly issues: readonly PlacedIssue[] }
  | {
      readonly code: 'unknown-entry'
      readonly edit: number
      readonly list: ArchitectureList
      readonly id: string
    }
  | { readonly code: 'entry-without-id'; readonly edit: number }

const SCHEMAS: Record<ArchitectureList, TSchema> = {
  elements: ITEM_SCHEMAS.element,
  dataFlows: ITEM_SCHEMAS.dataFlow,
  trustBoundaries: ITEM_SCHEMAS.trustBoundary,
}

/** Ids are unique across the model (`model/duplicate-id`), so the id names the entry. */
const withId =
  (id: string): EntryMatcher =>
  (item) =>
    isRecord(item) && item['id'] === id

/**
 * The file a put writes to: the one whose list has the entry; else the first file (in include
 * order) with that list; else the root file.
 */
const putTarget = (
  candidates: readonly ModelFile[],
  root: ModelFile | undefined,
  list: ArchitectureList,
  matches: EntryMatcher,
): ModelFile => {
  const found = candidates.map((file) => ({ file, ...holdsEntry(file, list, matches) }))
  return (
    found.find((candidate) => candidate.hasEntry)?.file ??
    found.find((candidate) => candidate.hasList)?.file ??
    root ?? { path: MODEL_ROOT_FILE, text: '' }
  )
}

/**
 * The model's files with the edits made in order, each in the file that holds (or should hold)
 * its entry; only the text of the entries written or removed changes. `order` is the model's
 * files in include order.
 */
export const applyArchitectureEdits = (
  files: readonly ModelFile[],
  order: readonly string[],
  edits: readonly ArchitectureEdit[],
): Result<ModelFile[], ArchitectureEditProblem> => {
  const byPath = new Map(files.map((file) => [file.path, file]))
  for (const [index, edit] of edits.entries()) {
    const candidates = order.flatMap((path) => byPath.get(path) ?? [])
    const { list } = edit
    if (edit.op === 'remove') {
      const matches = withId(edit.id)
      const holder = candidates.find((file) => holdsEntry(file, list, matches).hasEntry)
      if (holder === undefined)
        return err({ code: 'unknown-entry', edit: index, list, id: edit.id })
      byPath.set(holder.path, { path: holder.path, text: removeEntry(holder, list, matches) })
      continue
    }
    const id = edit.entry['id']
    if (typeof id !== 'string' || id === '') return err({ code: 'entry-without-id', edit: index })
    const matches = withId(id)
    const target = putTarget(candidates, byPath.get(MODEL_ROOT_FILE), list, matches)
    const entry = inSchemaOrder(SCHEMAS[list], edit.entry) as Record<string, unknown>
    byPath.set(target.path, { path: target.path, text: putEntry(target, list, matches, entry) })
  }
  return ok([...byPath.values()])
}

/** Pretty JSON with the element ids sorted, so a moved element is a small diff. */
export const diagramLayoutText = (layout: DiagramLayout): string => {
  const ids = Object.keys(layout.positions).sort()
  const positions = Object.fromEntries(
    ids.flatMap((id) => {
      const at = layout.positions[id]
      return at === undefined ? [] : [[id, { x: at.x, y: at.y }]]
    }),
  )
  return `${JSON.stringify({ positions }, null, 2)}\n`
}

const withLayout = (files: readonly ModelFile[], layout: DiagramLayout): ModelFile[] => {
  const text = diagramLayoutText(layout)
  return files.some((file) => file.path === DIAGRAM_LAYOUT_FILE)
    ? files.map((file) => (file.path === DIAGRAM_LAYOUT_FILE ? { path: file.path, text } : file))
    : [...files, { path: DIAGRAM_LAYOUT_FILE, text }]
}

/**
 * Makes the diagram editor's edits in the model's files and stores them as the next revision,
 * only if the product is still at the revision the editor started from and the edited model is
 * valid; the issues of an invalid one say which entry each is about. A model that is not valid
 * now may be edited: the editor is where it gets fixed.
 */
export const saveArchitectureEdits = async (
  store: Store,
  productId: string,
  edits: ArchitectureEdits,
  write: ModelWrite,
): Promise<Result<SavedModel, ArchitectureEditProblem>> => {
  const stored = await loadProductModel(store, productId)
  if (stored === undefined) return err({ code: 'not-found', productId })
  if (stored.revision !== write.expectedRevision) {
    return err({
      code: 'stale-revision',
      expectedRevision: write.expectedRevision,
      actualRevision: stored.revision,
    })
  }
  const applied = applyArchitectureEdits(stored.files, await modelFileOrder(stored), edits.edits)
  if (!applied.ok) return applied
  const files = edits.layout === undefined ? applied.value : withLayout(applied.value, edits.layout)
  const saved = await saveProductModel(store, productId, files, write)
  if (saved.ok || saved.error.code !== 'invalid-model') return saved
  return err({ code: 'invalid-model', issues: placeIssues(saved.error.issues, files) })
}
