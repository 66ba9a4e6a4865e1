import type { DocumentPath } from '../../core/index.js'
import type { IdAllocator } from './id-allocator.js'
import type { Locator } from './schema-check.js'
import {
  compareText,
  isRecord,
  sortedEntries,
  sortedUnique,
  textOf,
  textsOf,
} from './source-data.js'
import { importError, type ImportIssue, type ImportNotes } from './threat-model-import.js'

/** One keyed entry of a Threagile section: its key (the title), its id and its path. */
export interface Entry {
  readonly title: string
  readonly sourceId: string
  readonly value: Record<string, unknown>
  readonly path: DocumentPath
}

/** The ids given to the source's items, by the source's ids. */
export interface IdMaps {
  readonly elements: ReadonlyMap<string, string>
  readonly assets: ReadonlyMap<string, string>
  readonly boundaries: ReadonlyMap<string, string>
  /** By Threagile's link id, `asset>title-slug`. */
  readonly flows: ReadonlyMap<string, string>
}

/** What every step of a Threagile import shares. */
export interface ThreagileContext {
  readonly notes: ImportNotes
  readonly ids: IdAllocator
  readonly problems: ImportIssue[]
  readonly locate: Locator
  readonly maps: IdMaps
}

/** An error at a path of the merged model, placed in the file that wrote it. */
export const placed = (
  locate: Locator,
  code: string,
  message: string,
  path: DocumentPath,
): ImportIssue => {
  const place = locate(path)
  return importError(code, message, place.path ?? path, place.source, place)
}

/** The entries of a keyed section, in order of their ids so key order never matters. */
export const entriesOf = (model: Readonly<Record<string, unknown>>, section: string): Entry[] =>
  sortedEntries(model[section])
    .flatMap(([title, value]) =>
      isRecord(value)
        ? [{ title, sourceId: textOf(value['id']) ?? title, value, path: [section, title] }]
        : [],
    )
    .sort((a, b) => compareText(a.sourceId, b.sourceId))

/** The id an item was given; an unknown reference is an error, as it is to Threagile. */
export const resolve = (
  context: ThreagileContext,
  map: ReadonlyMap<string, string>,
  ref: string,
  path: DocumentPath,
  what: string,
): string[] => {
  const id = map.get(ref)
  if (id !== undefined) return [id]
  context.problems.push(
    placed(
      context.locate,
      'import/unknown-reference',
      `unknown ${what} '${ref}'; Threagile rejects a model that names one`,
      path,
    ),
  )
  return []
}

export const resolveAll = (
  context: ThreagileContext,
  map: ReadonlyMap<string, string>,
  value: unknown,
  path: DocumentPath,
  what: string,
): string[] =>
  sortedUnique(textsOf(value).flatMap((ref, i) => resolve(context, map, ref, [...path, i], what)))

/** The communication links of a technical asset, in order of their titles. */
export const linkEntries = (asset: Entry): Entry[] =>
  sortedEntries(asset.value['communication_links']).flatMap(([title, value]) =>
    isRecord(value)
      ? [{ title, sourceId: title, value, path: [...asset.path, 'communication_links', title] }]
      : [],
  )
