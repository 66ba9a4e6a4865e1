import type { Component } from '../../model/index.js'
import type { ReportContext } from '../report-context.js'
import { joinIds, type DeviceFacts } from './device-facts.js'
import { derived, type DerivedAnswer } from './mds2-form.js'

type Rule = (facts: DeviceFacts, ctx: ReportContext) => DerivedAnswer | undefined

const software = (facts: DeviceFacts): readonly Component[] =>
  facts.components.filter((component) => component.kind !== 'hardware')

const componentsOfKind =
  (kinds: readonly Component['kind'][]): Rule =>
  (facts) => {
    if (facts.components.length === 0) return undefined
    const found = facts.components.filter((component) => kinds.includes(component.kind))
    return found.length === 0
      ? derived('no', `components (none of kind ${kinds.join(' or ')})`)
      : derived(
          'yes',
          `components ${joinIds(found.map((component) => component.id))}`,
          found
            .map((component) => `${component.name} ${component.version}`)
            .sort()
            .join('; '),
        )
  }

/**
 * The release's update method answers the x.1 to x.3 questions of every CSUP component class:
 * a device is updated as a whole (IMDRF N60 Table 2).
 */
type UpdateMethod = NonNullable<DeviceFacts['release']>['updateMethod']

/**
 * What each update method settles for questions x.1 (owner installs from instructions), x.2
 * (vendor service required) and x.3 (remote installation); undefined where it settles nothing:
 * remote delivery does not rule out a manual route.
 */
const UPDATE_ANSWERS: Readonly<
  Record<NonNullable<UpdateMethod>, readonly (DerivedAnswer['answer'] | undefined)[]>
> = {
  'user-managed': ['yes', 'no', 'no'],
  service: ['no', 'yes', 'no'],
  remote: [undefined, 'no', 'yes'],
}

const updateMethodRule =
  (question: 1 | 2 | 3): Rule =>
  ({ release }) => {
    const method = release?.updateMethod
    if (release === undefined || method === undefined) return undefined
    const answer = UPDATE_ANSWERS[method][question - 1]
    return answer === undefined
      ? undefined
      : derived(answer, `release ${release.version} updateMethod (${method})`)
  }

const firstWord = (name: string): string => name.toLowerCase().split(/[\s,]+/)[0] ?? ''

/** Components whose supplier is not the manufacturer (compared by the first word of the name). */
const thirdParty = (facts: DeviceFacts): readonly Component[] => {
  const maker = firstWord(facts.model.product.manufacturer.name)
  return software(facts).filter(
    (component) =>
      ['library', 'runtime', 'database', 'application', 'container'].includes(component.kind) &&
      component.supplier !== undefined &&
      firstWord(component.supplier) !== maker,
  )
}

const csupClassRules = (n: 2 | 3 | 5): Record<string, Rule> => ({
  [`CSUP-${n.toString()}.1`]: updateMethodRule(1),
  [`CSUP-${n.toString()}.2`]: updateMethodRule(2),
  [`CSUP-${n.toString()}.3`]: updateMethodRule(3),
})

const supportSummary = (components: readonly Component[]): string => {
  const byLevel = new Map<string, string[]>()
  for (const component of components) {
    const list = byLevel.get(component.supportLevel) ?? []
    list.push(component.name)
    byLevel.set(component.supportLevel, list)
  }
  const levels = [...byLevel.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([level, names]) => `${level}: ${names.length.toString()}`)
  const ending = components
    .filter((component) => component.endOfSupport !== undefined)
    .map((component) => `${component.name} ${component.version} (${component.endOfSupport ?? ''})`)
    .sort()
  const unsupported = components
    .filter(
      (component) =>
        component.supportLevel === 'no-longer-maintained' || component.supportLevel === 'abandoned',
    )
    .map((component) => `${component.name} ${component.version}`)
    .sort()
  return [
    `Support level tracked for ${components.length.toString()} components (${levels.join(', ')})`,
    ending.length === 0 ? '' : `End of support: ${ending.join(', ')}`,
    unsupported.length === 0
      ? ''
      : `No longer supported by their suppliers: ${unsupported.join(', ')}`,
  ]
    .filter((part) => part !== '')
    .join('. ')
}

