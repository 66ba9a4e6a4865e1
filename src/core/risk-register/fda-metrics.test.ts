import { describe, expect, it } from 'vitest'

import { validModel, type MinimalModel } from '../../../test/support/rule-harness.js'
import type { InstalledBaseEntry } from '../installed-base/index.js'
import type { DeviceModel } from '../model/index.js'
import { computeFdaMetrics, type EvaluatedFinding } from './fda-metrics.js'
import { countMetricsBuckets, fdaMetricsByPeriod, metricsBuckets } from './fda-metrics-periods.js'

type Release = Omit<MinimalModel['releases'][number], 'milestones'>

/**
 * 1.0 (2024-01-01) ships A; 1.1 (2024-03-01) fixes A; 2.0 (2025-01-01) fixes B, which 1.0 and 1.1
 * carry. C never affected anything; D is open. Every figure below is counted by hand.
 */
const model = (): DeviceModel =>
  validModel((draft) => {
    const release = (version: string, date: string): Release => ({
      version,
      date,
      changeType: 'security-patch',
      sboms: ['pump-sbom'],
    })
    draft.releases.push(
      release('1.1', '2024-03-01') as MinimalModel['releases'][number],
      release('2.0', '2025-01-01') as MinimalModel['releases'][number],
    )
    draft.findingAssessments = [
      { finding: 'A@freertos', status: 'fixed', releases: ['1.1', '2.0'] },
      {
        finding: 'B@freertos',
        status: 'affected',
        releases: ['1.0', '1.1'],
        identified: '2024-06-01',
      },
      { finding: 'B@freertos', status: 'fixed', releases: ['2.0'] },
      { finding: 'D@freertos', status: 'under_investigation', date: '2024-12-01' },
    ] as unknown as MinimalModel['findingAssessments']
  })

/** The store's evaluation: A first seen 2024-01-11 on 1.0; C not affected. */
const evaluated: EvaluatedFinding[] = [
  { finding: 'A@freertos', release: '1.0', vexStatus: 'affected', firstSeen: '2024-01-11' },
  { finding: 'A@freertos', release: '1.1', vexStatus: 'fixed', firstSeen: '2024-03-02' },
  { finding: 'C@freertos', release: '1.0', vexStatus: 'not_affected', firstSeen: '2024-02-01' },
]

const entry = (
  customer: string,
  site: string,
  release: string,
  deployedOn: string,
  retiredOn?: string,
): InstalledBaseEntry => ({
  customer,
  site,
  release,
  units: 2,
  deployedOn,
  ...(retiredOn === undefined ? {} : { retiredOn }),
})

const installedBase: InstalledBaseEntry[] = [
  // Upgraded to the fix on 2024-03-20.
  entry('Acme', 'North', '1.0', '2024-01-05', '2024-03-20'),
  entry('Acme', 'North', '1.1', '2024-03-20'),
  // Took its 1.0 pumps out of service on 2024-04-10 without replacing them.
  entry('Acme', 'South', '1.0', '2024-01-05', '2024-04-10'),
  // Started on the fixed 1.1 (not exposed to A); still runs 1.1, which carries B.
  entry('Beta', 'Main', '1.1', '2024-05-01'),
]

describe('FDA metrics from the stored findings, the triage and the installed base', () => {
  it('counts percentage patched, mean days to patch and to full deployment', () => {
    const metrics = computeFdaMetrics(
      model(),
      {},
      { findings: evaluated, installedBase, asOf: '2025-06-30' },
    )
    expect(metrics.vulnerabilities.map((item) => item.finding)).toEqual([
      'A@freertos',
      'B@freertos',
      'D@freertos',
    ])
    expect(metrics).toMatchObject({
      identified: 3,
      patched: 2,
      percentPatched: 66.7,
      // A: 2024-01-11 -> 2024-03-01 = 50 days; B: 2024-06-01 -> 2025-01-01 = 214 days.
      meanDaysToPatch: 132,
      patchDurations: 2,
      // A: the last exposed site (Acme South) left 1.0 on 2024-04-10, 40 days after the fix.
      meanDaysToDeploy: 40,
      deployDurations: 1,
      // B: Acme North and Beta Main still run 1.1.
      deploymentsPending: 1,
    })
    expect(metrics.vulnerabilities[0]).toEqual({
      finding: 'A@freertos',
      identified: '2024-01-11',
      fixedIn: '1.1',
      patchAvailable: '2024-03-01',
      fullyDeployed: '2024-04-10',
      deploymentSource: 'installed-base',
    })
    expect(metrics.vulnerabilities[1]).toMatchObject({ fixedIn: '2.0', sitesPending: 2 })
  })

  it('does not count a fix released after the day the figures are as of', () => {
    const metrics = computeFdaMetrics(
      model(),
      {},
      { findings: evaluated, installedBase, asOf: '2024-12-31' },
    )
    expect(metrics).toMatchObject({
      identified: 3,
      patched: 1,
      percentPatched: 33.3,
      meanDaysToPatch: 50,
    })
  })

  it("deploys once the last pending site upgrades, and falls back to the release's record", () => {
    const upgraded = [
      ...installedBase.map((item) =>
        item.release !== '1.1'
          ? item
          : { ...item, retiredOn: item.customer === 'Beta' ? '2025-02-15' : '2025-03-01' },
      ),
      entry('Beta', 'Main', '2.0', '2025-02-15'),
      entry('Acme', 'North', '2.0', '2025-03-01'),
    ]
    const metrics = computeFdaMetrics(
      model(),
      {},
      { findings: evaluated, installedBase: upgraded, asOf: '2025-06-30' },
    )
    // B: the last site (Acme North) upgraded 2025-03-01, 59 days after 2025-01-01; A still 40.
    expect(metrics).toMatchObject({
      meanDaysToDeploy: 49.5,
      deployDurations: 2,
      deploymentsPending: 0,
    })
    const noBase = computeFdaMetrics(model(), {}, { findings: evaluated, asOf: '2025-06-30' })
    expect(noBase).toMatchObject({ deployDurations: 0, meanDaysToDeploy: null })
  })

  it('puts each vulnerability in the period it was identified in', () => {
    const { total, periods } = fdaMetricsByPeriod(
      model(),
      { from: '2024-01-01', to: '2024-12-31', bucket: 'quarter' },
      { findings: evaluated, installedBase, asOf: '2025-06-30' },
    )
    expect(total.identified).toBe(3)
    expect(
      periods.map((period) => [
        period.label,
        period.metrics.identified,
        period.metrics.percentPatched,
        period.metrics.meanDaysToPatch,
      ]),
    ).toEqual([
      ['2024-Q1', 1, 100, 50],
      ['2024-Q2', 1, 100, 214],
      ['2024-Q3', 0, null, null],
      ['2024-Q4', 1, 0, null],
    ])
  })
})

describe('metrics buckets', () => {
  it('cuts months, quarters and years, clipped to the range', () => {
    expect(metricsBuckets('2024-02-15', '2024-04-10', 'month')).toEqual([
      { label: '2024-02', from: '2024-02-15', to: '2024-02-29' },
      { label: '2024-03', from: '2024-03-01', to: '2024-03-31' },
      { label: '2024-04', from: '2024-04-01', to: '2024-04-10' },
    ])
    expect(metricsBuckets('2023-11-01', '2025-02-01', 'year').map((b) => b.label)).toEqual([
      '2023',
      '2024',
      '2025',
    ])
    expect(countMetricsBuckets('2024-02-15', '2024-04-10', 'month')).toBe(3)
    expect(countMetricsBuckets('2023-11-01', '2024-01-01', 'quarter')).toBe(2)
  })
})
