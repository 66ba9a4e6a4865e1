export { checkRiskPolicy } from './check-risk-policy.js'
export { DEFAULT_RISK_POLICY } from './default-risk-policy.js'
export { parseRiskPolicy, riskPolicyJsonSchema } from './parse-risk-policy.js'
export {
  ACCEPTABILITY_CELLS,
  CONTROL_CELLS,
  CVSS_SCORE_CHOICES,
  RISK_POLICY_FORMAT_VERSION,
  RiskPolicySchema,
  SAFETY_PROBABILITY_CONVENTIONS,
  type AcceptabilityCell,
  type ControlCell,
  type CvssScoreChoice,
  type ExploitabilityLevel,
  type RiskPolicy,
  type SafetyProbabilityConvention,
} from './risk-policy-schema.js'
