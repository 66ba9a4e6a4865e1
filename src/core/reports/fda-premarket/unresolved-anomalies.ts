import { needsInput, paragraph, section } from '../../documents/index.js'
import type { DeliverablePart } from '../deliverable.js'
import type { ReportContext } from '../report-context.js'
import { fdaDocument, releasePhrase } from './fda-document.js'
import { inScope } from './release-scope.js'
import { column, countOf, NEEDS_INPUT, orNeedsInput, table } from './table-helpers.js'

export const buildUnresolvedAnomalies = (ctx: ReportContext): DeliverablePart => {
  const anomalies = ctx.model.anomalies
    .filter((anomaly) => inScope(ctx, anomaly.releases))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  return fdaDocument(ctx, 'unresolved-anomalies', [
    section('method', 'Criteria', [
      paragraph(
        'FDA asks for the software anomalies still unresolved at submission, each assessed for its impact on safety and security, classified by CWE category (AAMI SW91 defect classes map to CWE), with the rationale for leaving it unresolved.',
      ),
    ]),
    section('anomalies', 'Unresolved anomalies', [
      anomalies.length === 0
        ? needsInput(
            `The device model records no unresolved anomalies for ${releasePhrase(ctx)} (anomalies). State that there are none, or list each with its CWE category, security impact and rationale.`,
          )
        : paragraph(
            `${countOf(anomalies.length, 'unresolved anomaly', 'unresolved anomalies')} known at release.`,
          ),
      ...(anomalies.length === 0
        ? []
        : [
            table({
              title: 'Unresolved anomalies',
              columns: [
                column('id', 'Anomaly', 'text', 16),
                column('title', 'Title', 'text', 30),
                column('description', 'Defect', 'text', 36),
                column('cwe', 'CWE', 'text', 14),
                column('securityImpact', 'Safety and security impact', 'text', 40),
                column('rationale', 'Rationale for leaving it unresolved', 'text', 40),
              ],
              rows: anomalies.map((anomaly) => ({
                id: anomaly.id,
                title: anomaly.title,
                description: anomaly.description?.trim() ?? '',
                cwe:
                  anomaly.cwe === undefined || anomaly.cwe.length === 0
                    ? NEEDS_INPUT
                    : anomaly.cwe.map((id) => `CWE-${String(id)}`).join(', '),
                securityImpact: orNeedsInput(anomaly.securityImpact.trim()),
                rationale: orNeedsInput(anomaly.rationale.trim()),
              })),
            }),
          ]),
    ]),
  ])
}
