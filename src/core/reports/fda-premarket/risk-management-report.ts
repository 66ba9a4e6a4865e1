import {
  bulletList,
  needsInput,
  note,
  paragraph,
  section,
  strong,
  type Block,
  type DocumentSection,
} from '../../documents/index.js'
import type { RiskEntry } from '../../risk-register/index.js'
import type { DeliverablePart } from '../deliverable.js'
import type { ReportContext } from '../report-context.js'
import {
  cite,
  FDA_DOCUMENT_TITLES,
  fdaDocument,
  LABELING_TITLE,
  releasePhrase,
  type FdaDocumentId,
} from './fda-document.js'
import { policyName, policyStatement } from './policy-text.js'
import { documentedRelease, releaseComponents } from './release-scope.js'
import { column, countOf, factTable, joined, table } from './table-helpers.js'

const scope = (ctx: ReportContext): DocumentSection => {
  const { product } = ctx.model
  const release = documentedRelease(ctx)
  const us = product.jurisdictions.US
  return section('scope', 'Scope', [
    paragraph(
      `This report summarizes the security risk management of ${product.name}, ${releasePhrase(ctx)}${release === undefined ? '' : ` (released ${release.date})`}, as of ${ctx.date}. It is drawn up from the device model and presents the threat model, the cybersecurity risk assessment, the software bill of materials, the assessment of known vulnerabilities and unresolved anomalies, the security architecture views and the security testing as separate documents of this set.`,
    ),
    factTable('Scope', [
      ['Product', product.name],
      ['Model numbers', product.modelNumbers.join(', ')],
      ['Manufacturer', product.manufacturer.name],
      ['Intended use', product.intendedUse.trim()],
      ['Device types', product.deviceTypes.join(', ')],
      ['Use environments', product.useEnvironments.join(', ')],
      ['Release documented', ctx.release ?? 'all releases'],
      [
        'US market',
        us === undefined
          ? 'not marketed in the US according to the model'
          : `class ${us.class}, ${us.pathway}${us.productCode === undefined ? '' : `, product code ${us.productCode}`}`,
      ],
    ]),
  ])
}

const cyberDevice = (ctx: ReportContext): DocumentSection => {
  const result = ctx.cyberDevice
  const criteria = [
    [
      '(c)(1) Includes software validated, installed or authorized by the sponsor',
      result.sponsorSoftware,
    ],
    ['(c)(2) Has the ability to connect to the internet', result.canConnectToInternet],
    [
      '(c)(3) Contains characteristics that could be vulnerable to cybersecurity threats',
      result.vulnerableCharacteristics,
    ],
  ] as const
  const excluded = result.canConnectToInternet.excluded
  return section('cyber-device', 'Cyber device determination (FD&C Act section 524B)', [
    paragraph(
      strong(
        `${ctx.model.product.name} ${result.isCyberDevice ? 'is' : 'is not'} a cyber device under section 524B(c) of the FD&C Act`,
      ),
      result.isCyberDevice
        ? ': all three criteria are met, so the requirements of section 524B(b) apply (postmarket plan, processes for updates and patches, and SBOM).'
        : ': not every criterion is met. FDA recommends the same documentation for devices with cybersecurity risk.',
    ),
    paragraph(
      'FDA reads "ability to connect to the internet" broadly: network, server and cloud connections, radio links (Wi-Fi, cellular, Bluetooth, BLE), magnetic inductive links and connectors capable of an internet connection (USB, Ethernet, serial), whether or not the connection is intended.',
    ),
    table({
      title: '524B criteria',
      columns: [
        column('criterion', 'Criterion', 'text', 40),
        column('met', 'Met', 'boolean', 8),
        column('evidence', 'Evidence from the device model', 'text', 60),
      ],
      rows: criteria.map(([criterion, value]) => ({
        criterion,
        met: value.met,
        evidence: value.evidence.join('; '),
      })),
      gapCell: (row, key) => key === 'met' && row['met'] === false,
    }),
    ...(excluded.length === 0
      ? []
      : [
          paragraph('Interfaces not counted because they are disabled in the shipped device:'),
          bulletList(excluded),
        ]),
  ])
}

