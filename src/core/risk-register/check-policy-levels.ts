import type { Issue } from '../issue.js'
import type { DeviceModel } from '../model/index.js'
import type { RiskPolicy } from '../risk-policy/index.js'

/**
 * Exploitability levels named in risk evaluations must be levels of the policy that rates them.
 * Checked when a model is validated, since the levels live in a separate file that the schema
 * cannot see.
 */
export const checkPolicyLevels = (model: DeviceModel, policy: RiskPolicy): Issue[] => {
  const known = policy.exploitability.map((level) => level.id)
  const issues: Issue[] = []
  for (const section of ['threatAssessments', 'findingAssessments'] as const) {
    model[section].forEach((assessment, i) => {
      for (const stage of ['before', 'after'] as const) {
        const level = assessment.risk?.[stage]?.exploitability
        if (level === undefined || known.includes(level)) continue
        issues.push({
          severity: 'error',
          code: 'model/unknown-exploitability-level',
          message: `exploitability '${level}' is not a level of risk policy '${policy.id}' (${known.join(', ')})`,
          path: [section, i, 'risk', stage, 'exploitability'],
        })
      }
    })
  }
  return issues
}
