import { createContext, useContext } from 'react'

import type { ArchitectureList } from './model-entries.js'

/** What the diagram's own parts (boundary names, flow labels) do when chosen. */
export interface DiagramActions {
  readonly select: (list: ArchitectureList, id: string) => void
}

export const DiagramActionsContext = createContext<DiagramActions>({ select: () => undefined })

export const useDiagramActions = (): DiagramActions => useContext(DiagramActionsContext)