const methods = (ctx: ReportContext): DocumentSection => {
  const generated = ctx.threats.filter((threat) => threat.rule !== undefined)
  const rules = new Set(generated.map((threat) => threat.rule))
  const manual = ctx.threats.length - generated.length
  const cvssScore = ctx.policy.cvssScore ?? 'most-specific'
  return section(
    'methods',
    'Summary of methods',
    [],
    [
      section('threat-modelling', 'Threat modelling', [
        paragraph(
          `Threats are identified STRIDE per element: ${countOf(rules.size, 'rule')} of medcyber's rule catalogue, each tied to a clause of FDA guidance, IEC 81001-5-1 or the MITRE/MDIC threat modelling playbook, are applied to every element, interface, data flow, trust boundary, asset and component of the architecture model. They produced ${countOf(generated.length, 'threat')}; the manufacturer added ${countOf(manual, 'threat')} by hand. Each threat carries the manufacturer's decision (status, rationale, controls) under a stable id. Details: ${cite('threat-model')}.`,
        ),
      ]),
      section('risk-scoring', 'Exploitability and severity', [
        paragraph(
          `Security risk is estimated without probability, from exploitability and the severity of patient harm (FDA postmarket guidance, section V; AAMI TIR57). Exploitability is a CVSS vector, derived where needed with the MITRE "Rubric for Applying CVSS to Medical Devices", or a qualitative level of the risk policy; a vector is binned by its ${cvssScore === 'most-specific' ? 'most specific score (environmental, else temporal, else base)' : cvssScore === 'base' ? 'base score' : 'CVSS v3.x exploitability sub-score'}. Severity is the worst severity of the harms of the linked hazardous situations in the safety risk file, unless stated. Details: ${cite('cybersecurity-risk-assessment')}.`,
        ),
      ]),
      section('risk-policy', 'Risk policy and acceptance criteria', [
        ...policyStatement(ctx),
        paragraph(
          'An uncontrolled residual risk is never acceptable: FDA defines an uncontrolled risk as an unacceptable residual risk. It must be reduced, or compensating controls added.',
        ),
      ]),
    ],
  )
}

const registerSummary = (ctx: ReportContext): DocumentSection => {
  const { summary } = ctx.register
  const statuses = new Map<string, number>()
  for (const threat of ctx.threats)
    statuses.set(threat.status, (statuses.get(threat.status) ?? 0) + 1)
  return section('risk-register-summary', 'Risk register summary', [
    paragraph(
      `The security risk register for ${releasePhrase(ctx)} under ${policyName(ctx)}, drawn up on ${ctx.register.today}.`,
    ),
    table({
      title: 'Register summary',
      columns: [column('measure', 'Measure', 'text', 50), column('count', 'Count', 'number', 10)],
      rows: [
        { measure: 'Risks evaluated', count: summary.evaluated },
        { measure: 'Threats and findings not yet evaluated', count: summary.unevaluated },
        { measure: 'Residual risks uncontrolled', count: summary.uncontrolled },
        { measure: 'Residual risks not acceptable', count: summary.unacceptable },
        { measure: 'Residual risks accepted by decision', count: summary.accepted },
        { measure: 'Acceptances lapsed', count: summary.acceptanceLapsed },
        { measure: 'Deadlines missed', count: summary.deadlinesMissed },
      ],
      alertCell: (row, key) =>
        key === 'count' &&
        typeof row['count'] === 'number' &&
        row['count'] > 0 &&
        row['measure'] !== 'Risks evaluated' &&
        row['measure'] !== 'Residual risks accepted by decision',
    }),
    table({
      title: 'Threats by status',
      columns: [
        column('status', 'Threat status', 'text', 30),
        column('count', 'Threats', 'number', 10),
      ],
      rows: [...statuses.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([status, count]) => ({ status, count })),
    }),
  ])
}

const dueDates = (entry: RiskEntry): string =>
  entry.deadlines
    .map((deadline) => `${deadline.due} (${deadline.status.state}): ${deadline.title}`)
    .join('; ')

