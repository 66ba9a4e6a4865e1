import type { Issue } from '../issue.js'
import type { DeviceModel } from './model-document-schema.js'
import { EU_IVDR_CLASSES, EU_MDR_CLASSES } from './vocabulary.js'
import { parseCvss } from '../risk/cvss-metrics.js'
import type { RiskEvaluation } from './security-schema.js'

const error = (code: string, message: string, path: Issue['path']): Issue => ({
  severity: 'error',
  code,
  message,
  path,
})

/**
 * Rules that involve more than one field, once every reference is known to resolve: things the
 * schema cannot say but that make a model wrong.
 */
export const checkConsistency = (model: DeviceModel): Issue[] => [
  ...checkFlows(model),
  ...checkBoundaryNesting(model),
  ...checkReleases(model),
  ...checkJurisdictions(model),
  ...checkSupplyChain(model),
  ...checkAssessments(model),
  ...checkSeverityScale(model),
  ...checkRiskEvaluations(model),
]

const checkFlows = (model: DeviceModel): Issue[] => {
  const owner = new Map(model.interfaces.map((item) => [item.id, item.element]))
  const elements = new Map(model.elements.map((element) => [element.id, element]))
  const issues: Issue[] = []
  model.dataFlows.forEach((flow, i) => {
    // Between instances of an element that comes in numbers (bedside to bedside) is fine.
    if (flow.from === flow.to && (elements.get(flow.from)?.quantity ?? 1) <= 1) {
      issues.push(
        error(
          'model/self-flow',
          `data flow '${flow.id}' goes from '${flow.from}' to itself; a flow connects two elements (or two instances of an element with quantity above 1)`,
          ['dataFlows', i, 'to'],
        ),
      )
    }
    const ends = new Set([flow.from, flow.to, ...(flow.intermediaries ?? [])])
    // An unknown end is already reported; its interfaces would only repeat that error.
    if (![...ends].every((end) => elements.has(end))) return
    flow.interfaces?.forEach((id, j) => {
      const element = owner.get(id)
      if (element !== undefined && !ends.has(element)) {
        issues.push(
          error(
            'model/interface-not-on-flow',
            `interface '${id}' belongs to '${element}', which is neither end nor an intermediary of data flow '${flow.id}'`,
            ['dataFlows', i, 'interfaces', j],
          ),
        )
      }
    })
  })
  return issues
}

const checkBoundaryNesting = (model: DeviceModel): Issue[] => {
  const children = new Map(model.trustBoundaries.map((b) => [b.id, b.boundaries ?? []]))
  const issues: Issue[] = []
  model.trustBoundaries.forEach((boundary, i) => {
    const seen = new Set<string>()
    const stack = [...(boundary.boundaries ?? [])]
    while (stack.length > 0) {
      const next = stack.pop() as string
      if (next === boundary.id) {
        issues.push(
          error(
            'model/boundary-cycle',
            `trust boundary '${boundary.id}' ends up nested inside itself`,
            ['trustBoundaries', i, 'boundaries'],
          ),
        )
        break
      }
      if (seen.has(next)) continue
      seen.add(next)
      stack.push(...(children.get(next) ?? []))
    }
  })
  return issues
}

const checkReleases = (model: DeviceModel): Issue[] => {
  const issues: Issue[] = []
  model.releases.forEach((release, i) => {
    const { endOfLife, endOfSupport } = release.milestones ?? {}
    if (endOfLife !== undefined && endOfLife < release.date) {
      issues.push(
        error(
          'model/milestone-order',
          `release '${release.version}' reaches end of life (${endOfLife}) before its release date (${release.date})`,
          ['releases', i, 'milestones', 'endOfLife'],
        ),
      )
    }
    if (endOfSupport !== undefined && endOfSupport < (endOfLife ?? release.date)) {
      issues.push(
        error(
          'model/milestone-order',
          `release '${release.version}' reaches end of support (${endOfSupport}) before ${endOfLife === undefined ? `its release date (${release.date})` : `end of life (${endOfLife})`}`,
          ['releases', i, 'milestones', 'endOfSupport'],
        ),
      )
    }
  })
  return issues
}

const checkJurisdictions = (model: DeviceModel): Issue[] => {
  const eu = model.product.jurisdictions.EU
  if (eu === undefined) return []
  const allowed: readonly string[] = eu.regulation === 'MDR' ? EU_MDR_CLASSES : EU_IVDR_CLASSES
  if (allowed.includes(eu.class)) return []
  return [
    error(
      'model/invalid-value',
      `class '${eu.class}' is not a ${eu.regulation} class; ${eu.regulation} classes are ${allowed.join(', ')}`,
      ['product', 'jurisdictions', 'EU', 'class'],
    ),
  ]
}

const checkSupplyChain = (model: DeviceModel): Issue[] => {
  const issues: Issue[] = []
  model.components.forEach((component, i) => {
    component.sbomRefs?.forEach((ref, j) => {
      if (ref.bomRef === undefined && ref.purl === undefined && ref.cpe === undefined) {
        issues.push(
          error(
            'model/sbom-ref-without-identity',
            `component '${component.id}' links to SBOM '${ref.sbom}' without saying which entry: give bomRef, purl or cpe`,
            ['components', i, 'sbomRefs', j],
          ),
        )
      }
    })
  })
  return issues
}

