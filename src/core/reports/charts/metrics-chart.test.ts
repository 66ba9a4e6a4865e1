import { describe, expect, it } from 'vitest'

import type { FdaMetrics, MetricsPeriod } from '../../risk-register/index.js'
import { metricsChartLayout, metricsChartSvg } from './metrics-chart.js'

const period = (
  label: string,
  figures: Pick<FdaMetrics, 'meanDaysToPatch' | 'meanDaysToDeploy' | 'percentPatched'>,
): MetricsPeriod => ({
  label,
  from: '2024-01-01',
  to: '2024-03-31',
  metrics: {
    identified: 1,
    patched: 1,
    patchDurations: 1,
    fixedBeforeIdentified: 0,
    deployDurations: 1,
    deploymentsPending: 0,
    vulnerabilities: [],
    ...figures,
  },
})

const PERIODS = [
  period('2024-Q1', { meanDaysToPatch: 50, meanDaysToDeploy: 40, percentPatched: 100 }),
  period('2024-Q2', { meanDaysToPatch: 214, meanDaysToDeploy: null, percentPatched: 50 }),
  period('<Q3>', { meanDaysToPatch: null, meanDaysToDeploy: null, percentPatched: null }),
]

describe('metrics chart', () => {
  it('scales bars to a round maximum and leaves out what is unknown', () => {
    const layout = metricsChartLayout(PERIODS)
    expect(layout.maxDays).toBe(500)
    const [q1, q2, q3] = layout.periods
    const plotHeight = layout.plot.bottom - layout.plot.top
    expect(q1?.patch?.height).toBeCloseTo((50 / 500) * plotHeight, 0)
    expect(q2?.patch?.height).toBeCloseTo((214 / 500) * plotHeight, 0)
    expect(q2?.deploy).toBeUndefined()
    expect(q3?.patch).toBeUndefined()
    expect(q3?.percent).toBeUndefined()
    // 100% sits on the top of the plot, 50% halfway.
    expect(q1?.percent?.y).toBe(layout.plot.top)
    expect(q2?.percent?.y).toBeCloseTo(layout.plot.top + plotHeight / 2, 0)
  })

  it('writes standalone SVG with the labels escaped', () => {
    const svg = metricsChartSvg(PERIODS, {
      title: 'FDA metrics',
      daysToPatch: 'Mean days to patch',
      daysToDeploy: 'Mean days to full deployment',
      percentPatched: 'Patched (%)',
      days: 'days',
    })
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    expect(svg).toContain('&#60;Q3&#62;')
    expect(svg).not.toContain('<Q3>')
    expect(svg.match(/<rect x=/g)).toHaveLength(3 + 3)
  })

  it('labels only as many periods as fit on the axis, never overlapping', () => {
    const quarters = Array.from({ length: 12 }, (_, index) =>
      period(`${String(2024 + Math.floor(index / 4))}-Q${String((index % 4) + 1)}`, {
        meanDaysToPatch: null,
        meanDaysToDeploy: null,
        percentPatched: null,
      }),
    )
    const labelled = metricsChartLayout(quarters).periods.filter((entry) => entry.labelShown)
    expect(labelled[0]?.label).toBe('2024-Q1')
    expect(labelled.length).toBeLessThan(12)
    // Neighbouring labels (7 characters of ~6.5 px) are at least their width apart.
    for (const [index, entry] of labelled.slice(1).entries()) {
      expect(entry.labelX - (labelled[index]?.labelX ?? 0)).toBeGreaterThanOrEqual(7 * 6.5)
    }
    expect(metricsChartLayout(PERIODS).periods.every((entry) => entry.labelShown)).toBe(true)
  })
})