const residualRisk = (ctx: ReportContext): DocumentSection => {
  const { register } = ctx
  const uncontrolled = register.entries.filter((entry) => entry.controlStatus === 'uncontrolled')
  const unacceptable = register.entries.filter(
    (entry) => entry.controlStatus === 'controlled' && !entry.acceptable,
  )
  const open = register.unevaluated.length
  const clean = uncontrolled.length === 0 && unacceptable.length === 0 && open === 0
  const conclusion: Block = clean
    ? paragraph(
        strong('Conclusion: '),
        `all ${countOf(register.entries.length, 'evaluated risk')} of ${releasePhrase(ctx)} are controlled and their residual risk is acceptable under ${policyName(ctx)}; no threat or finding awaits evaluation.`,
      )
    : paragraph(
        strong('Conclusion: the residual risk is not yet acceptable. '),
        [
          uncontrolled.length === 0
            ? undefined
            : `${countOf(uncontrolled.length, 'residual risk is', 'residual risks are')} uncontrolled`,
          unacceptable.length === 0
            ? undefined
            : `${countOf(unacceptable.length, 'controlled risk is', 'controlled risks are')} not acceptable (acceptance missing or lapsed)`,
          open === 0
            ? undefined
            : `${countOf(open, 'threat or finding', 'threats and findings')} still await a risk evaluation`,
        ]
          .filter((part): part is string => part !== undefined)
          .join('; ') + '.',
      )
  const flagged = [...uncontrolled, ...unacceptable]
  return section('residual-risk', 'Residual risk conclusion', [
    conclusion,
    ...(flagged.length === 0
      ? []
      : [
          table({
            title: 'Risks not acceptable',
            columns: [
              column('risk', 'Risk', 'text', 30),
              column('title', 'Threat or vulnerability', 'text', 40),
              column('residual', 'Residual (exploitability x severity)', 'text', 22),
              column('controlStatus', 'Control status', 'text', 12),
              column('acceptable', 'Acceptable', 'boolean', 10),
              column('deadlines', 'Deadlines', 'text', 40),
            ],
            rows: flagged.map((entry) => ({
              risk: entry.id,
              title: entry.title,
              residual: `${entry.residual.exploitability} x ${entry.residual.severity}`,
              controlStatus: entry.controlStatus,
              acceptable: entry.acceptable,
              deadlines: dueDates(entry),
            })),
            alertRow: (row) => row['controlStatus'] === 'uncontrolled',
          }),
        ]),
    ...(uncontrolled.length === 0
      ? []
      : [
          note(
            'FDA postmarket guidance section VII.B: for an uncontrolled risk, communicate with customers within 30 days of learning of it and fix it (or put compensating controls in place) within 60 days. For a cyber device, section 524B(b)(2)(B) asks for updates for critical vulnerabilities that could cause uncontrolled risks as soon as possible, out of cycle.',
          ),
        ]),
  ])
}

