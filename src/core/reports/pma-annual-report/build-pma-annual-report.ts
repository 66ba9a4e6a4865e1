import {
  needsInput,
  note,
  paragraph,
  section,
  tableBlock,
  type Block,
  type DocumentSection,
} from '../../documents/index.js'
import { exposureByRelease } from '../../installed-base/index.js'
import { addYears } from '../../lifecycle/index.js'
import {
  daysToPatchOf,
  fdaMetricsByPeriod,
  type FdaMetrics,
  type FdaMetricsEvidence,
  type MetricsPeriod,
} from '../../risk-register/index.js'
import { metricsChartSvg } from '../charts/index.js'
import type { DeliverablePart } from '../deliverable.js'
import { documentFrame } from '../document-frame.js'
import type { ReportContext } from '../report-context.js'

/** What the metrics are computed from, as the context has it. */
export const metricsEvidence = (ctx: ReportContext): FdaMetricsEvidence => ({
  asOf: ctx.date,
  ...(ctx.evaluatedFindings === undefined ? {} : { findings: ctx.evaluatedFindings }),
  ...(ctx.installedBase === undefined ? {} : { installedBase: ctx.installedBase }),
})

/** The day after `date`. */
const nextDay = (date: string): string => {
  const day = new Date(`${date}T00:00:00Z`)
  day.setUTCDate(day.getUTCDate() + 1)
  return day.toISOString().slice(0, 10)
}

const DEFINITIONS = [
  'Percentage patched: vulnerabilities identified in the period for which a release with VEX status fixed was available by the end of the reporting period, out of all vulnerabilities identified in the period that affected a release (those triaged only as not affected are not counted).',
  "Identified: the earliest of the triage's identification date (else its assessment date) and the day medcyber's evaluation of the release against the advisory feeds first found the vulnerability.",
  'Time to patch: days from identification to the date of the first release that fixes the vulnerability. A release that fixed it before it was identified counts as patched but not in the mean.',
  "Time to deploy: days from the fixing release to full deployment. Full deployment is the day the last site of the installed base that still ran an affected release when the fix came out stopped running one (it put a fixed release in service, or took the affected units out of service). Without an installed base showing such sites, the release's own recorded full-deployment date is used; otherwise the time is unknown and the vulnerability is left out of the mean (FDA: 'to the extent known').",
]

const metricsRow = (label: string, metrics: FdaMetrics) => ({
  period: label,
  from: metrics.from ?? null,
  to: metrics.to ?? null,
  identified: metrics.identified,
  patched: metrics.patched,
  percentPatched: metrics.percentPatched,
  meanDaysToPatch: metrics.meanDaysToPatch,
  patchDurations: metrics.patchDurations,
  meanDaysToDeploy: metrics.meanDaysToDeploy,
  deployDurations: metrics.deployDurations,
  deploymentsPending: metrics.deploymentsPending,
})

const metricsTable = (total: FdaMetrics, periods: readonly MetricsPeriod[]): Block =>
  tableBlock(
    {
      title: 'FDA metrics by quarter',
      columns: [
        { key: 'period', title: 'Period', type: 'text', width: 16 },
        { key: 'from', title: 'From', type: 'date', width: 11 },
        { key: 'to', title: 'To', type: 'date', width: 11 },
        { key: 'identified', title: 'Identified', type: 'number', width: 10 },
        { key: 'patched', title: 'Patched', type: 'number', width: 10 },
        { key: 'percentPatched', title: 'Patched (%)', type: 'number', width: 10 },
        { key: 'meanDaysToPatch', title: 'Mean days to patch', type: 'number', width: 10 },
        { key: 'patchDurations', title: 'Patch times known', type: 'number', width: 10 },
        {
          key: 'meanDaysToDeploy',
          title: 'Mean days to full deployment',
          type: 'number',
          width: 12,
        },
        { key: 'deployDurations', title: 'Deployments known', type: 'number', width: 10 },
        { key: 'deploymentsPending', title: 'Deployments pending', type: 'number', width: 10 },
      ],
      rows: [
        ...periods.map((period) => metricsRow(period.label, period.metrics)),
        metricsRow('Reporting period', total),
      ],
    },
    { caption: 'FDA metrics by quarter of the reporting period' },
  )

