import { paragraph, section, type DocumentSection } from '../../documents/index.js'
import { addMonths } from '../../lifecycle/index.js'
import {
  computeFdaMetrics,
  computeUpdateOversight,
  daysToDeployOf,
  daysToPatchOf,
  evaluateRiskRegister,
  type FdaMetrics,
} from '../../risk-register/index.js'
import type { DeliverablePart } from '../deliverable.js'
import { metricsEvidence } from '../pma-annual-report/index.js'
import type { ReportContext } from '../report-context.js'
import { fdaDocument } from './fda-document.js'
import { column, table } from './table-helpers.js'

/** FDA suggests averages over several windows; these end on the document date. */
const WINDOWS: readonly { readonly label: string; readonly months?: number }[] = [
  { label: 'All vulnerabilities' },
  { label: 'Identified in the last 12 months', months: 12 },
  { label: 'Identified in the last 36 months', months: 36 },
]

const fdaMetrics = (ctx: ReportContext): DocumentSection => {
  const windows = WINDOWS.map((window) => ({
    window,
    metrics:
      window.months === undefined
        ? computeFdaMetrics(ctx.model, {}, metricsEvidence(ctx))
        : computeFdaMetrics(
            ctx.model,
            { from: addMonths(ctx.date, -window.months), to: ctx.date },
            metricsEvidence(ctx),
          ),
  }))
  const all = windows[0]?.metrics
  return section('fda-metrics', 'FDA premarket metrics', [
    paragraph(
      'FDA premarket guidance (section VII.B) asks manufacturers to track and report the percentage of identified vulnerabilities that are updated or patched, the time from identification to an available update or patch, and the time from availability to full deployment in the field, to the extent known, as averages. A release that fixed a vulnerability before it was identified is counted as patched but left out of the mean time to patch.',
    ),
    table({
      title: 'FDA metrics',
      columns: [
        column('window', 'Period', 'text', 30),
        column('from', 'From', 'date', 11),
        column('to', 'To', 'date', 11),
        column('identified', 'Identified', 'number', 10),
        column('patched', 'Patched', 'number', 10),
        column('percentPatched', 'Patched (%)', 'number', 10),
        column('meanDaysToPatch', 'Mean days to patch', 'number', 10),
        column('patchDurations', 'Durations known', 'number', 10),
        column('meanDaysToDeploy', 'Mean days to full deployment', 'number', 10),
        column('deployDurations', 'Deployments known', 'number', 10),
      ],
      rows: windows.map(({ window, metrics }) => ({
        window: window.label,
        from: metrics.from ?? null,
        to: metrics.to ?? null,
        identified: metrics.identified,
        patched: metrics.patched,
        percentPatched: metrics.percentPatched,
        meanDaysToPatch: metrics.meanDaysToPatch,
        patchDurations: metrics.patchDurations,
        meanDaysToDeploy: metrics.meanDaysToDeploy,
        deployDurations: metrics.deployDurations,
      })),
      gapCell: (row, key) =>
        key === 'meanDaysToDeploy' && row['meanDaysToDeploy'] === null && row['patched'] !== 0,
      notes: [
        `Computed on ${ctx.date} from the finding assessments and release dates of the device model.`,
      ],
    }),
    ...(all === undefined ? [] : [timelines(all)]),
  ])
}

const timelines = (metrics: FdaMetrics) =>
  table({
    title: 'Vulnerability timelines',
    columns: [
      column('finding', 'Vulnerability', 'text', 30),
      column('identified', 'Identified', 'date', 11),
      column('fixedIn', 'Fixed in release', 'text', 10),
      column('patchAvailable', 'Patch available', 'date', 11),
      column('daysToPatch', 'Days to patch', 'number', 8),
      column('fullyDeployed', 'Fully deployed', 'date', 11),
      column('daysToDeploy', 'Days to deploy', 'number', 8),
    ],
    rows: metrics.vulnerabilities.map((item) => ({
      finding: item.finding,
      identified: item.identified ?? null,
      fixedIn: item.fixedIn ?? '',
      patchAvailable: item.patchAvailable ?? null,
      daysToPatch: daysToPatchOf(item),
      fullyDeployed: item.fullyDeployed ?? null,
      daysToDeploy: daysToDeployOf(item),
    })),
    gapCell: (row, key) => key === 'identified' && row['identified'] === null,
    alertCell: (row, key) => key === 'fixedIn' && row['fixedIn'] === '',
  })

const oversight = (ctx: ReportContext): DocumentSection => {
  // The levels need the risks every fix removed, so the register covers all releases here.
  const register = evaluateRiskRegister(ctx.model, ctx.threats, ctx.policy, { today: ctx.date })
  const releases = computeUpdateOversight(ctx.model, register)
  return section('update-oversight', 'IMDRF N60 update oversight per release', [
    paragraph(
      'IMDRF N60 (2020) grades the regulatory oversight of a software update by what it fixes: low for security hygiene only, medium for fixing a vulnerability whose patient-harm risk was acceptable, high for fixing an unacceptable one; a release takes the highest level of its changes. Undetermined means a change has no risk evaluation.',
    ),
    releases.length === 0
      ? paragraph('The model has a single release: there is no update to grade.')
      : table({
          title: 'Update oversight',
          columns: [
            column('release', 'Release', 'text', 10),
            column('date', 'Date', 'date', 11),
            column('level', 'Oversight level', 'text', 12),
            column('changes', 'Security changes', 'text', 70),
          ],
          rows: releases.map((release) => ({
            release: release.release,
            date: release.date,
            level: release.level,
            changes: release.changes
              .map((change) => `${change.level}: ${change.reason}`)
              .join('; '),
          })),
          gapCell: (row, key) => key === 'level' && row['level'] === 'undetermined',
          alertCell: (row, key) => key === 'level' && row['level'] === 'high',
        }),
  ])
}

export const buildMetrics = (ctx: ReportContext): DeliverablePart =>
  fdaDocument(ctx, 'cybersecurity-metrics', [fdaMetrics(ctx), oversight(ctx)])
