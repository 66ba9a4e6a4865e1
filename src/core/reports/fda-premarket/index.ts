import type { DeliverablePart } from '../deliverable.js'
import type { ReportContext } from '../report-context.js'
import { buildArchitectureViews } from './architecture-views.js'
import { buildKnownVulnerabilities } from './known-vulnerabilities.js'
import { buildManagementPlan } from './management-plan.js'
import { buildMetrics } from './metrics.js'
import { buildRiskAssessment } from './risk-assessment.js'
import { buildRiskManagementReport } from './risk-management-report.js'
import { buildSbomSupport } from './sbom-support.js'
import { buildSecurityTestingSummary } from './security-testing.js'
import { buildThreatModel } from './threat-model.js'
import { buildUnresolvedAnomalies } from './unresolved-anomalies.js'

export { FDA_DOCUMENT_TITLES } from './fda-document.js'

/**
 * The FDA premarket cybersecurity document set for the documented release, one document per
 * deliverable of the guidance, in the order a reviewer reads them. Always English.
 */
export const buildFdaPremarket = (ctx: ReportContext): DeliverablePart[] => [
  buildRiskManagementReport(ctx),
  buildThreatModel(ctx),
  buildRiskAssessment(ctx),
  buildSbomSupport(ctx),
  buildKnownVulnerabilities(ctx),
  buildUnresolvedAnomalies(ctx),
  buildArchitectureViews(ctx),
  buildSecurityTestingSummary(ctx),
  buildManagementPlan(ctx),
  buildMetrics(ctx),
]