const traceability = (ctx: ReportContext): DocumentSection => {
  const { coverage, register } = ctx
  const totals = coverage.totals
  const threatsWithControl = coverage.threatControls.filter(
    (link) => link.controls.length > 0,
  ).length
  const verifiedControls = totals.controls - totals.controlsWithoutVerification
  const linkedRisks = register.entries.filter(
    (entry) => entry.hazardousSituations.length > 0,
  ).length
  const harmWithoutLink = register.entries.filter(
    (entry) => entry.patientHarm && entry.hazardousSituations.length === 0,
  ).length
  const components = releaseComponents(ctx)
  const identified = components.filter((c) => c.purl !== undefined || c.cpe !== undefined).length
  const rows = [
    {
      link: 'Threat -> control',
      covered: threatsWithControl,
      total: totals.threats,
      gaps: totals.threatsWithoutControl,
      gapMeaning: 'open or mitigated threats with no control',
    },
    {
      link: 'Control -> verification',
      covered: verifiedControls,
      total: totals.controls,
      gaps: totals.controlsWithoutVerification,
      gapMeaning: 'controls no verification names',
    },
    {
      link: 'Verification -> passing result',
      covered: verifiedControls - totals.controlsFailingVerification,
      total: verifiedControls,
      gaps: totals.controlsFailingVerification,
      gapMeaning: 'verified controls whose latest result for a release is a fail',
    },
    {
      link: 'Security risk -> hazardous situation',
      covered: linkedRisks,
      total: register.entries.length,
      gaps: harmWithoutLink,
      gapMeaning: 'risks with patient harm and no hazardous situation',
    },
    {
      link: 'SBOM component -> identifier (purl or CPE)',
      covered: identified,
      total: components.length,
      gaps: components.length - identified,
      gapMeaning: 'components that cannot be matched to advisories',
    },
  ]
  return section('traceability', 'Traceability summary', [
    paragraph(
      'FDA asks for traceability between the threat model, the risk assessment, the SBOM and the testing. The counts below come from the links in the device model; the full matrix is the separate traceability deliverable.',
    ),
    table({
      title: 'Traceability',
      columns: [
        column('link', 'Link', 'text', 36),
        column('covered', 'Linked', 'number', 10),
        column('total', 'Total', 'number', 10),
        column('gaps', 'Gaps', 'number', 10),
        column('gapMeaning', 'A gap is', 'text', 40),
      ],
      rows,
      gapCell: (row, key) => key === 'gaps' && typeof row['gaps'] === 'number' && row['gaps'] > 0,
    }),
    ...(coverage.threatsWithoutControl.length === 0
      ? []
      : [
          paragraph(
            `${countOf(coverage.threatsWithoutControl.length, 'open or mitigated threat has', 'open or mitigated threats have')} no control; they are marked in ${cite('threat-model')}.`,
          ),
        ]),
    ...(coverage.controlsWithoutVerification.length === 0
      ? []
      : [
          paragraph(
            `Controls without verification: ${joined(coverage.controlsWithoutVerification.map((item) => item.control))}. See ${cite('security-testing-summary')}.`,
          ),
        ]),
  ])
}

const REFERENCED: readonly FdaDocumentId[] = [
  'threat-model',
  'cybersecurity-risk-assessment',
  'sbom-support',
  'known-vulnerabilities',
  'unresolved-anomalies',
  'architecture-views',
  'security-testing-summary',
  'cybersecurity-management-plan',
  'cybersecurity-metrics',
]

/** The quality-system documents the model cites for FDA topics, and the plan if none is cited. */
const fdaEvidence = (ctx: ReportContext): Block[] => {
  const cited = ctx.model.evidence
    .filter((item) => item.covers.some((topic) => topic.startsWith('FDA:')))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const plan = cited.some((item) =>
    item.covers.some((topic) => topic.includes('risk-management-plan')),
  )
  return [
    ...(cited.length === 0
      ? []
      : [
          table({
            title: 'Quality system documents',
            columns: [
              column('id', 'Document', 'text', 18),
              column('title', 'Title', 'text', 40),
              column('version', 'Revision', 'text', 10),
              column('covers', 'Evidence for', 'text', 30),
            ],
            rows: cited.map((item) => ({
              id: item.id,
              title: item.title,
              version: item.version ?? '',
              covers: joined(item.covers.filter((topic) => topic.startsWith('FDA:'))),
            })),
          }),
        ]),
    ...(plan
      ? []
      : [
          needsInput(
            "The security risk management plan (criteria, roles, scope) of the manufacturer's quality system: the model names no evidence document for it (evidence covering 'FDA:risk-management-plan').",
          ),
        ]),
  ]
}

const references = (ctx: ReportContext): DocumentSection =>
  section('documents', 'Documents of this submission', [
    paragraph(
      `The FDA premarket cybersecurity documents for ${releasePhrase(ctx)}, all issued ${ctx.date}:`,
    ),
    bulletList([
      ...REFERENCED.map((id) => `${FDA_DOCUMENT_TITLES[id]} (${id})`),
      `${LABELING_TITLE} (labeling deliverable)`,
    ]),
    ...fdaEvidence(ctx),
  ])

export const buildRiskManagementReport = (ctx: ReportContext): DeliverablePart =>
  fdaDocument(ctx, 'security-risk-management-report', [
    scope(ctx),
    cyberDevice(ctx),
    methods(ctx),
    registerSummary(ctx),
    residualRisk(ctx),
    traceability(ctx),
    references(ctx),
  ])
