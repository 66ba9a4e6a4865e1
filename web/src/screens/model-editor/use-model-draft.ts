import { useMemo, useState } from 'react'

import type { Architecture } from '../../api/types.js'
import { initialPositions, layoutToSave, placeBelow } from './automatic-layout.js'
import type { Positions } from './diagram-geometry.js'
import { idOf, listsOf, type Entry, type ModelLists } from './model-entries.js'
import {
  changeCount,
  currentLists,
  NO_EDITS,
  putEntry,
  type PendingEdits,
} from './pending-edits.js'

interface DraftState {
  readonly pending: PendingEdits
  readonly positions: Positions
  readonly layoutChanged: boolean
}

export interface ModelDraft {
  /** The model as saved. */
  readonly base: ModelLists
  /** The model as the user sees it, pending edits applied. */
  readonly lists: ModelLists
  readonly pending: PendingEdits
  readonly positions: Positions
  readonly layoutChanged: boolean
  readonly changes: number
  readonly dirty: boolean
  /** Applies an edit built from the saved model and the pending edits. */
  readonly edit: (change: (base: ModelLists, pending: PendingEdits) => PendingEdits) => void
  readonly addElement: (entry: Entry) => void
  /** New positions of the elements that moved. */
  readonly moveMany: (moved: Positions) => void
  readonly layoutToSave: () => ReturnType<typeof layoutToSave> | undefined
  readonly discard: () => void
  /** After a save: what was pending is now the saved model. */
  readonly saved: () => void
}

const startPositions = (architecture: Architecture): Positions =>
  initialPositions(
    architecture.layout?.positions,
    architecture.elements,
    architecture.trustBoundaries,
  )

/** The editor's unsaved state over the model read from the server. */
export const useModelDraft = (architecture: Architecture): ModelDraft => {
  const base = useMemo(() => listsOf(architecture), [architecture])
  const [state, setState] = useState<DraftState>(() => ({
    pending: NO_EDITS,
    positions: startPositions(architecture),
    layoutChanged: false,
  }))
  // A newer model (after a save, or a reload after someone else's) brings its own layout,
  // unless the user has moved things they have not saved.
  const [seen, setSeen] = useState(architecture)
  if (seen !== architecture) {
    setSeen(architecture)
    if (!state.layoutChanged) setState({ ...state, positions: startPositions(architecture) })
  }
  const lists = useMemo(() => currentLists(base, state.pending), [base, state.pending])
  const changes = changeCount(state.pending)

  return {
    base,
    lists,
    pending: state.pending,
    positions: state.positions,
    layoutChanged: state.layoutChanged,
    changes,
    dirty: changes > 0 || state.layoutChanged,
    edit: (change) => {
      setState((current) => ({ ...current, pending: change(base, current.pending) }))
    },
    addElement: (entry) => {
      setState((current) => ({
        pending: putEntry(base, current.pending, 'elements', entry),
        positions: { ...current.positions, ...placeBelow(current.positions, [idOf(entry)]) },
        layoutChanged: true,
      }))
    },
    moveMany: (moved) => {
      setState((current) => ({
        ...current,
        positions: { ...current.positions, ...moved },
        layoutChanged: true,
      }))
    },
    layoutToSave: () =>
      state.layoutChanged ? layoutToSave(state.positions, lists.elements.map(idOf)) : undefined,
    discard: () => {
      setState({ pending: NO_EDITS, positions: startPositions(architecture), layoutChanged: false })
    },
    saved: () => {
      setState((current) => ({ ...current, pending: NO_EDITS, layoutChanged: false }))
    },
  }
}
