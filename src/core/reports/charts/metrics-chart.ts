import type { MetricsPeriod } from '../../risk-register/index.js'

/** The chart's words, in the document's language. */
export interface MetricsChartText {
  readonly title: string
  readonly daysToPatch: string
  readonly daysToDeploy: string
  readonly percentPatched: string
  readonly days: string
}

export interface ChartBar {
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
  readonly value: number
}

/** Geometry of the metrics chart: bars for the mean days, a line for the percentage patched. */
export interface MetricsChartLayout {
  readonly width: number
  readonly height: number
  readonly plot: {
    readonly left: number
    readonly top: number
    readonly right: number
    readonly bottom: number
  }
  readonly maxDays: number
  readonly dayTicks: readonly { readonly y: number; readonly value: number }[]
  readonly periods: readonly {
    readonly label: string
    readonly labelX: number
    /** Whether the axis shows this period's label: with many periods, only every n-th fits. */
    readonly labelShown: boolean
    readonly patch?: ChartBar
    readonly deploy?: ChartBar
    /** The percentage point, absent when nothing was identified in the period. */
    readonly percent?: { readonly x: number; readonly y: number; readonly value: number }
  }[]
}

/** A round axis maximum at or above the largest value: 10, 20, 50, 100, 200, … */
const niceMax = (value: number): number => {
  if (value <= 10) return 10
  const power = 10 ** Math.floor(Math.log10(value))
  const step = [1, 2, 5, 10].find((factor) => factor * power >= value) ?? 10
  return step * power
}

const round = (value: number): number => Math.round(value * 10) / 10

/** Roughly the width of one character of the 11 px sans-serif axis labels, and a gap. */
const LABEL_CHAR_WIDTH = 6.5
const LABEL_GAP = 8

/**
 * The layout both the documents' SVG and the web app's chart draw from, so they show the same
 * picture. Pure arithmetic: a chart library would be more than this needs.
 */
export const metricsChartLayout = (
  periods: readonly MetricsPeriod[],
  size: { readonly width: number; readonly height: number } = { width: 640, height: 300 },
): MetricsChartLayout => {
  const plot = { left: 48, top: 44, right: size.width - 48, bottom: size.height - 40 }
  const values = periods.flatMap(({ metrics }) =>
    [metrics.meanDaysToPatch, metrics.meanDaysToDeploy].filter((v): v is number => v !== null),
  )
  const maxDays = niceMax(Math.max(0, ...values))
  const plotHeight = plot.bottom - plot.top
  const slot = (plot.right - plot.left) / Math.max(1, periods.length)
  const barWidth = Math.max(2, Math.min(24, slot * 0.35))
  const longestLabel = Math.max(0, ...periods.map(({ label }) => label.length))
  const labelEvery = Math.max(1, Math.ceil((longestLabel * LABEL_CHAR_WIDTH + LABEL_GAP) / slot))
  const yOfDays = (days: number): number => plot.bottom - (days / maxDays) * plotHeight
  const bar = (value: number | null, x: number): ChartBar | undefined =>
    value === null
      ? undefined
      : {
          x: round(x),
          y: round(yOfDays(value)),
          width: round(barWidth),
          height: round(plot.bottom - yOfDays(value)),
          value,
        }
  return {
    ...size,
    plot,
    maxDays,
    dayTicks: [0, 0.25, 0.5, 0.75, 1].map((share) => ({
      y: round(yOfDays(maxDays * share)),
      value: maxDays * share,
    })),
    periods: periods.map(({ label, metrics }, index) => {
      const center = plot.left + slot * (index + 0.5)
      const patch = bar(metrics.meanDaysToPatch, center - barWidth)
      const deploy = bar(metrics.meanDaysToDeploy, center)
      const percent =
        metrics.percentPatched === null
          ? undefined
          : {
              x: round(center),
              y: round(plot.bottom - (metrics.percentPatched / 100) * plotHeight),
              value: metrics.percentPatched,
            }
      return {
        label,
        labelX: round(center),
        labelShown: index % labelEvery === 0,
        ...(patch === undefined ? {} : { patch }),
        ...(deploy === undefined ? {} : { deploy }),
        ...(percent === undefined ? {} : { percent }),
      }
    }),
  }
}

const escapeXml = (text: string): string =>
  text.replace(/[<>&"']/g, (c) => `&#${String(c.charCodeAt(0))};`)

export const CHART_COLOURS = { patch: '#1f5fa8', deploy: '#e08a1e', percent: '#2e7d32' } as const

/** The metrics chart as standalone SVG text, for document figures. */
export const metricsChartSvg = (
  periods: readonly MetricsPeriod[],
  text: MetricsChartText,
): string => {
  const layout = metricsChartLayout(periods)
  const { plot } = layout
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${String(layout.width)}" height="${String(layout.height)}" viewBox="0 0 ${String(layout.width)} ${String(layout.height)}" font-family="sans-serif" font-size="11">`,
    `<title>${escapeXml(text.title)}</title>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
  ]
  for (const tick of layout.dayTicks) {
    parts.push(
      `<line x1="${String(plot.left)}" x2="${String(plot.right)}" y1="${String(tick.y)}" y2="${String(tick.y)}" stroke="#dddddd"/>`,
      `<text x="${String(plot.left - 6)}" y="${String(tick.y + 4)}" text-anchor="end">${String(tick.value)}</text>`,
      `<text x="${String(plot.right + 6)}" y="${String(tick.y + 4)}">${String(((plot.bottom - tick.y) / (plot.bottom - plot.top)) * 100)}%</text>`,
    )
  }
  const line: string[] = []
  for (const period of layout.periods) {
    for (const [bar, colour] of [
      [period.patch, CHART_COLOURS.patch],
      [period.deploy, CHART_COLOURS.deploy],
    ] as const) {
      if (bar === undefined) continue
      parts.push(
        `<rect x="${String(bar.x)}" y="${String(bar.y)}" width="${String(bar.width)}" height="${String(bar.height)}" fill="${colour}"/>`,
      )
    }
    if (period.percent !== undefined)
      line.push(`${String(period.percent.x)},${String(period.percent.y)}`)
    if (period.labelShown)
      parts.push(
        `<text x="${String(period.labelX)}" y="${String(plot.bottom + 16)}" text-anchor="middle">${escapeXml(period.label)}</text>`,
      )
  }
  if (line.length > 0) {
    parts.push(
      `<polyline points="${line.join(' ')}" fill="none" stroke="${CHART_COLOURS.percent}" stroke-width="2"/>`,
      ...line.map((point) => {
        const [x, y] = point.split(',')
        return `<circle cx="${x ?? '0'}" cy="${y ?? '0'}" r="3" fill="${CHART_COLOURS.percent}"/>`
      }),
    )
  }
  const legend: [string, string][] = [
    [text.daysToPatch, CHART_COLOURS.patch],
    [text.daysToDeploy, CHART_COLOURS.deploy],
    [text.percentPatched, CHART_COLOURS.percent],
  ]
  legend.forEach(([label, colour], index) => {
    const x = plot.left + index * 190
    parts.push(
      `<rect x="${String(x)}" y="10" width="10" height="10" fill="${colour}"/>`,
      `<text x="${String(x + 14)}" y="19">${escapeXml(label)}</text>`,
    )
  })
  parts.push(
    `<text x="${String(plot.left - 6)}" y="${String(plot.top - 8)}" text-anchor="end">${escapeXml(text.days)}</text>`,
    '</svg>',
  )
  return parts.join('')
}