const checkAssessments = (model: DeviceModel): Issue[] => {
  const issues: Issue[] = []
  const threats = new Map<string, number>()
  model.threatAssessments.forEach((assessment, i) => {
    const key = `${assessment.threat} ${[...(assessment.releases ?? [])].sort().join(',')}`
    const first = threats.get(key)
    if (first !== undefined) {
      issues.push({
        ...error(
          'model/duplicate-assessment',
          `threat '${assessment.threat}' is assessed more than once for the same releases`,
          ['threatAssessments', i, 'threat'],
        ),
        related: { path: ['threatAssessments', first, 'threat'] },
      })
    } else {
      threats.set(key, i)
    }
  })
  const findings = new Map<string, number>()
  model.findingAssessments.forEach((assessment, i) => {
    const key = `${assessment.finding} ${[...(assessment.releases ?? [])].sort().join(',')}`
    const first = findings.get(key)
    if (first !== undefined) {
      issues.push({
        ...error(
          'model/duplicate-assessment',
          `finding '${assessment.finding}' is assessed more than once for the same releases`,
          ['findingAssessments', i, 'finding'],
        ),
        related: { path: ['findingAssessments', first, 'finding'] },
      })
    } else {
      findings.set(key, i)
    }
    // CSAF 2.0 (6.1.27.9 "impact statement") and OpenVEX both require a reason for not_affected.
    if (
      assessment.status === 'not_affected' &&
      assessment.justification === undefined &&
      assessment.detail === undefined
    ) {
      issues.push(
        error(
          'model/vex-without-justification',
          `finding '${assessment.finding}' is not_affected without a justification or detail; VEX requires one`,
          ['findingAssessments', i],
        ),
      )
    }
    if (assessment.status !== 'not_affected' && assessment.justification !== undefined) {
      issues.push(
        error(
          'model/vex-justification-misplaced',
          `finding '${assessment.finding}' has a justification, which VEX allows only with status not_affected`,
          ['findingAssessments', i, 'justification'],
        ),
      )
    }
  })
  return issues
}

const checkSeverityScale = (model: DeviceModel): Issue[] => {
  const seen = new Set<string>()
  const issues: Issue[] = []
  model.severityScale.forEach((level, i) => {
    if (seen.has(level.id)) {
      issues.push(
        error('model/duplicate-id', `severity level '${level.id}' appears twice on the scale`, [
          'severityScale',
          i,
          'id',
        ]),
      )
    }
    seen.add(level.id)
  })
  return issues
}

/**
 * What a risk evaluation must say whatever the policy: how exploitable (a CVSS vector or a policy
 * level, not both), a valid vector, and an acceptance that is reviewed after it is given. Policy
 * levels themselves are checked against the policy when the register is evaluated.
 */
const checkRiskEvaluations = (model: DeviceModel): Issue[] => {
  const issues: Issue[] = []
  const check = (risk: RiskEvaluation, path: readonly (string | number)[], label: string): void => {
    for (const stage of ['before', 'after'] as const) {
      const estimate = risk[stage]
      if (estimate === undefined) continue
      if (estimate.cvss !== undefined && estimate.exploitability !== undefined) {
        issues.push(
          error(
            'model/risk-exploitability-twice',
            `the ${stage}-control risk of ${label} gives both a CVSS vector and an exploitability level; keep one`,
            [...path, stage],
          ),
        )
      }
      if (estimate.cvss !== undefined) {
        const parsed = parseCvss(estimate.cvss)
        if (!parsed.ok) {
          issues.push(error('model/invalid-cvss', parsed.error.message, [...path, stage, 'cvss']))
        }
      }
    }
    if (risk.before.cvss === undefined && risk.before.exploitability === undefined) {
      issues.push(
        error(
          'model/risk-without-exploitability',
          `the before-control risk of ${label} needs a CVSS vector ('cvss') or an exploitability level ('exploitability')`,
          [...path, 'before'],
        ),
      )
    }
    const acceptance = risk.acceptance
    if (acceptance !== undefined && acceptance.reReview <= acceptance.date) {
      issues.push(
        error(
          'model/re-review-before-acceptance',
          `the acceptance of ${label} is to be re-reviewed on ${acceptance.reReview}, not after it was given on ${acceptance.date}`,
          [...path, 'acceptance', 'reReview'],
        ),
      )
    }
  }
  model.threatAssessments.forEach((assessment, i) => {
    if (assessment.risk !== undefined) {
      check(assessment.risk, ['threatAssessments', i, 'risk'], `threat '${assessment.threat}'`)
    }
  })
  model.findingAssessments.forEach((assessment, i) => {
    if (assessment.risk !== undefined) {
      check(assessment.risk, ['findingAssessments', i, 'risk'], `finding '${assessment.finding}'`)
    }
  })
  return issues
}
