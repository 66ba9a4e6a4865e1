import { isPartOfDevice, type DeviceModel, type VEX_JUSTIFICATIONS } from '../model/index.js'
import { EXTERNAL_INTERFACE_TYPES, type Finding } from '../vulnerabilities/index.js'

/** A VEX status in the model's vocabulary (`under_investigation` is CycloneDX's `in_triage`). */
export type SuggestedStatus = 'not_affected' | 'affected' | 'fixed' | 'under_investigation'

/** What the evidence suggests for a new finding; a person decides. */
export interface TriageSuggestion {
  readonly status: SuggestedStatus
  readonly justification?: (typeof VEX_JUSTIFICATIONS)[number]
  /** Why, as plain sentences in the order they were reasoned. */
  readonly reasoning: readonly string[]
}

const applies = (releases: readonly string[] | undefined, release: string): boolean =>
  releases === undefined || releases.includes(release)

/** Why an element can be reached from outside the device, and the element it is reached from. */
interface Reach {
  readonly why: string
  readonly from?: string
}
type Exposure = ReadonlyMap<string, Reach>

const directExposure = (model: DeviceModel, release: string): Map<string, Reach> => {
  const exposed = new Map<string, Reach>()
  for (const element of model.elements) {
    if (!isPartOfDevice(element)) {
      exposed.set(element.id, { why: `${element.id} is outside the device` })
    }
  }
  for (const item of model.interfaces) {
    if (item.status === 'disabled' || !applies(item.releases, release)) continue
    if (!EXTERNAL_INTERFACE_TYPES.has(item.type) || exposed.has(item.element)) continue
    exposed.set(item.element, {
      why: `${item.element} has the enabled ${item.type} interface ${item.id} in release ${release}`,
    })
  }
  return exposed
}

/**
 * Elements an attacker outside the device can send data to: those outside it or with an enabled
 * network, radio or USB interface in the release, then every element a data flow of the release
 * brings data to from one of them (and back, on flows that carry responses), until nothing
 * changes.
 */
export const exposureOf = (model: DeviceModel, release: string): Exposure => {
  const exposed = directExposure(model, release)
  const flows = model.dataFlows.filter((flow) => applies(flow.releases, release))
  const reach = (element: string, how: Reach): boolean => {
    if (exposed.has(element)) return false
    exposed.set(element, how)
    return true
  }
  let changed = true
  while (changed) {
    changed = false
    for (const flow of flows) {
      const path = [flow.from, ...(flow.intermediaries ?? []), flow.to]
      const first = path.findIndex((element) => exposed.has(element))
      if (first < 0) continue
      const source = path[first] ?? flow.from
      path.forEach((element, index) => {
        if (index === first || (index < first && flow.bidirectional !== true)) return
        const why =
          index > first
            ? `data flow ${flow.id} brings ${element} data from ${source}`
            : `data flow ${flow.id} brings responses to ${element} from ${source}`
        if (reach(element, { why, from: source })) changed = true
      })
    }
  }
  return exposed
}

/** How the attacker gets to the element, from the outside in: one clause per hop. */
const pathTo = (exposure: Exposure, element: string): string => {
  const clauses: string[] = []
  const seen = new Set<string>()
  let current: string | undefined = element
  while (current !== undefined && !seen.has(current)) {
    seen.add(current)
    const hop = exposure.get(current)
    if (hop === undefined) break
    clauses.push(hop.why)
    current = hop.from
  }
  return clauses.join('; ')
}

const recorded = (finding: Finding): TriageSuggestion | undefined => {
  if (finding.status === 'untriaged') return undefined
  const justification = finding.assessment?.justification
  return {
    status: finding.status,
    ...(justification === undefined ? {} : { justification }),
    reasoning: [
      `The model already records ${finding.assessedAs ?? finding.id} as ${finding.status}${justification === undefined ? '' : ` (${justification})`}; that decision carries over.`,
    ],
  }
}

const kevSentence = (finding: Finding): string[] =>
  finding.kev === undefined
    ? []
    : [
        `CISA lists ${finding.vulnerability} as exploited in the wild since ${finding.kev.dateAdded}.`,
      ]

const investigate = (reasoning: readonly string[]): TriageSuggestion => ({
  status: 'under_investigation',
  reasoning: [...reasoning, 'A person has to decide whether the release is affected.'],
})

/**
 * The triage a new finding suggests for one release. `not_affected` (vulnerable code not in the
 * execute path) only when the model says where the component runs and none of those elements
 * can be reached from outside the device in that release: no enabled network, radio or USB
 * interface, and no data flow bringing data from an element that has one or lies outside the
 * device. Whatever the model does not say leaves the finding under investigation. A finding the
 * model already triaged keeps that decision.
 */
export const suggestTriage = (
  finding: Finding,
  model: DeviceModel,
  release: string,
): TriageSuggestion => {
  const kept = recorded(finding)
  if (kept !== undefined)
    return { ...kept, reasoning: [...kevSentence(finding), ...kept.reasoning] }
  const component = finding.target.name
  const hosts = finding.target.hosts
  const reasoning = kevSentence(finding)
  if (hosts.length === 0) {
    return investigate([
      ...reasoning,
      `The model does not say which element runs ${component}, so whether an attacker can reach it is unknown.`,
    ])
  }
  const elements = new Set(model.elements.map((element) => element.id))
  const unknown = hosts.filter((host) => !elements.has(host))
  if (unknown.length > 0) {
    return investigate([
      ...reasoning,
      `${component} runs on ${unknown.join(', ')}, which the model does not describe as an element, so whether an attacker can reach it is unknown.`,
    ])
  }
  reasoning.push(`${component} runs on ${hosts.join(', ')}.`)
  const exposure = exposureOf(model, release)
  const reached = hosts.filter((host) => exposure.has(host))
  if (reached.length > 0) {
    return investigate([
      ...reasoning,
      ...reached.map(
        (host) => `It can be reached from outside the device: ${pathTo(exposure, host)}.`,
      ),
    ])
  }
  return {
    status: 'not_affected',
    justification: 'vulnerable_code_not_in_execute_path',
    reasoning: [
      ...reasoning,
      hosts.length === 1
        ? `In release ${release}, that element has no enabled network, wireless or USB interface, and no data flow brings it data from outside the device.`
        : `In release ${release}, none of those elements has an enabled network, wireless or USB interface, and no data flow brings them data from outside the device.`,
      'So the model shows no path on which an attacker reaches the vulnerable code; confirm that no local function runs it before recording not_affected.',
    ],
  }
}
