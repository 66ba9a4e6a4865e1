export {
  evaluateRiskRegister,
  type RiskRegister,
  type RiskRegisterOptions,
  type RiskRegisterSummary,
} from './evaluate-risk-register.js'
export {
  computeFdaMetrics,
  daysToDeployOf,
  daysToPatchOf,
  type DeploymentSource,
  type EvaluatedFinding,
  type FdaMetrics,
  type FdaMetricsEvidence,
  type VulnerabilityTimeline,
} from './fda-metrics.js'
export {
  countMetricsBuckets,
  fdaMetricsByPeriod,
  MAX_METRICS_BUCKETS,
  METRICS_BUCKETS,
  metricsBuckets,
  type MetricsBucket,
  type MetricsPeriod,
} from './fda-metrics-periods.js'
export {
  ACCEPTABILITY_RATINGS,
  CONTROL_STATUSES as RISK_CONTROL_STATUSES,
  exploitabilityOf,
  levelForScore,
  rateRisk,
  type AcceptabilityRating,
  type ControlStatus as RiskControlStatus,
  type Exploitability,
  type ExploitabilityBasis,
  type MatrixRating,
} from './rate-risk.js'
export {
  RISK_SOURCES,
  type RegisterAcceptance,
  type RegisterControl,
  type RegisterDeadline,
  type RiskEntry,
  type RiskRating,
  type RiskSource,
  type UnevaluatedRisk,
} from './risk-entry.js'
export { safetyProbabilityNote, safetyProbabilityOf, safetyRiskTable } from './safety-risk-table.js'
export {
  computeUpdateOversight,
  UPDATE_OVERSIGHT_LEVELS,
  type ReleaseOversight,
  type UpdateChange,
  type UpdateOversightLevel,
} from './update-oversight.js'
export { checkPolicyLevels } from './check-policy-levels.js'
