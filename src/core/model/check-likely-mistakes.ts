import type { Issue } from '../issue.js'
import type { DeviceModel } from './model-document-schema.js'

const warning = (code: string, message: string, path: Issue['path']): Issue => ({
  severity: 'warning',
  code,
  message,
  path,
})

/**
 * Things that are allowed but usually wrong: a model that says less than the device does, or a
 * decision that no longer points at anything.
 */
export const checkLikelyMistakes = (model: DeviceModel): Issue[] => [
  ...checkInterfacesWithoutFlows(model),
  ...checkFlowsThroughInactiveInterfaces(model),
  ...checkTherapyWithoutHazard(model),
  ...checkIsolatedElements(model),
  ...checkComponentSupport(model),
  ...checkReleasesWithoutSbom(model),
  ...checkOrphanedAssessments(model),
  ...checkVerifiedControls(model),
  ...checkReleaseContents(model),
  ...checkReleaseScopes(model),
]

/**
 * In every release a flow exists in, each element it touches must have one of the flow's
 * interfaces: a flow may list the rev A and the rev B radio, one per release.
 */
const checkReleaseScopes = (model: DeviceModel): Issue[] => {
  const all = model.releases.map((release) => release.version)
  const interfaces = new Map(model.interfaces.map((item) => [item.id, item]))
  const issues: Issue[] = []
  model.dataFlows.forEach((flow, i) => {
    const byElement = new Map<string, string[]>()
    for (const id of flow.interfaces ?? []) {
      const element = interfaces.get(id)?.element
      if (element !== undefined) byElement.set(element, [...(byElement.get(element) ?? []), id])
    }
    for (const [element, ids] of byElement) {
      const missing = (flow.releases ?? all).filter(
        (version) => !ids.some((id) => (interfaces.get(id)?.releases ?? all).includes(version)),
      )
      if (missing.length === 0) continue
      issues.push(
        warning(
          'model/release-scope-mismatch',
          `data flow '${flow.id}' exists in release ${missing.join(', ')}, but none of its interfaces on '${element}' (${ids.join(', ')}) does`,
          ['dataFlows', i, 'interfaces'],
        ),
      )
    }
  })
  return issues
}

const checkVerifiedControls = (model: DeviceModel): Issue[] => {
  const verified = new Set(
    model.verifications.flatMap((verification) => verification.controls ?? []),
  )
  return model.controls.flatMap((control, i) =>
    control.status === 'verified' && !verified.has(control.id)
      ? [
          warning(
            'model/verified-control-without-verification',
            `control '${control.id}' is marked verified, but no verification names it`,
            ['controls', i, 'status'],
          ),
        ]
      : [],
  )
}

/** A release's components should come from its SBOMs, and its VEX decisions from its components. */
const checkReleaseContents = (model: DeviceModel): Issue[] => {
  const issues: Issue[] = []
  const components = new Map(model.components.map((component) => [component.id, component]))
  model.releases.forEach((release, i) => {
    const sboms = new Set(release.sboms ?? [])
    release.components?.forEach((id, j) => {
      const refs = components.get(id)?.sbomRefs
      if (refs === undefined || refs.length === 0 || refs.some((ref) => sboms.has(ref.sbom))) return
      issues.push(
        warning(
          'model/release-component-not-in-sbom',
          `component '${id}' is in release '${release.version}', but links to none of its SBOMs (${[...sboms].join(', ')})`,
          ['releases', i, 'components', j],
        ),
      )
    })
  })
  const releaseComponents = new Map(
    model.releases.map((release) => [release.version, release.components]),
  )
  model.findingAssessments.forEach((assessment, i) => {
    const component = assessment.finding.slice(assessment.finding.lastIndexOf('@') + 1)
    assessment.releases?.forEach((version, j) => {
      const inRelease = releaseComponents.get(version)
      if (inRelease === undefined || inRelease.includes(component)) return
      issues.push(
        warning(
          'model/finding-outside-release',
          `finding '${assessment.finding}' is assessed for release '${version}', which does not contain component '${component}'`,
          ['findingAssessments', i, 'releases', j],
        ),
      )
    })
  })
  return issues
}

