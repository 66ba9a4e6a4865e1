import type { RiskEntry, RiskMatrix } from '../../api/types.js'

/** Which rating of a risk a heatmap places: before controls, or the residual risk after them. */
export type RiskStage = 'before' | 'residual'

export interface HeatmapCell {
  readonly exploitability: string
  readonly exploitabilityName: string
  readonly severity: string
  /** The acceptability matrix's letter: A acceptable, R acceptance required, U unacceptable. */
  readonly acceptability: string
  /** The control matrix's letter: C controlled, U uncontrolled (FDA). */
  readonly control: string
  readonly count: number
}

export interface HeatmapRow {
  readonly exploitability: string
  readonly name: string
  readonly cells: readonly HeatmapCell[]
}

/** A cell the list is narrowed to. */
export interface CellFilter {
  readonly stage: RiskStage
  readonly exploitability: string
  readonly severity: string
}

const keyOf = (exploitability: string, severity: string) => `${exploitability}\u0000${severity}`

/**
 * The matrix as a heatmap: one row per exploitability level, the most exploitable at the top
 * (the policy lists the least first), one column per severity, least severe first; each cell
 * with the policy's letters and how many risks the stage's rating puts there.
 */
export const heatmapRows = (
  matrix: RiskMatrix,
  entries: readonly RiskEntry[],
  stage: RiskStage,
): readonly HeatmapRow[] => {
  const counts = new Map<string, number>()
  for (const entry of entries) {
    const key = keyOf(entry[stage].exploitability, entry[stage].severity)
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return [...matrix.exploitability].reverse().map((level) => ({
    exploitability: level.id,
    name: level.name,
    cells: matrix.severities.map((severity, column) => ({
      exploitability: level.id,
      exploitabilityName: level.name,
      severity,
      acceptability: matrix.acceptabilityMatrix[level.id]?.[column] ?? '?',
      control: matrix.controlMatrix[level.id]?.[column] ?? '?',
      count: counts.get(keyOf(level.id, severity)) ?? 0,
    })),
  }))
}

/** Risks whose rating names a level or severity the matrix does not have (a policy mismatch). */
export const outsideMatrix = (
  matrix: RiskMatrix,
  entries: readonly RiskEntry[],
  stage: RiskStage,
): number => {
  const levels = new Set(matrix.exploitability.map((level) => level.id))
  const severities = new Set(matrix.severities)
  return entries.filter(
    (entry) => !levels.has(entry[stage].exploitability) || !severities.has(entry[stage].severity),
  ).length
}

export const inCell = (entry: RiskEntry, cell: CellFilter): boolean =>
  entry[cell.stage].exploitability === cell.exploitability &&
  entry[cell.stage].severity === cell.severity

export const sameCell = (a: CellFilter | null, b: CellFilter): boolean =>
  a !== null &&
  a.stage === b.stage &&
  a.exploitability === b.exploitability &&
  a.severity === b.severity