const timelinesTable = (metrics: FdaMetrics): Block => {
  const rows = metrics.vulnerabilities.map((item) => ({
    finding: item.finding,
    identified: item.identified ?? null,
    fixedIn: item.fixedIn ?? '',
    patchAvailable: item.patchAvailable ?? null,
    daysToPatch: daysToPatchOf(item),
    fullyDeployed: item.fullyDeployed ?? null,
    deployment:
      item.sitesPending !== undefined
        ? `${String(item.sitesPending)} site(s) pending`
        : item.deploymentSource === 'installed-base'
          ? 'installed base'
          : item.deploymentSource === 'model'
            ? 'release record'
            : '',
  }))
  return tableBlock(
    {
      title: 'Vulnerabilities identified in the reporting period',
      columns: [
        { key: 'finding', title: 'Vulnerability', type: 'text', width: 34 },
        { key: 'identified', title: 'Identified', type: 'date', width: 11 },
        { key: 'fixedIn', title: 'Fixed in release', type: 'text', width: 10 },
        { key: 'patchAvailable', title: 'Patch available', type: 'date', width: 11 },
        { key: 'daysToPatch', title: 'Days to patch', type: 'number', width: 8 },
        { key: 'fullyDeployed', title: 'Fully deployed', type: 'date', width: 11 },
        { key: 'deployment', title: 'Deployment known from', type: 'text', width: 20 },
      ],
      rows,
    },
    {
      caption: 'Vulnerabilities identified in the reporting period',
      highlights: rows.flatMap((row, index) =>
        row.fixedIn === '' ? [{ row: index, column: 'fixedIn', tone: 'alert' as const }] : [],
      ),
    },
  )
}

const installedBaseSection = (ctx: ReportContext): DocumentSection => {
  if (ctx.installedBase === undefined || ctx.installedBase.length === 0) {
    return section('installed-base', 'Installed base', [
      needsInput(
        "The installed base (which customers run which releases) is not known: import it on the team server (PUT /api/products/{id}/installed-base) so deployment is measured across the field rather than taken from the releases' records.",
      ),
    ])
  }
  const exposure = exposureByRelease(
    ctx.installedBase,
    ctx.date,
    ctx.model.releases.map((release) => release.version),
  )
  return section('installed-base', 'Installed base', [
    paragraph(`Devices in service on ${ctx.date}, per release.`),
    tableBlock(
      {
        title: 'Installed base per release',
        columns: [
          { key: 'release', title: 'Release', type: 'text', width: 12 },
          { key: 'customers', title: 'Customers', type: 'number', width: 12 },
          { key: 'sites', title: 'Sites', type: 'number', width: 12 },
          { key: 'units', title: 'Units', type: 'number', width: 12 },
        ],
        rows: exposure.map((item) => ({ ...item })),
      },
      { caption: 'Installed base per release' },
    ),
  ])
}

/**
 * The cybersecurity section of a PMA annual report (21 CFR 814.84): FDA's premarket guidance
 * (section VII.B) asks for the vulnerability metrics to be reported there. The reporting period
 * is the year ending on the document date, by quarter, with the table, the chart as a figure,
 * each vulnerability's timeline and the installed base. English: FDA reviews in English.
 */
export const buildPmaAnnualReport = (ctx: ReportContext): DeliverablePart[] => {
  const to = ctx.date
  const from = nextDay(addYears(to, -1))
  const { total, periods } = fdaMetricsByPeriod(
    ctx.model,
    { from, to, bucket: 'quarter' },
    metricsEvidence(ctx),
  )
  const svg = metricsChartSvg(periods, {
    title: 'FDA metrics by quarter',
    daysToPatch: 'Mean days to patch',
    daysToDeploy: 'Mean days to full deployment',
    percentPatched: 'Patched (%)',
    days: 'days',
  })
  const summary = periods
    .map(
      (p) =>
        `${p.label}: ${String(p.metrics.identified)} identified, ${p.metrics.percentPatched === null ? 'none' : `${String(p.metrics.percentPatched)}%`} patched`,
    )
    .join('; ')
  return [
    {
      kind: 'document',
      tree: {
        id: 'pma-annual-report-cybersecurity',
        title: 'PMA annual report: cybersecurity',
        subtitle: `Reporting period ${from} to ${to} (21 CFR 814.84)`,
        ...documentFrame(ctx, 'en'),
        sections: [
          section('period', 'Reporting period and method', [
            paragraph(
              `This section reports the cybersecurity metrics of ${ctx.model.product.name} for ${from} to ${to}. FDA's premarket cybersecurity guidance (section VII.B) recommends tracking the percentage of identified vulnerabilities that are updated or patched, the duration from vulnerability identification to when it is updated or patched, and the duration from when an update or patch is available to complete implementation in the field, and reporting them in PMA annual reports (21 CFR 814.84).`,
            ),
            ...DEFINITIONS.map((text) => paragraph(text)),
            ...(ctx.evaluatedFindings === undefined
              ? [
                  note(
                    'Vulnerabilities come from the triage in the device model only: no stored evaluation against the advisory feeds was given.',
                  ),
                ]
              : []),
          ]),
          section('metrics', 'Metrics', [
            metricsTable(total, periods),
            {
              kind: 'figure',
              svg,
              caption:
                'Mean days to patch and to full deployment (bars) and percentage patched (line), by quarter',
              alt: `Chart of the FDA metrics by quarter. ${summary}.`,
            },
            total.vulnerabilities.length === 0
              ? paragraph(
                  'No vulnerability affecting a release was identified in the reporting period.',
                )
              : timelinesTable(total),
          ]),
          installedBaseSection(ctx),
        ],
      },
    },
  ]
}