const checkFlowsThroughInactiveInterfaces = (model: DeviceModel): Issue[] => {
  const status = new Map(model.interfaces.map((item) => [item.id, item.status]))
  const issues: Issue[] = []
  model.dataFlows.forEach((flow, i) => {
    flow.interfaces?.forEach((id, j) => {
      const state = status.get(id)
      if (state === undefined || state === 'active') return
      issues.push(
        warning(
          'model/flow-through-inactive-interface',
          `data flow '${flow.id}' uses interface '${id}', which is ${state}; mark the interface active or remove it from the flow`,
          ['dataFlows', i, 'interfaces', j],
        ),
      )
    })
  })
  return issues
}

const checkInterfacesWithoutFlows = (model: DeviceModel): Issue[] => {
  const used = new Set(model.dataFlows.flatMap((flow) => flow.interfaces ?? []))
  return model.interfaces.flatMap((item, i) =>
    item.status === 'active' && !used.has(item.id)
      ? [
          warning(
            'model/interface-without-flow',
            `interface '${item.id}' is active but no data flow uses it; add its flows or mark it unused or disabled`,
            ['interfaces', i],
          ),
        ]
      : [],
  )
}

const checkTherapyWithoutHazard = (model: DeviceModel): Issue[] => {
  const withHazard = new Set(model.hazards.flatMap((hazard) => hazard.functions ?? []))
  return model.product.clinicalFunctions.flatMap((fn, i) =>
    fn.category === 'therapy-delivery' && !withHazard.has(fn.id)
      ? [
          warning(
            'model/therapy-function-without-hazard',
            `therapy function '${fn.id}' has no hazard; a compromised therapy function can harm the patient`,
            ['product', 'clinicalFunctions', i],
          ),
        ]
      : [],
  )
}

const checkIsolatedElements = (model: DeviceModel): Issue[] => {
  const connected = new Set(
    model.dataFlows.flatMap((flow) => [flow.from, flow.to, ...(flow.intermediaries ?? [])]),
  )
  return model.elements.flatMap((element, i) =>
    connected.has(element.id)
      ? []
      : [
          warning(
            'model/isolated-element',
            `element '${element.id}' has no data flow; the threat model cannot reason about it`,
            ['elements', i],
          ),
        ],
  )
}

const checkComponentSupport = (model: DeviceModel): Issue[] =>
  model.components.flatMap((component, i) => {
    if (component.supportLevel === 'unknown') {
      return [
        warning(
          'model/component-support-unknown',
          `component '${component.id}' has an unknown support level; FDA expects the level of support of every component`,
          ['components', i, 'supportLevel'],
        ),
      ]
    }
    if (component.endOfSupport === undefined && component.kind !== 'hardware') {
      return [
        warning(
          'model/component-without-end-of-support',
          `component '${component.id}' has no end-of-support date; FDA expects one for every software component`,
          ['components', i],
        ),
      ]
    }
    return []
  })

const checkReleasesWithoutSbom = (model: DeviceModel): Issue[] =>
  model.releases.flatMap((release, i) =>
    release.sboms === undefined || release.sboms.length === 0
      ? [
          warning(
            'model/release-without-sbom',
            `release '${release.version}' has no SBOM; section 524B(b)(3) requires one for cyber devices`,
            ['releases', i],
          ),
        ]
      : [],
  )

const checkOrphanedAssessments = (model: DeviceModel): Issue[] => {
  const ids = new Set<string>(
    [
      ...model.elements,
      ...model.interfaces,
      ...model.dataFlows,
      ...model.assets,
      ...model.trustBoundaries,
      ...model.components,
    ].map((item) => item.id),
  )
  const threats = new Set(model.threats.map((threat) => threat.id))
  const issues: Issue[] = []
  model.threatAssessments.forEach((assessment, i) => {
    const at = assessment.threat.indexOf('@')
    const known = at < 0 ? threats.has(assessment.threat) : ids.has(assessment.threat.slice(at + 1))
    if (!known) {
      issues.push(
        warning(
          'model/orphaned-assessment',
          `assessment of threat '${assessment.threat}' matches nothing in the model; was the element renamed or removed?`,
          ['threatAssessments', i, 'threat'],
        ),
      )
    }
  })
  const components = new Set(model.components.map((component) => component.id))
  model.findingAssessments.forEach((assessment, i) => {
    const component = assessment.finding.slice(assessment.finding.lastIndexOf('@') + 1)
    if (!components.has(component)) {
      issues.push(
        warning(
          'model/orphaned-assessment',
          `assessment of finding '${assessment.finding}' names component '${component}', which is not in the model`,
          ['findingAssessments', i, 'finding'],
        ),
      )
    }
  })
  return issues
}
