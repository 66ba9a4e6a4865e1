import { note, paragraph, section, strong, type DocumentSection } from '../../documents/index.js'
import type { AcceptabilityCell, ControlCell } from '../../risk-policy/index.js'
import {
  safetyProbabilityNote,
  safetyRiskTable,
  type RiskEntry,
} from '../../risk-register/index.js'
import type { DeliverablePart } from '../deliverable.js'
import type { ReportContext } from '../report-context.js'
import { cite, fdaDocument, releasePhrase } from './fda-document.js'
import { policyName, policyStatement } from './policy-text.js'
import { column, countOf, joined, table } from './table-helpers.js'

const CONTROL_WORDS: Readonly<Record<ControlCell, string>> = { C: 'controlled', U: 'uncontrolled' }
const ACCEPTABILITY_WORDS: Readonly<Record<AcceptabilityCell, string>> = {
  A: 'acceptable',
  R: 'acceptance required',
  U: 'unacceptable',
}

const scoringMethod = (ctx: ReportContext): DocumentSection => {
  const { policy, model } = ctx
  return section('scoring-method', 'Scoring method before and after mitigation', [
    paragraph(
      'The assessment is not probabilistic: the likelihood of an attack cannot be estimated from history. Each risk is rated by exploitability and by the severity of patient harm, once for the device without its security controls (inherent risk) and once with them (residual risk). Premarket exploitability is the reasonable worst case, and is assumed to rise over time: an exploit a penetration tester needs days for today becomes easier later.',
    ),
    table({
      title: 'Exploitability levels',
      columns: [
        column('id', 'Level', 'text', 12),
        column('name', 'Name', 'text', 14),
        column('cvssBelow', 'CVSS score below', 'number', 10),
        column('description', 'Meaning', 'text', 60),
      ],
      rows: policy.exploitability.map((level) => ({
        id: level.id,
        name: level.name,
        cvssBelow: level.cvssBelow ?? null,
        description: level.description,
      })),
      notes: [`Risk policy: ${policyName(ctx)}.`],
    }),
    table({
      title: 'Severity of patient harm',
      columns: [
        column('id', 'Level', 'text', 14),
        column('name', 'Name', 'text', 16),
        column('description', 'Meaning', 'text', 60),
      ],
      rows: model.severityScale.map((level) => ({
        id: level.id,
        name: level.name,
        description: level.description,
      })),
    }),
  ])
}

const matrix = <T extends string>(
  ctx: ReportContext,
  title: string,
  cells: Readonly<Record<string, readonly T[]>>,
  words: Readonly<Record<T, string>>,
) =>
  table({
    title,
    columns: [
      column('exploitability', 'Exploitability', 'text', 14),
      ...ctx.policy.severities.map((severity) => column(severity, severity, 'text', 14)),
    ],
    rows: [...ctx.policy.exploitability].reverse().map((level) => ({
      exploitability: level.id,
      ...Object.fromEntries(
        ctx.policy.severities.map((severity, i) => {
          const cell = cells[level.id]?.[i]
          return [severity, cell === undefined ? null : words[cell]]
        }),
      ),
    })),
    alertCell: (row, key) =>
      key !== 'exploitability' && (row[key] === 'uncontrolled' || row[key] === 'unacceptable'),
  })

const acceptanceCriteria = (ctx: ReportContext): DocumentSection => {
  const months = ctx.policy.acceptance?.maxReReviewMonths
  return section('acceptance-criteria', 'Acceptance criteria', [
    ...policyStatement(ctx),
    paragraph(
      'FDA decides controlled or uncontrolled; the manufacturer decides acceptability. Rows are exploitability (most exploitable first), columns the severity of patient harm.',
    ),
    matrix(ctx, 'Controlled or uncontrolled', ctx.policy.controlMatrix, CONTROL_WORDS),
    matrix(
      ctx,
      'Acceptability of the residual risk',
      ctx.policy.acceptabilityMatrix,
      ACCEPTABILITY_WORDS,
    ),
    paragraph(
      `"Acceptance required": the residual risk is acceptable once accepted with a rationale, an approver and a re-review date${months === undefined ? '' : ` no more than ${countOf(months, 'month')} ahead`}. "Unacceptable": accepting it also needs a benefit-risk conclusion (ISO 14971, 7.4). An uncontrolled risk is never acceptable. The acceptance criteria take the whole product life cycle into account: an acceptance lapses at its re-review date.`,
    ),
  ])
}

const acceptanceText = (entry: RiskEntry): string => {
  const accepted = entry.acceptance
  if (accepted === undefined) return ''
  return `${accepted.state === 'lapsed' ? 'lapsed' : 'accepted'} by ${accepted.approvedBy} on ${accepted.date}, re-review ${accepted.reReview}`
}

