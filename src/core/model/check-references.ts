import type { DocumentPath, Issue } from '../issue.js'
import { closestMatch } from './closest-match.js'
import type { DeviceModel, ListSection } from './model-document-schema.js'
import type { ItemKind, ModelIndex } from './model-index.js'

/** A field of a list item that names other items, and the kinds it may name. */
interface ReferenceField {
  readonly section: ListSection
  readonly field: string
  readonly kinds: readonly ItemKind[]
}

const FLOW_ENDS: readonly ItemKind[] = ['element']
const PLACES: readonly ItemKind[] = ['element', 'interface', 'data flow']

const REFERENCE_FIELDS: readonly ReferenceField[] = [
  { section: 'interfaces', field: 'element', kinds: ['element'] },
  { section: 'dataFlows', field: 'from', kinds: FLOW_ENDS },
  { section: 'dataFlows', field: 'to', kinds: FLOW_ENDS },
  { section: 'dataFlows', field: 'interfaces', kinds: ['interface'] },
  { section: 'dataFlows', field: 'intermediaries', kinds: ['element'] },
  { section: 'dataFlows', field: 'assets', kinds: ['asset'] },
  { section: 'trustBoundaries', field: 'elements', kinds: ['element'] },
  { section: 'trustBoundaries', field: 'boundaries', kinds: ['trust boundary'] },
  { section: 'roles', field: 'elements', kinds: ['element'] },
  { section: 'actors', field: 'roles', kinds: ['role'] },
  { section: 'assets', field: 'elements', kinds: ['element'] },
  { section: 'assets', field: 'clinicalFunction', kinds: ['clinical function'] },
  { section: 'components', field: 'elements', kinds: ['element'] },
  { section: 'sboms', field: 'elements', kinds: ['element'] },
  { section: 'releases', field: 'sboms', kinds: ['SBOM'] },
  { section: 'releases', field: 'components', kinds: ['component'] },
  { section: 'hazards', field: 'functions', kinds: ['clinical function'] },
  { section: 'hazards', field: 'assets', kinds: ['asset'] },
  { section: 'hazardousSituations', field: 'hazard', kinds: ['hazard'] },
  { section: 'hazardousSituations', field: 'harms', kinds: ['harm'] },
  {
    section: 'threats',
    field: 'elements',
    kinds: [...PLACES, 'asset', 'component', 'trust boundary'],
  },
  { section: 'controls', field: 'elements', kinds: [...PLACES, 'trust boundary', 'component'] },
  { section: 'controls', field: 'hazardousSituations', kinds: ['hazardous situation'] },
  { section: 'verifications', field: 'controls', kinds: ['control'] },
  { section: 'threatAssessments', field: 'controls', kinds: ['control'] },
  { section: 'threatAssessments', field: 'hazardousSituations', kinds: ['hazardous situation'] },
  { section: 'findingAssessments', field: 'controls', kinds: ['control'] },
  { section: 'findingAssessments', field: 'hazardousSituations', kinds: ['hazardous situation'] },
  { section: 'findingAssessments', field: 'verifications', kinds: ['verification'] },
]

export interface ReferenceCheckOptions {
  /**
   * Ids of the threat rules that exist. When given, a generated threat id `rule@element` must
   * name one of them; when absent only the element part is checked.
   */
  readonly ruleIds?: ReadonlySet<string>
}

