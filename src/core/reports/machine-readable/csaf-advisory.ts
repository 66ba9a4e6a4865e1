import type { Control, DeviceModel } from '../../model/index.js'
import { scoreCvss } from '../../risk/index.js'
import {
  componentBranches,
  resolveTriage,
  vexStatement,
  type VexStatement,
} from '../../vex/index.js'
import type { Finding } from '../../vulnerabilities/index.js'
import type { DeliverablePart } from '../deliverable.js'
import type { ReportContext } from '../report-context.js'
import { devicePurl, manufacturerOrigin } from './documented-release.js'

type Json = Record<string, unknown>

/** A valid URL that says what it is: the model has no web origin for the manufacturer. */
export const NEEDS_INPUT_NAMESPACE = 'https://needs-input.invalid/csaf-publisher-namespace'

const DISCLOSED: ReadonlySet<string> = new Set(['affected', 'fixed'])

const STATUS_ORDER = ['known_affected', 'fixed', 'under_investigation', 'known_not_affected']

/** A release's status over all its components with the flaw: the worst one speaks for it. */
const releaseStatus = (statements: readonly VexStatement[]): string => {
  const statuses = new Set(statements.map((statement) => statement.status))
  if (statuses.has('affected')) return 'known_affected'
  if (statuses.has('under_investigation')) return 'under_investigation'
  if (statuses.has('fixed')) return 'fixed'
  return 'known_not_affected'
}

export const releaseId = (model: DeviceModel, release: string): string =>
  `${model.product.id}@${release}`

/** Releases oldest first (by date, then model order), as the advisory lists them. */
const chronological = (model: DeviceModel): string[] =>
  model.releases
    .map((release, index) => ({ release, index }))
    .sort((a, b) => a.release.date.localeCompare(b.release.date) || a.index - b.index)
    .map((entry) => entry.release.version)

/** The device's branch of a product tree: one product per release, identified by its purl. */
export const deviceBranch = (model: DeviceModel, releases: readonly string[]): Json => ({
  category: 'product_name',
  name: model.product.name,
  branches: releases.map((release) => ({
    category: 'product_version',
    name: release,
    product: {
      product_id: releaseId(model, release),
      name: `${model.product.manufacturer.name} ${model.product.name} ${release}`,
      product_identification_helper: { purl: devicePurl(model, release) },
    },
  })),
})

const productTree = (
  model: DeviceModel,
  releases: readonly string[],
  componentIds: readonly string[],
): Json => {
  const manufacturer = model.product.manufacturer.name
  const components = model.components
    .filter((component) => componentIds.includes(component.id))
    .sort((a, b) => a.id.localeCompare(b.id))
  const vendors = componentBranches(
    model,
    components.map((component) => component.id),
  ) as { readonly name: string; readonly branches: readonly Json[] }[]
  const device = deviceBranch(model, releases)
  // The manufacturer's own components sit beside the device, under the one manufacturer vendor.
  const supplierBranches = vendors
    .filter((vendor) => vendor.name !== manufacturer)
    .sort((a, b) => a.name.localeCompare(b.name))
  return {
    branches: [
      {
        category: 'vendor',
        name: manufacturer,
        branches: [
          device,
          ...(vendors.find((vendor) => vendor.name === manufacturer)?.branches ?? []),
        ],
      },
      ...supplierBranches,
    ],
    relationships: releases.flatMap((release) =>
      components
        .filter((component) =>
          model.releases.some(
            (item) => item.version === release && (item.components ?? []).includes(component.id),
          ),
        )
        .map((component) => ({
          category: 'default_component_of',
          product_reference: component.id,
          relates_to_product_reference: releaseId(model, release),
          full_product_name: {
            product_id: `${component.id}@${releaseId(model, release)}`,
            name: `${component.name} ${component.version} as part of ${manufacturer} ${model.product.name} ${release}`,
          },
        })),
    ),
  }
}

/** The CVSS v3 vector to publish: the manufacturer's own before-control rating of the flaw in
 * the device, else the published one; CSAF 2.0 has no place for CVSS 4.0. */
