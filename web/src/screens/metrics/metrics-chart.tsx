import {
  CHART_COLOURS,
  metricsChartLayout,
} from '../../../../src/core/reports/charts/metrics-chart.js'
import type { ProductMetrics } from '../../api/metrics.js'
import { useMessages } from '../../i18n/messages.js'
import { messages } from './messages.js'

/**
 * The metrics as bars (mean days) and a line (percentage patched), drawn from the same layout as
 * the documents' figure. The table beside it carries the figures for screen readers.
 */
export const MetricsChart = ({ periods }: { readonly periods: ProductMetrics['periods'] }) => {
  const t = useMessages(messages)
  const layout = metricsChartLayout(periods as Parameters<typeof metricsChartLayout>[0])
  const { plot } = layout
  const points = layout.periods.flatMap((period) =>
    period.percent === undefined ? [] : [period.percent],
  )
  return (
    <figure className="metrics-chart">
      <svg
        viewBox={`0 0 ${String(layout.width)} ${String(layout.height)}`}
        role="img"
        aria-labelledby="metrics-chart-title metrics-chart-desc"
      >
        <title id="metrics-chart-title">{t.chartTitle}</title>
        <desc id="metrics-chart-desc">{t.chartDescription(periods.length)}</desc>
        {layout.dayTicks.map((tick) => (
          <g key={tick.value}>
            <line x1={plot.left} x2={plot.right} y1={tick.y} y2={tick.y} className="metrics-grid" />
            <text x={plot.left - 6} y={tick.y + 4} textAnchor="end" className="metrics-tick">
              {tick.value}
            </text>
            <text x={plot.right + 6} y={tick.y + 4} className="metrics-tick">
              {Math.round(((plot.bottom - tick.y) / (plot.bottom - plot.top)) * 100)}%
            </text>
          </g>
        ))}
        <text x={plot.left - 6} y={plot.top - 8} textAnchor="end" className="metrics-tick">
          {t.days}
        </text>
        {layout.periods.map((period) => (
          <g key={period.label}>
            {period.patch !== undefined && (
              <rect {...period.patch} fill={CHART_COLOURS.patch}>
                <title>{`${period.label}: ${t.meanDaysToPatch} ${String(period.patch.value)}`}</title>
              </rect>
            )}
            {period.deploy !== undefined && (
              <rect {...period.deploy} fill={CHART_COLOURS.deploy}>
                <title>{`${period.label}: ${t.meanDaysToDeploy} ${String(period.deploy.value)}`}</title>
              </rect>
            )}
            {period.labelShown && (
              <text
                x={period.labelX}
                y={plot.bottom + 16}
                textAnchor="middle"
                className="metrics-tick"
              >
                {period.label}
              </text>
            )}
          </g>
        ))}
        {points.length > 0 && (
          <polyline
            points={points.map((p) => `${String(p.x)},${String(p.y)}`).join(' ')}
            fill="none"
            stroke={CHART_COLOURS.percent}
            strokeWidth={2}
          />
        )}
        {points.map((p) => (
          <circle key={String(p.x)} cx={p.x} cy={p.y} r={3} fill={CHART_COLOURS.percent} />
        ))}
      </svg>
      <figcaption className="metrics-legend">
        <span>
          <i style={{ background: CHART_COLOURS.patch }} /> {t.meanDaysToPatch}
        </span>
        <span>
          <i style={{ background: CHART_COLOURS.deploy }} /> {t.meanDaysToDeploy}
        </span>
        <span>
          <i style={{ background: CHART_COLOURS.percent }} /> {t.percentPatched}
        </span>
      </figcaption>
    </figure>
  )
}
