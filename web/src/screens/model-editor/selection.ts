import type { ArchitectureList } from './model-entries.js'

/** What the side panel shows: an entry of the model, or the form for a new one. */
export type Selection =
  | { readonly kind: 'entry'; readonly list: ArchitectureList; readonly id: string }
  | { readonly kind: 'new-element' }
  | { readonly kind: 'new-data-flow'; readonly from: string; readonly to: string }
  | { readonly kind: 'new-trust-boundary' }

export const isSelected = (
  selection: Selection | undefined,
  list: ArchitectureList,
  id: string,
): boolean => selection?.kind === 'entry' && selection.list === list && selection.id === id