const v3Vector = (statement: VexStatement, finding: Finding | undefined): string | undefined => {
  const candidates = [statement.triage.assessment.risk?.before.cvss, finding?.severity?.vector]
  return candidates.find((vector) => vector !== undefined && /^CVSS:3\.[01]\//.test(vector))
}

export const cvssV3 = (vector: string): Json | undefined => {
  const scored = scoreCvss(vector)
  if (!scored.ok) return undefined
  return {
    version: scored.value.version,
    vectorString: scored.value.vector,
    baseScore: scored.value.baseScore,
    baseSeverity: baseSeverity(scored.value.baseScore),
  }
}

const baseSeverity = (score: number): string =>
  score >= 9 ? 'CRITICAL' : score >= 7 ? 'HIGH' : score >= 4 ? 'MEDIUM' : score > 0 ? 'LOW' : 'NONE'

const controlsOf = (model: DeviceModel, statements: readonly VexStatement[]): Control[] => {
  const ids = new Set(statements.flatMap((statement) => statement.triage.assessment.controls ?? []))
  return model.controls
    .filter((control) => ids.has(control.id))
    .sort((a, b) => a.id.localeCompare(b.id))
}

/** Controls users take part in (compensating, information) are mitigations they can apply. */
const USER_CONTROL_KINDS: ReadonlySet<string> = new Set(['compensating', 'information'])

const controlText = (control: Control): string =>
  control.description === undefined ? control.name : `${control.name}: ${control.description}`

interface Grouped {
  readonly byRelease: Map<string, VexStatement[]>
  readonly status: Map<string, string>
}

const groupByRelease = (model: DeviceModel, statements: readonly VexStatement[]): Grouped => {
  const byRelease = new Map<string, VexStatement[]>()
  for (const release of chronological(model)) {
    const own = statements.filter((statement) => statement.triage.release === release)
    if (own.length > 0) byRelease.set(release, own)
  }
  const status = new Map([...byRelease].map(([release, own]) => [release, releaseStatus(own)]))
  return { byRelease, status }
}

const remediations = (model: DeviceModel, grouped: Grouped): Json[] => {
  const ids = (releases: readonly string[]): string[] =>
    releases.map((release) => releaseId(model, release))
  const releases = [...grouped.status.keys()]
  const affected = releases.filter((release) => grouped.status.get(release) === 'known_affected')
  const fixed = releases.filter((release) => grouped.status.get(release) === 'fixed')
  const result: Json[] = []
  if (fixed.length > 0) {
    result.push({
      category: 'vendor_fix',
      details: `Fixed in release ${fixed.join(', ')} of ${model.product.name}.`,
      product_ids: ids(fixed),
    })
  }
  if (affected.length === 0) return result
  const order = chronological(model)
  const fixing = fixed.filter((release) =>
    affected.some((old) => order.indexOf(release) > order.indexOf(old)),
  )
  const affectedStatements = affected.flatMap((release) => grouped.byRelease.get(release) ?? [])
  const responses = new Set(affectedStatements.flatMap((statement) => statement.responses))
  const actions = [
    ...new Set(
      affectedStatements.flatMap((statement) =>
        statement.action === undefined ? [] : [statement.action],
      ),
    ),
  ].join(' ')
  if (fixing.length > 0) {
    result.push({
      category: 'vendor_fix',
      details: `Update to release ${fixing.join(' or ')}, which fixes it.`,
      product_ids: ids(
        affected.filter((old) =>
          fixing.some((release) => order.indexOf(release) > order.indexOf(old)),
        ),
      ),
    })
  }
  if (responses.has('workaround_available')) {
    result.push({ category: 'workaround', details: actions, product_ids: ids(affected) })
  }
  for (const control of controlsOf(model, affectedStatements)) {
    if (!USER_CONTROL_KINDS.has(control.kind)) continue
    result.push({
      category: 'mitigation',
      details: controlText(control),
      product_ids: ids(affected),
    })
  }
  if (responses.has('will_not_fix')) {
    result.push({ category: 'no_fix_planned', details: actions, product_ids: ids(affected) })
  } else if (fixing.length === 0) {
    // No release fixes it yet, whatever is planned: CSAF's word for that is none_available.
    result.push({ category: 'none_available', details: actions, product_ids: ids(affected) })
  }
  return result
}

const scores = (
  model: DeviceModel,
  grouped: Grouped,
  findings: ReadonlyMap<string, Finding>,
): Json[] => {
  const byVector = new Map<string, string[]>()
  for (const [release, own] of grouped.byRelease) {
    if (grouped.status.get(release) === 'known_not_affected') continue
    const vector = own
      .map((statement) => v3Vector(statement, findings.get(statement.triage.finding)))
      .find((item) => item !== undefined)
    if (vector === undefined) continue
    byVector.set(vector, [...(byVector.get(vector) ?? []), releaseId(model, release)])
  }
  return [...byVector].flatMap(([vector, products]) => {
    const cvss = cvssV3(vector)
    return cvss === undefined ? [] : [{ products, cvss_v3: cvss }]
  })
}

const CVE_PATTERN = /^CVE-\d{4}-\d{4,}$/

/** `cve` for a CVE id; every other id and alias under `ids`. */
const identifiers = (vulnerability: string, scanned: Finding | undefined): Json => {
  const isCve = CVE_PATTERN.test(vulnerability)
  const aliases = (scanned?.aliases ?? []).filter((alias) => alias !== vulnerability).sort()
  const others = [...(isCve ? [] : [vulnerability]), ...aliases]
  return {
    ...(isCve ? { cve: vulnerability } : {}),
    ...(others.length === 0
      ? {}
      : { ids: others.map((text) => ({ system_name: text.split('-')[0] ?? 'advisory', text })) }),
  }
}

const threatsOf = (
  statements: readonly VexStatement[],
  affected: readonly string[],
  scanned: Finding | undefined,
): Json[] => {
  if (affected.length === 0) return []
  const impacts = [
    ...new Set(
      statements
        .filter((statement) => statement.status === 'affected')
        .flatMap((statement) => statement.triage.assessment.detail ?? []),
    ),
  ]
  return [
    ...(impacts.length === 0
      ? []
      : [{ category: 'impact', details: impacts.join(' '), product_ids: affected }]),
    ...(scanned?.kev === undefined
      ? []
      : [
          {
            category: 'exploit_status',
            details: `Listed in the CISA Known Exploited Vulnerabilities catalog since ${scanned.kev.dateAdded}.`,
            product_ids: affected,
          },
        ]),
  ]
}

const notesOf = (
  model: DeviceModel,
  vulnerability: string,
  grouped: Grouped,
  scanned: Finding | undefined,
): Json[] => {
  const statements = [...grouped.byRelease.values()].flat()
  const designControls = controlsOf(model, statements).filter(
    (control) => !USER_CONTROL_KINDS.has(control.kind),
  )
  const byRelease = [...grouped.byRelease]
    .map(
      ([release, own]) =>
        `${release} ${grouped.status.get(release) ?? ''} (${[...new Set(own.map((statement) => statement.triage.componentId))].join(', ')})`,
    )
    .join('; ')
  return [
    {
      category: 'summary',
      title: 'Assessment',
      text: `${model.product.manufacturer.name}'s assessment of ${vulnerability} in ${model.product.name}, by release: ${byRelease}.`,
    },
    ...(scanned?.summary === undefined
      ? []
      : [{ category: 'description', title: 'Description', text: scanned.summary }]),
    ...(designControls.length === 0
      ? []
      : [
          {
            category: 'details',
            title: 'Risk controls in the device',
            text: designControls.map(controlText).join(' '),
          },
        ]),
  ]
}

const vulnerabilityOf = (
  model: DeviceModel,
  vulnerability: string,
  grouped: Grouped,
  findings: ReadonlyMap<string, Finding>,
): Json => {
  const statements = [...grouped.byRelease.values()].flat()
  const scanned = statements
    .map((statement) => findings.get(statement.triage.finding))
    .find((finding) => finding !== undefined)
  const productStatus = Object.fromEntries(
    STATUS_ORDER.flatMap((key) => {
      const releases = [...grouped.status].filter(([, status]) => status === key)
      return releases.length === 0
        ? []
        : [[key, releases.map(([release]) => releaseId(model, release))]]
    }),
  )
  const affected = [...grouped.status]
    .filter(([, status]) => status === 'known_affected')
    .map(([release]) => releaseId(model, release))
  const items = remediations(model, grouped)
  const cvssScores = scores(model, grouped, findings)
  const threats = threatsOf(statements, affected, scanned)
  return {
    ...identifiers(vulnerability, scanned),
    notes: notesOf(model, vulnerability, grouped, scanned),
    product_status: productStatus,
    ...(items.length === 0 ? {} : { remediations: items }),
    ...(cvssScores.length === 0 ? {} : { scores: cvssScores }),
    ...(threats.length === 0 ? {} : { threats }),
  }
}

/** `CVE-2024-6387` for `infusion-pump` → `infusion-pump-cve-2024-6387`, the file stem too. */
const trackingId = (model: DeviceModel, vulnerability: string): string =>
  `${model.product.id}-${vulnerability}`.toLowerCase().replace(/[^+\-a-z0-9]+/g, '_')

const advisoryOf = (
  ctx: ReportContext,
  vulnerability: string,
  statements: readonly VexStatement[],
  findings: ReadonlyMap<string, Finding>,
): Json => {
  const { model } = ctx
  const manufacturer = model.product.manufacturer
  const timestamp = `${ctx.date}T00:00:00.000Z`
  const grouped = groupByRelease(model, statements)
  const releases = [...grouped.byRelease.keys()]
  const componentIds = [...new Set(statements.map((statement) => statement.triage.componentId))]
  const origin = manufacturerOrigin(model)
  return {
    document: {
      category: 'csaf_security_advisory',
      csaf_version: '2.0',
      lang: 'en',
      title: `${model.product.name}: ${vulnerability}`,
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
          text: `${vulnerability} affects or affected components of ${model.product.name} (${model.product.modelNumbers.join(', ')}). This advisory gives the status of each release and what users can do.`,
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
      ...(manufacturer.cvdPolicyUrl === undefined
        ? {}
        : {
            references: [
              {
                category: 'external',
                summary: 'Coordinated vulnerability disclosure policy',
                url: manufacturer.cvdPolicyUrl,
              },
            ],
          }),
      tracking: {
        id: trackingId(model, vulnerability),
        status: 'final',
        version: '1',
        initial_release_date: timestamp,
        current_release_date: timestamp,
        revision_history: [{ date: timestamp, number: '1', summary: 'Initial release.' }],
        generator: { engine: { name: 'medcyber' }, date: timestamp },
      },
    },
    product_tree: productTree(model, releases, componentIds),
    vulnerabilities: [vulnerabilityOf(model, vulnerability, grouped, findings)],
  }
}

/**
 * One CSAF 2.0 security advisory per vulnerability the manufacturer must disclose: those
 * affecting, or fixed in, the documented release. Each advisory gives every release's status
 * from the model's triage (with carry-over), so customers on older releases see theirs too.
 * Scan findings from the advisory store add descriptions, aliases, published vectors and KEV
 * listings; which vulnerabilities are disclosed is decided by the triage alone, because a scan
 * finding's status comes from that same triage.
 */
export const buildCsafAdvisories = (ctx: ReportContext): DeliverablePart[] => {
  const { model } = ctx
  const statements = resolveTriage(model).map((triage) => vexStatement(model, triage, ctx.date))
  const findings = new Map(
    (ctx.knownVulnerabilities?.findings ?? []).map((finding) => [finding.id, finding]),
  )
  const disclosed = [
    ...new Set(
      statements
        .filter(
          (statement) =>
            statement.triage.release === ctx.release && DISCLOSED.has(statement.status),
        )
        .map((statement) => statement.triage.vulnerability),
    ),
  ].sort()
  return disclosed.map((vulnerability) => {
    const advisory = advisoryOf(
      ctx,
      vulnerability,
      statements.filter((statement) => statement.triage.vulnerability === vulnerability),
      findings,
    )
    return {
      kind: 'data',
      id: trackingId(model, vulnerability),
      extension: 'csaf.json',
      data: advisory,
    }
  })
}
