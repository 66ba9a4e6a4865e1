import { useRef, type KeyboardEvent } from 'react'

import { useMessages } from '../../i18n/messages.js'
import { termOf } from '../../i18n/common.js'
import { sameCell, type CellFilter, type HeatmapRow, type RiskStage } from './heatmap-cells.js'
import { messages } from './messages.js'

const CELL_W = 46
const CELL_H = 28
const LABEL_W = 68
const TOP = 16
const FOOT = 58

/**
 * The policy's risk matrix with the register's risks counted in it: exploitability up,
 * severity across. Each cell carries the acceptability letter besides its colour, is a button
 * that narrows the list to its risks, and says in words what it holds. Arrow keys move between
 * cells (one tab stop for the whole matrix).
 */
export const RiskHeatmap = ({
  title,
  stage,
  rows,
  severities,
  selected,
  onSelect,
}: {
  readonly title: string
  readonly stage: RiskStage
  readonly rows: readonly HeatmapRow[]
  readonly severities: readonly string[]
  readonly selected: CellFilter | null
  readonly onSelect: (cell: CellFilter | null) => void
}) => {
  const t = useMessages(messages)
  const svg = useRef<SVGSVGElement>(null)
  const width = LABEL_W + severities.length * CELL_W + 4
  const height = TOP + rows.length * CELL_H + FOOT
  const selectedAt = rows.flatMap((row, r) =>
    row.cells.flatMap((cell, c) =>
      sameCell(selected, { stage, exploitability: cell.exploitability, severity: cell.severity })
        ? [`${String(r)}-${String(c)}`]
        : [],
    ),
  )[0]
  const tabStop = selectedAt ?? '0-0'

  const move = (event: KeyboardEvent, r: number, c: number) => {
    const moves: Record<string, [number, number]> = {
      ArrowUp: [r - 1, c],
      ArrowDown: [r + 1, c],
      ArrowLeft: [r, c - 1],
      ArrowRight: [r, c + 1],
    }
    const target = moves[event.key]
    if (target === undefined) return
    event.preventDefault()
    const [nr, nc] = target
    if (nr < 0 || nc < 0 || nr >= rows.length || nc >= severities.length) return
    svg.current?.querySelector<SVGGElement>(`[data-cell="${String(nr)}-${String(nc)}"]`)?.focus()
  }

  return (
    <figure className="risks-heatmap">
      <figcaption>{title}</figcaption>
      <svg
        ref={svg}
        role="group"
        aria-label={t.heatmapOf(title)}
        width={width}
        height={height}
        viewBox={`0 0 ${String(width)} ${String(height)}`}
      >
        <text x={2} y={11} className="risks-axis">
          {t.axisExploitability}
        </text>
        {rows.map((row, r) => (
          <g key={row.exploitability}>
            <text
              x={LABEL_W - 6}
              y={TOP + r * CELL_H + CELL_H / 2 + 4}
              textAnchor="end"
              className="risks-label"
            >
              {row.name.length > 11 ? `${row.name.slice(0, 10)}…` : row.name}
              <title>{row.name}</title>
            </text>
            {row.cells.map((cell, c) => {
              const filter = { stage, exploitability: cell.exploitability, severity: cell.severity }
              const on = sameCell(selected, filter)
              const key = `${String(r)}-${String(c)}`
              const rating = termOf(t, 'rating', cell.acceptability)
              return (
                <g
                  key={cell.severity}
                  role="button"
                  data-cell={key}
                  tabIndex={key === tabStop ? 0 : -1}
                  aria-pressed={on}
                  aria-label={t.cellLabel(
                    cell.exploitabilityName,
                    cell.severity,
                    cell.count,
                    rating,
                  )}
                  className={`risks-cell risks-cell-${cell.acceptability}${on ? ' selected' : ''}`}
                  transform={`translate(${String(LABEL_W + c * CELL_W)} ${String(TOP + r * CELL_H)})`}
                  onClick={() => {
                    onSelect(on ? null : filter)
                  }}
                  onKeyDown={(event) => {
                    if (event.key === 'Enter' || event.key === ' ') {
                      event.preventDefault()
                      onSelect(on ? null : filter)
                    } else {
                      move(event, r, c)
                    }
                  }}
                >
                  <rect width={CELL_W - 2} height={CELL_H - 2} rx={3} />
                  <text x={4} y={11} className="risks-letter">
                    {cell.acceptability}
                  </text>
                  {cell.count > 0 && (
                    <text
                      x={(CELL_W - 2) / 2}
                      y={CELL_H / 2 + 5}
                      textAnchor="middle"
                      className="risks-count"
                    >
                      {cell.count}
                    </text>
                  )}
                </g>
              )
            })}
          </g>
        ))}
        {severities.map((severity, c) => (
          <text
            key={severity}
            className="risks-label"
            textAnchor="end"
            transform={`translate(${String(LABEL_W + c * CELL_W + CELL_W / 2 + 4)} ${String(TOP + rows.length * CELL_H + 6)}) rotate(-35)`}
          >
            {severity.length > 13 ? `${severity.slice(0, 12)}…` : severity}
            <title>{severity}</title>
          </text>
        ))}
        <text x={width - 2} y={height - 3} textAnchor="end" className="risks-axis">
          {t.axisSeverity}
        </text>
      </svg>
    </figure>
  )
}