/** Checks that every reference in the model names an item that exists and is of the right kind. */
export const checkReferences = (
  model: DeviceModel,
  index: ModelIndex,
  options: ReferenceCheckOptions = {},
): Issue[] => {
  const issues: Issue[] = []
  const ids = [...index.items.keys()]

  const checkRef = (id: string, kinds: readonly ItemKind[], path: DocumentPath): void => {
    const found = index.items.get(id)
    if (found === undefined) {
      const candidates = ids.filter((candidate) => {
        const kind = index.items.get(candidate)?.kind
        return kind !== undefined && kinds.includes(kind)
      })
      const guess = closestMatch(id, candidates)
      issues.push({
        severity: 'error',
        code: 'model/unknown-reference',
        message:
          `unknown ${kinds.join(' or ')} '${id}'` +
          (guess === undefined ? '' : `; did you mean '${guess}'?`),
        path,
      })
    } else if (!kinds.includes(found.kind)) {
      issues.push({
        severity: 'error',
        code: 'model/wrong-reference-kind',
        message: `'${id}' is ${withArticle(found.kind)}, but ${withArticle(kinds.join(' or '))} is expected here`,
        path,
        related: { path: found.path },
      })
    }
  }

  for (const { section, field, kinds } of REFERENCE_FIELDS) {
    ;(model[section] as readonly Record<string, unknown>[]).forEach((item, i) => {
      const value = item[field]
      if (typeof value === 'string') checkRef(value, kinds, [section, i, field])
      if (Array.isArray(value)) {
        value.forEach((id: unknown, j) => {
          if (typeof id === 'string') checkRef(id, kinds, [section, i, field, j])
        })
      }
    })
  }
  model.product.clinicalFunctions.forEach((fn, i) => {
    fn.elements?.forEach((id, j) => {
      checkRef(id, ['element'], ['product', 'clinicalFunctions', i, 'elements', j])
    })
  })
  model.product.essentialPerformance?.forEach((performance, i) => {
    performance.functions?.forEach((id, j) => {
      checkRef(id, ['clinical function'], ['product', 'essentialPerformance', i, 'functions', j])
    })
  })
  model.components.forEach((component, i) => {
    component.sbomRefs?.forEach((ref, j) => {
      checkRef(ref.sbom, ['SBOM'], ['components', i, 'sbomRefs', j, 'sbom'])
    })
  })

  const checkThreatRef = (ref: string, path: DocumentPath): void => {
    const at = ref.indexOf('@')
    if (at < 0) {
      checkRef(ref, ['threat'], path)
      return
    }
    const rule = ref.slice(0, at)
    const subject = ref.slice(at + 1)
    if (options.ruleIds !== undefined && !options.ruleIds.has(rule)) {
      const guess = closestMatch(rule, [...options.ruleIds])
      issues.push({
        severity: 'error',
        code: 'model/unknown-rule',
        message:
          `'${ref}' names threat rule '${rule}', which does not exist` +
          (guess === undefined ? '' : `; did you mean '${guess}'?`),
        path,
      })
    }
    if (!index.items.has(subject)) {
      issues.push({
        severity: 'error',
        code: 'model/unknown-reference',
        message: `generated threat '${ref}' is about '${subject}', which is not in the model`,
        path,
      })
    }
  }
  model.controls.forEach((control, i) => {
    control.mitigates?.forEach((ref, j) => {
      checkThreatRef(ref, ['controls', i, 'mitigates', j])
    })
  })
  model.verifications.forEach((verification, i) => {
    verification.threats?.forEach((ref, j) => {
      checkThreatRef(ref, ['verifications', i, 'threats', j])
    })
    verification.results?.forEach((result, j) => {
      checkRelease(result.release, ['verifications', i, 'results', j, 'release'])
    })
  })
  for (const section of [
    'interfaces',
    'dataFlows',
    'controls',
    'threatAssessments',
    'findingAssessments',
  ] as const) {
    ;(model[section] as readonly { releases?: readonly string[] }[]).forEach((item, i) => {
      item.releases?.forEach((version, j) => {
        checkRelease(version, [section, i, 'releases', j])
      })
    })
  }

  function checkRelease(version: string, path: DocumentPath): void {
    if (index.releaseVersions.has(version)) return
    const guess = closestMatch(version, [...index.releaseVersions])
    issues.push({
      severity: 'error',
      code: 'model/unknown-release',
      message:
        `unknown release '${version}'` + (guess === undefined ? '' : `; did you mean '${guess}'?`),
      path,
    })
  }

  const severities = model.severityScale.map((level) => level.id)
  model.harms.forEach((harm, i) => {
    if (severities.includes(harm.severity)) return
    issues.push({
      severity: 'error',
      code: 'model/unknown-severity',
      message: `severity '${harm.severity}' is not on the severity scale (${severities.join(', ')})`,
      path: ['harms', i, 'severity'],
    })
  })
  for (const section of ['threatAssessments', 'findingAssessments'] as const) {
    model[section].forEach((assessment, i) => {
      for (const stage of ['before', 'after'] as const) {
        const severity = assessment.risk?.[stage]?.severity
        if (severity === undefined || severities.includes(severity)) continue
        const guess = closestMatch(severity, severities)
        issues.push({
          severity: 'error',
          code: 'model/unknown-severity',
          message:
            `severity '${severity}' is not on the severity scale (${severities.join(', ')})` +
            (guess === undefined ? '' : `; did you mean '${guess}'?`),
          path: [section, i, 'risk', stage, 'severity'],
        })
      }
    })
  }
  return issues
}

const withArticle = (noun: string): string => (/^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`)