const register = (ctx: ReportContext): DocumentSection => {
  const entries = ctx.register.entries
  return section('register', 'Risk register', [
    paragraph(
      `${countOf(entries.length, 'security risk')} of ${releasePhrase(ctx)}, from threats (${cite('threat-model')}) and vulnerability findings (${cite('known-vulnerabilities')}). Uncontrolled risks are marked as alerts; risks not acceptable as gaps.`,
    ),
    table({
      title: 'Security risk register',
      columns: [
        column('id', 'Risk', 'text', 30),
        column('source', 'Source', 'text', 8),
        column('title', 'Threat or vulnerability', 'text', 36),
        column('status', 'Status', 'text', 12),
        column('exploitabilityBefore', 'Exploitability before', 'text', 12),
        column('severityBefore', 'Severity before', 'text', 12),
        column('exploitabilityAfter', 'Exploitability after', 'text', 12),
        column('severityAfter', 'Severity after', 'text', 12),
        column('controlStatus', 'Controlled (FDA)', 'text', 12),
        column('acceptable', 'Acceptable', 'boolean', 10),
        column('acceptance', 'Acceptance', 'text', 30),
        column('controls', 'Controls', 'text', 30),
        column('hazardousSituations', 'Hazardous situations', 'text', 24),
        column('identified', 'Identified', 'date', 11),
      ],
      rows: entries.map((entry) => ({
        id: entry.id,
        source: entry.source,
        title: entry.title,
        status: entry.status,
        exploitabilityBefore: entry.before.exploitability,
        severityBefore: entry.before.severity,
        exploitabilityAfter: entry.residual.exploitability,
        severityAfter: entry.residual.severity,
        controlStatus: entry.controlStatus,
        acceptable: entry.acceptable,
        acceptance: acceptanceText(entry),
        controls: joined(
          entry.controls.map((control) =>
            control.compensating ? `${control.id} (compensating)` : control.id,
          ),
        ),
        hazardousSituations: joined(entry.hazardousSituations),
        identified: entry.identified ?? null,
      })),
      alertRow: (row) => row['controlStatus'] === 'uncontrolled',
      gapCell: (row, key) => key === 'acceptable' && row['acceptable'] === false,
      notes: [`Exploitability and severity are rated under ${policyName(ctx)}.`],
    }),
    ...(ctx.register.unevaluated.length === 0
      ? []
      : [
          table({
            title: 'Not yet evaluated',
            columns: [
              column('id', 'Threat or finding', 'text', 36),
              column('source', 'Source', 'text', 8),
              column('title', 'Title', 'text', 40),
              column('reason', 'Why not rated', 'text', 30),
            ],
            rows: ctx.register.unevaluated.map((item) => ({
              id: item.id,
              source: item.source,
              title: item.title,
              reason: item.reason,
            })),
            gapCell: (_row, key) => key === 'reason',
          }),
        ]),
  ])
}

const deadlines = (ctx: ReportContext): DocumentSection => {
  const rows = ctx.register.entries.flatMap((entry) =>
    entry.deadlines.map((deadline) => ({
      risk: entry.id,
      obligation: deadline.title,
      clause: deadline.source.clause,
      start: deadline.start,
      due: deadline.due,
      state: deadline.status.state,
      daysRemaining: deadline.status.daysRemaining,
    })),
  )
  return section('deadlines', 'Deadlines that follow from the risks', [
    rows.length === 0
      ? paragraph(`No deadline is running on ${ctx.date}.`)
      : table({
          title: 'Deadlines',
          columns: [
            column('risk', 'Risk', 'text', 30),
            column('obligation', 'Obligation', 'text', 40),
            column('clause', 'Clause', 'text', 16),
            column('start', 'Counted from', 'date', 11),
            column('due', 'Due', 'date', 11),
            column('state', 'State', 'text', 10),
            column('daysRemaining', 'Days remaining', 'number', 8),
          ],
          rows,
          alertCell: (row, key) =>
            key === 'due' && typeof row['daysRemaining'] === 'number' && row['daysRemaining'] < 0,
        }),
  ])
}

const safetyTransfer = (ctx: ReportContext): DocumentSection => {
  const safety = safetyRiskTable(ctx.register, ctx.model)
  return section('safety-transfer', 'Transfer to the safety risk assessment', [
    paragraph(
      'Every security risk whose severity before controls is above the least severe level is patient harm and is passed to the ISO 14971 safety risk file as a security-caused hazardous situation: the hazard, hazardous situation, sequence of events and harm come from the safety model, the exploitability before and after controls from this assessment. A risk with patient harm but no hazardous situation yet is listed as proposed, so the safety team sees the missing link.',
    ),
    paragraph(strong('Probability convention. '), safetyProbabilityNote(ctx.policy)),
    table({
      title: safety.title,
      columns: safety.columns,
      rows: safety.rows,
      ...(safety.notes === undefined ? {} : { notes: safety.notes }),
      gapCell: (row, key) => key === 'link' && row['link'] === 'proposed',
      alertRow: (row) => row['controlStatus'] === 'uncontrolled',
    }),
  ])
}

const kev = (ctx: ReportContext): DocumentSection => {
  const known = ctx.knownVulnerabilities
  const listed = known?.findings.filter((finding) => finding.kev !== undefined) ?? []
  return section('kev', 'Known exploited vulnerabilities', [
    note(
      strong('CISA KEV vulnerabilities should be designed out. '),
      'FDA treats a vulnerability in the CISA Known Exploited Vulnerabilities catalogue as exploited in the wild: it is expected to be removed from the design before submission, not accepted.',
    ),
    known === undefined
      ? paragraph(
          `The advisory store was not consulted for this document, so KEV membership is not shown; ${cite('known-vulnerabilities')} lists the triaged findings of the model.`,
        )
      : paragraph(
          listed.length === 0
            ? `No finding of the scan (advisory store generation ${known.generation}) is in the KEV catalogue.`
            : `In the KEV catalogue (advisory store generation ${known.generation}): ${listed.map((finding) => `${finding.id} (${finding.status})`).join(', ')}.`,
        ),
  ])
}

export const buildRiskAssessment = (ctx: ReportContext): DeliverablePart =>
  fdaDocument(ctx, 'cybersecurity-risk-assessment', [
    scoringMethod(ctx),
    acceptanceCriteria(ctx),
    register(ctx),
    deadlines(ctx),
    safetyTransfer(ctx),
    kev(ctx),
  ])
