import { note, paragraph, section, strong, type DocumentSection } from '../../documents/index.js'
import type { DiscoveryMethod, FindingAssessment } from '../../model/index.js'
import { scoreCvss } from '../../risk/index.js'
import type { RiskEntry } from '../../risk-register/index.js'
import type { Finding } from '../../vulnerabilities/index.js'
import type { DeliverablePart } from '../deliverable.js'
import type { ReportContext } from '../report-context.js'
import { cite, fdaDocument, releasePhrase } from './fda-document.js'
import { byText, inScope } from './release-scope.js'
import { column, countOf, joined, NEEDS_INPUT, table, type Row } from './table-helpers.js'

const COLUMNS = [
  column('id', 'Finding', 'text', 30),
  column('vulnerability', 'Vulnerability', 'text', 18),
  column('aliases', 'Aliases', 'text', 20),
  column('component', 'Component', 'text', 22),
  column('score', 'CVSS score', 'number', 8),
  column('severity', 'Severity', 'text', 10),
  column('kev', 'CISA KEV', 'boolean', 8),
  column('epss', 'EPSS', 'number', 8),
  column('status', 'VEX status', 'text', 14),
  column('response', 'Justification or response', 'text', 24),
  column('detail', 'Impact or action statement', 'text', 44),
  column('risk', 'Security risk (residual)', 'text', 28),
  column('hazardousSituations', 'Safety: hazardous situations', 'text', 22),
  column('controls', 'Controls', 'text', 24),
  column('deadlines', 'Deadlines', 'text', 24),
  column('discovery', 'Discovery method', 'text', 24),
]

/** What the risk register says about a finding, in a few words. */
const riskOf = (entries: readonly RiskEntry[], status: string): string => {
  if (entries.length === 0) {
    return status === 'affected' || status === 'under_investigation' || status === 'untriaged'
      ? NEEDS_INPUT
      : `no residual risk (${status})`
  }
  return entries
    .map(
      (entry) =>
        `${entry.controlStatus}, ${entry.acceptable ? 'acceptable' : 'not acceptable'} (${entry.residual.exploitability} x ${entry.residual.severity})`,
    )
    .join('; ')
}

const deadlinesOf = (entries: readonly RiskEntry[]): string =>
  entries
    .flatMap((entry) => entry.deadlines.map((d) => `${d.due} (${d.status.state}): ${d.title}`))
    .join('; ')

const responseOf = (assessment: FindingAssessment | undefined): string =>
  assessment === undefined
    ? ''
    : joined([
        ...(assessment.justification === undefined ? [] : [assessment.justification]),
        ...(assessment.response ?? []),
      ])

const assessmentColumns = (
  ctx: ReportContext,
  findingId: string,
  status: string,
  assessment: FindingAssessment | undefined,
) => {
  const entries = ctx.register.entries.filter(
    (entry) => entry.source === 'finding' && entry.subject === findingId,
  )
  return {
    status,
    response: responseOf(assessment),
    detail: assessment?.detail?.trim() ?? '',
    risk: riskOf(entries, status),
    hazardousSituations: joined(assessment?.hazardousSituations),
    controls: joined(assessment?.controls),
    deadlines: deadlinesOf(entries),
  }
}

const fromStore = (ctx: ReportContext, findings: readonly Finding[]): Row[] =>
  [...findings]
    .sort((a, b) => byText(a.id, b.id))
    .map((finding) => ({
      id: finding.id,
      vulnerability: finding.vulnerability,
      aliases: joined(finding.aliases.filter((alias) => alias !== finding.vulnerability)),
      component: `${finding.target.name}${finding.target.version === undefined ? '' : ` ${finding.target.version}`}`,
      score: finding.severity?.score ?? null,
      severity: finding.severity?.rating ?? '',
      kev: finding.kev !== undefined,
      epss: finding.epss?.epss ?? null,
      ...assessmentColumns(
        ctx,
        finding.assessedAs ?? finding.id,
        finding.status,
        finding.assessment,
      ),
      discovery:
        finding.assessment?.discoveryMethod === undefined
          ? `SBOM scan against the advisory store (${[...new Set(finding.evidence.map((e) => e.via))].sort().join(', ')} match, ${finding.confidence} confidence)`
          : discoveryOf(finding.assessment.discoveryMethod),
    }))

