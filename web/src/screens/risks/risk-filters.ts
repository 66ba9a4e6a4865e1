import type { RiskEntry } from '../../api/types.js'
import { inCell, type CellFilter } from './heatmap-cells.js'

export type ControlFilter = 'all' | 'controlled' | 'uncontrolled'

export interface RiskFilters {
  readonly control: ControlFilter
  readonly cell: CellFilter | null
  readonly text: string
}

export const NO_RISK_FILTERS: RiskFilters = { control: 'all', cell: null, text: '' }

export const filterRisks = (
  entries: readonly RiskEntry[],
  filters: RiskFilters,
): readonly RiskEntry[] => {
  const needle = filters.text.trim().toLowerCase()
  return entries.filter(
    (entry) =>
      (filters.control === 'all' || entry.controlStatus === filters.control) &&
      (filters.cell === null || inCell(entry, filters.cell)) &&
      (needle === '' ||
        entry.title.toLowerCase().includes(needle) ||
        entry.id.toLowerCase().includes(needle)),
  )
}

type Deadline = RiskEntry['deadlines'][number]

const SETTLED = new Set(['met', 'met-late'])

/** The deadline to show in the list: the nearest one still to meet (a missed one first). */
export const nextDeadline = (entry: RiskEntry): Deadline | undefined =>
  entry.deadlines
    .filter((deadline) => !SETTLED.has(deadline.state))
    .reduce<Deadline | undefined>(
      (nearest, deadline) =>
        nearest === undefined || deadline.daysRemaining < nearest.daysRemaining
          ? deadline
          : nearest,
      undefined,
    )