export const LIFECYCLE_RULES: Readonly<Record<string, Rule>> = {
  'CSUP-1': (facts) => {
    if (facts.components.length === 0) return undefined
    const found = software(facts)
    return found.length === 0
      ? derived('no', 'components (hardware only)')
      : derived('yes', `components (${found.length.toString()} software components)`)
  },
  'CSUP-2': componentsOfKind(['operating-system', 'rtos']),
  ...csupClassRules(2),
  'CSUP-3': componentsOfKind(['firmware', 'driver']),
  ...csupClassRules(3),
  'CSUP-5': (facts) => {
    const found = thirdParty(facts)
    return found.length === 0
      ? undefined
      : derived(
          'yes',
          `components ${joinIds(found.map((component) => component.id))} (third-party suppliers)`,
          found
            .map((component) => `${component.name} ${component.version}`)
            .sort()
            .join('; '),
        )
  },
  ...csupClassRules(5),
  'CSUP-7': ({ model }) => {
    const text = model.managementPlan?.customerCommunication
    return text === undefined
      ? undefined
      : derived('yes', 'managementPlan.customerCommunication', text)
  },
  'CSUP-11': ({ model }) => {
    const plan = model.managementPlan
    if (plan?.monitoringSources !== undefined && plan.monitoringSources.length > 0)
      return derived(
        'yes',
        'managementPlan.monitoringSources',
        `Monitored: ${plan.monitoringSources.join(', ')}${plan.monitoringFrequency === undefined ? '' : ` (${plan.monitoringFrequency})`}`,
      )
    return model.findingAssessments.length === 0
      ? undefined
      : derived(
          'yes',
          'findingAssessments',
          `${model.findingAssessments.length.toString()} vulnerability findings triaged in the model`,
        )
  },
  'CSUP-11.1': ({ model }) => {
    const text = model.managementPlan?.customerCommunication
    return text === undefined
      ? undefined
      : derived('yes', 'managementPlan.customerCommunication', text)
  },
  'CSUP-11.2': ({ model }) => {
    const frequency = model.managementPlan?.monitoringFrequency
    return frequency === undefined
      ? undefined
      : derived('yes', 'managementPlan.monitoringFrequency', frequency)
  },
  'RDMP-3': ({ release }) => {
    const end = release?.milestones?.endOfSupport
    return release === undefined || end === undefined
      ? undefined
      : derived(
          'yes',
          `release ${release.version} milestones`,
          `End of support of release ${release.version}: ${end}; component support dates are in the SBOM`,
        )
  },
  'RDMP-4': (facts) => {
    const found = software(facts)
    return found.length === 0
      ? undefined
      : derived('see-note', 'components supportLevel and endOfSupport', supportSummary(found))
  },
  'SBOM-1': (facts) => {
    const listed = facts.release?.sboms ?? facts.model.sboms.map((sbom) => sbom.id)
    if (listed.length > 0)
      return derived(
        'yes',
        `sboms ${joinIds([...listed])}`,
        `SBOM files: ${[...listed].sort().join(', ')}`,
      )
    return facts.components.length === 0
      ? undefined
      : derived('yes', 'components', 'CycloneDX SBOM generated from the components of the model')
  },
  'SBOM-2': ({ model }) =>
    model.sboms.length === 0 && model.components.length === 0
      ? undefined
      : derived(
          'yes',
          model.sboms.length === 0 ? 'components (CycloneDX export)' : 'sboms format',
          [...new Set(model.sboms.map((sbom) => sbom.format))].sort().join(', ') ||
            'cyclonedx-json',
        ),
  'SBOM-2.1': (facts) =>
    facts.components.length === 0
      ? undefined
      : derived('yes', `components (${facts.components.length.toString()})`),
  'SBOM-2.2': (facts) => {
    if (facts.components.length === 0) return undefined
    const missing = facts.components.filter((component) => component.supplier === undefined)
    return missing.length === 0
      ? derived('yes', 'components supplier')
      : derived(
          'see-note',
          'components supplier',
          `Supplier named for ${(facts.components.length - missing.length).toString()} of ${facts.components.length.toString()} components; missing for ${missing
            .map((component) => component.name)
            .sort()
            .join(', ')}`,
        )
  },
  'SBOM-2.3': (facts) =>
    facts.components.length === 0 ? undefined : derived('yes', 'components version'),
  'SBOM-2.4': (facts) => {
    if (facts.components.length === 0) return undefined
    const fields = [
      ['purl', facts.components.some((component) => component.purl !== undefined)],
      ['CPE', facts.components.some((component) => component.cpe !== undefined)],
      ['licence', facts.components.some((component) => component.license !== undefined)],
      ['support level', true],
      [
        'end of support',
        facts.components.some((component) => component.endOfSupport !== undefined),
      ],
    ] as const
    return derived(
      'yes',
      'components',
      fields
        .filter(([, present]) => present)
        .map(([name]) => name)
        .join(', '),
    )
  },
  'SBOM-4': ({ model }) => {
    const withSboms = model.releases.filter((release) => (release.sboms ?? []).length > 0)
    return withSboms.length < 2
      ? undefined
      : derived(
          'yes',
          `releases ${withSboms.map((release) => release.version).join(', ')} sboms`,
          'An SBOM is kept for each release',
        )
  },
  'STCF-3': (facts) => {
    const databases = facts.components.filter(
      (component) =>
        component.kind === 'database' && (component.elements ?? []).some(facts.isDevice),
    )
    return databases.length === 0
      ? undefined
      : derived(
          'yes',
          `components ${joinIds(databases.map((component) => component.id))}`,
          databases.map((component) => `${component.name} ${component.version}`).join('; '),
        )
  },
}
