import type { DocumentPath } from '../../core/index.js'
import { isMeaningful, showValue } from './source-data.js'
import type { ImportNotes } from './threat-model-import.js'

/** Notes the fields of a source item that were not carried over, in one entry for the item. */
export const dropFields = (
  notes: ImportNotes,
  path: DocumentPath,
  value: Readonly<Record<string, unknown>>,
  kept: readonly string[],
): void => {
  const lost = Object.entries(value)
    .filter(([key, field]) => !kept.includes(key) && isMeaningful(field))
    .map(([key, field]) => `${key} ${showValue(field)}`)
  if (lost.length > 0) notes.drop(path, `not carried over: ${lost.join(', ')}`)
}
