import type { DeviceModel } from '../model/index.js'
import {
  cvssV3,
  deviceBranch,
  manufacturerOrigin,
  NEEDS_INPUT_NAMESPACE,
  releaseId,
} from '../reports/machine-readable/index.js'
import type { DisclosureEvent, DisclosureReport } from './report.js'

type Json = Record<string, unknown>

export interface AdvisoryDraftInput {
  readonly report: DisclosureReport
  readonly events: readonly DisclosureEvent[]
  /** The model of the product the report was assigned to. */
  readonly model: DeviceModel
  /** ISO 8601 instant the draft is made at (the generator date). */
  readonly now: string
}

/** What a report still lacks before an advisory can be drafted from it; empty when ready. */
export const advisoryDraftGaps = (report: DisclosureReport): string[] => [
  ...(report.verdict === 'accepted' ? [] : ['the report has not been accepted']),
  ...(report.productId === null ? ['no product is assigned'] : []),
  ...(report.affectedReleases.length === 0 ? ['no affected release is set'] : []),
]

/** Releases in the model's release order (by date), then any the model does not list. */
const inModelOrder = (model: DeviceModel, releases: readonly string[]): string[] => {
  const known = [...model.releases]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((release) => release.version)
  return [...new Set(releases)].sort(
    (a, b) =>
      (known.includes(a) ? known.indexOf(a) : known.length) -
        (known.includes(b) ? known.indexOf(b) : known.length) || a.localeCompare(b),
  )
}

/** The releases affected and the one fixing it, never both for one release (CSAF 6.1.6). */
const releasesOf = (report: DisclosureReport, model: DeviceModel) => {
  const affected = inModelOrder(
    model,
    report.affectedReleases.filter((release) => release !== report.fixedIn),
  )
  const fixed = report.fixedIn === null ? [] : [report.fixedIn]
  return { affected, fixed, all: inModelOrder(model, [...affected, ...fixed]) }
}

/** Timeline events that changed what the advisory says, as its revisions. */
const REVISING = new Set(['state', 'assigned', 'assessed'])

const revisionHistory = (input: AdvisoryDraftInput): Json[] => {
  const revising = input.events.filter((event) => REVISING.has(event.kind))
  const entries = revising.length === 0 ? [{ at: input.now, note: 'Draft.' }] : revising
  return entries.map((event, index) => ({
    date: event.at,
    number: String(index + 1),
    summary: event.note === '' ? 'Draft updated.' : event.note.slice(0, 500),
  }))
}

const remediationsOf = (
  report: DisclosureReport,
  model: DeviceModel,
  releases: ReturnType<typeof releasesOf>,
): Json[] => {
  const ids = releases.affected.map((release) => releaseId(model, release))
  if (ids.length === 0) return []
  const advice = report.remediation === null ? '' : ` ${report.remediation}`
  if (report.fixedIn !== null) {
    return [
      {
        category: 'vendor_fix',
        details: `Update to release ${report.fixedIn} of ${model.product.name}, which fixes it.${advice}`,
        product_ids: ids,
      },
    ]
  }
  return [
    {
      category: report.remediation === null ? 'none_available' : 'mitigation',
      details:
        report.remediation ?? `No release of ${model.product.name} fixes it yet; a fix is planned.`,
      product_ids: ids,
    },
  ]
}

const CVE_PATTERN = /^CVE-\d{4}-\d{4,}$/

const vulnerabilityOf = (input: AdvisoryDraftInput): Json => {
  const { report, model } = input
  const releases = releasesOf(report, model)
  const affectedIds = releases.affected.map((release) => releaseId(model, release))
  const cvss =
    report.cvssVector !== null && /^CVSS:3\.[01]\//.test(report.cvssVector)
      ? cvssV3(report.cvssVector)
      : undefined
  const remediations = remediationsOf(report, model, releases)
  const credited = report.creditReporter && report.reporterName !== null
  return {
    ...(credited
      ? {
          acknowledgments: [
            {
              names: [report.reporterName],
              summary: 'for reporting this vulnerability through coordinated disclosure',
            },
          ],
        }
      : {}),
    ...(report.cveId !== null && CVE_PATTERN.test(report.cveId) ? { cve: report.cveId } : {}),
    ...(report.cwe === null ? {} : { cwe: { id: report.cwe.id, name: report.cwe.name } }),
    ids: [{ system_name: `${model.product.manufacturer.name} CVD`, text: report.id }],
    notes: [{ category: 'description', title: 'Description', text: report.description }],
    product_status: {
      ...(affectedIds.length === 0 ? {} : { known_affected: affectedIds }),
      ...(releases.fixed.length === 0
        ? {}
        : { fixed: releases.fixed.map((release) => releaseId(model, release)) }),
    },
    ...(remediations.length === 0 ? {} : { remediations }),
    ...(cvss === undefined || affectedIds.length === 0
      ? {}
      : { scores: [{ products: affectedIds, cvss_v3: cvss }] }),
    title: report.title,
  }
}

/**
 * A CSAF 2.0 `csaf_security_advisory` drafted from a report's triage decisions: the assigned
 * product's affected and fixed releases, the CVSS v3 score of the decided vector, the CWE, a
 * vendor fix naming the fixing release, the finder's credit when they agreed to it, a revision
 * per decision of the timeline, and tracking status `draft` for people to finish and publish.
 * CSAF 2.0 has no place for CVSS 4.0, so a v4 vector is left out.
 */
export const buildAdvisoryDraft = (input: AdvisoryDraftInput): Json => {
  const { report, model } = input
  const manufacturer = model.product.manufacturer
  const origin = manufacturerOrigin(model)
  const history = revisionHistory(input)
  const releases = releasesOf(report, model)
  return {
    document: {
      category: 'csaf_security_advisory',
      csaf_version: '2.0',
      lang: 'en',
      title: `${model.product.name}: ${report.title}`,
      publisher: {
        category: 'vendor',
        name: manufacturer.name,
        namespace: origin ?? NEEDS_INPUT_NAMESPACE,
        ...(manufacturer.securityContact === undefined
          ? {}
          : { contact_details: manufacturer.securityContact }),
      },
      notes: [
        {
          category: 'summary',
          title: 'Summary',
          text: `A vulnerability reported to ${manufacturer.name} affects ${model.product.name} ${releases.affected.join(', ')}. This advisory gives the status of each release and what users can do.`,
        },
        ...(origin === undefined
          ? [
              {
                category: 'other',
                title: 'Needs input',
                text: 'Needs input: the publisher namespace is not the manufacturer’s, because the device model names no CVD policy address from which the manufacturer’s web origin could be taken.',
              },
            ]
          : []),
      ],
      tracking: {
        id: `${model.product.id}-cvd-${report.id}`,
        status: 'draft',
        version: String(history.length),
        initial_release_date: history[0]?.['date'],
        current_release_date: history[history.length - 1]?.['date'],
        revision_history: history,
        generator: { engine: { name: 'medcyber' }, date: input.now },
      },
    },
    product_tree: {
      branches: [
        {
          category: 'vendor',
          name: manufacturer.name,
          branches: [deviceBranch(model, releases.all)],
        },
      ],
    },
    vulnerabilities: [vulnerabilityOf(input)],
  }
}
