import { hasErrors, type Issue } from '../issue.js'
import { createSchemaChecker, type SeverityLevel } from '../model/index.js'
import { isTimeZone } from '../deadlines/index.js'
import { checkRiskPolicy } from './check-risk-policy.js'
import { RiskPolicySchema, type RiskPolicy } from './risk-policy-schema.js'

/** The JSON Schema of a risk policy file, as published by `medcyber schema --kind risk-policy`. */
export const riskPolicyJsonSchema = (): Record<string, unknown> => ({
  $schema: 'http://json-schema.org/draft-07/schema#',
  ...(JSON.parse(JSON.stringify(RiskPolicySchema)) as Record<string, unknown>),
})

const checkRiskPolicySchema = createSchemaChecker(riskPolicyJsonSchema)

/**
 * A policy document (already parsed from YAML or JSON) checked against its schema and then for
 * meaning, against the severity scale of the model it will rate.
 */
export const parseRiskPolicy = (
  document: unknown,
  severityScale: readonly SeverityLevel[],
): { policy?: RiskPolicy; issues: Issue[] } => {
  const schemaIssues = checkRiskPolicySchema(document)
  if (hasErrors(schemaIssues)) return { issues: schemaIssues }
  const policy = document as RiskPolicy
  const issues = checkRiskPolicy(policy, severityScale)
  if (policy.timeZone !== undefined && !isTimeZone(policy.timeZone)) {
    issues.push({
      severity: 'error',
      code: 'policy/unknown-time-zone',
      message: `'${policy.timeZone}' is not an IANA time zone, e.g. 'Europe/Berlin'`,
      path: ['timeZone'],
    })
  }
  return hasErrors(issues) ? { issues } : { policy, issues }
}