const fromModel = (ctx: ReportContext): Row[] => {
  const components = new Map(ctx.model.components.map((component) => [component.id, component]))
  return ctx.model.findingAssessments
    .filter((assessment) => inScope(ctx, assessment.releases))
    .sort((a, b) => byText(a.finding, b.finding))
    .map((assessment) => {
      const [vulnerability = assessment.finding, componentId = ''] = assessment.finding.split('@')
      const component = components.get(componentId)
      const vector = assessment.risk?.before.cvss
      const scored = vector === undefined ? undefined : scoreCvss(vector)
      const value = scored?.ok === true ? scored.value : undefined
      return {
        id: assessment.finding,
        vulnerability,
        aliases: '',
        component: component === undefined ? componentId : `${component.name} ${component.version}`,
        score: value?.score ?? null,
        severity: value?.severity ?? '',
        kev: null,
        epss: null,
        ...assessmentColumns(ctx, assessment.finding, assessment.status, assessment),
        discovery: discoveryOf(assessment.discoveryMethod),
      }
    })
}

const DISCOVERY_TEXT: Readonly<Record<DiscoveryMethod, string>> = {
  'sbom-monitoring': 'SBOM monitoring of advisory feeds',
  'supplier-notification': 'notification by the component supplier',
  'public-advisory': 'public advisory',
  isao: 'information sharing (ISAO)',
  'researcher-report': 'report from a security researcher (coordinated disclosure)',
  'customer-report': 'report from a customer',
  'internal-testing': "the manufacturer's own security testing",
  'penetration-test': 'penetration test',
}

const discoveryOf = (method: DiscoveryMethod | undefined): string =>
  method === undefined ? NEEDS_INPUT : DISCOVERY_TEXT[method]

const findings = (ctx: ReportContext): DocumentSection => {
  const known = ctx.knownVulnerabilities
  const rows = known === undefined ? fromModel(ctx) : fromStore(ctx, known.findings)
  const kevCount = rows.filter((row) => row['kev'] === true).length
  return section('findings', 'Known vulnerabilities', [
    known === undefined
      ? note(
          strong('Advisory store not consulted. '),
          `Only the findings already triaged in the device model (findingAssessments) are shown; no scan against the advisory store was made for this document, so aliases, published CVSS scores, CISA KEV membership and EPSS are not shown. The CVSS score given is that of the manufacturer's risk evaluation. Scan the release before submission.`,
        )
      : paragraph(
          `${countOf(rows.length, 'finding')} of a scan of ${releasePhrase(ctx)} against the advisory store (generation ${known.generation}); ${countOf(kevCount, 'finding is', 'findings are')} in the CISA KEV catalogue (alert).`,
        ),
    paragraph(
      `For each vulnerability: its VEX status, the security risk after controls from ${cite('cybersecurity-risk-assessment')}, the hazardous situations it can cause in the safety risk file, the controls the decision relies on, and the deadlines that follow when the risk is uncontrolled.`,
    ),
    ...(rows.length === 0
      ? [paragraph(`No known vulnerability is recorded for ${releasePhrase(ctx)}.`)]
      : [
          table({
            title: 'Known vulnerabilities',
            columns: COLUMNS,
            rows,
            alertRow: (row) =>
              row['kev'] === true || String(row['risk']).startsWith('uncontrolled'),
            alertCell: (row, key) => key === 'kev' && row['kev'] === true,
            gapCell: (row, key) => key === 'status' && row['status'] === 'untriaged',
          }),
        ]),
  ])
}

export const buildKnownVulnerabilities = (ctx: ReportContext): DeliverablePart =>
  fdaDocument(ctx, 'known-vulnerabilities', [
    section('method', 'Method', [
      paragraph(
        'FDA asks for every known vulnerability of the device and its components, including those in the CISA Known Exploited Vulnerabilities catalogue, how each was discovered, and for each a safety and a security risk assessment with the risk controls, including compensating controls. Vulnerabilities are matched to the components of the SBOM by package URL, CPE and CSAF product identifiers, and each match is triaged with a VEX status.',
      ),
    ]),
    findings(ctx),
  ])
