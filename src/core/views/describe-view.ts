import type { ClinicalFunction, DeviceModel, Owner } from '../model/index.js'
import type { ViewControl, ViewElement, ViewFlow } from './architecture-view.js'

/** "A", "A and B", "A, B and C", or the first `max` and how many more. */
export const listOf = (items: readonly string[], max = 6): string => {
  if (items.length > max) {
    const rest = items.length - max
    return `${items.slice(0, max).join(', ')} and ${String(rest)} more`
  }
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`
}

const count = (n: number, one: string, many = `${one}s`): string =>
  `${String(n)} ${n === 1 ? one : many}`

/** What a view description is written from. */
export interface DescriptionInput {
  readonly model: DeviceModel
  readonly elements: readonly ViewElement[]
  readonly flows: readonly ViewFlow[]
  readonly controls: readonly ViewControl[]
  readonly boundaryCount: number
  readonly name: (elementId: string) => string
}

const weakFlowsSentence = (input: DescriptionInput): string[] => {
  const weak = input.flows.filter((f) => f.weaknesses.length > 0)
  if (weak.length === 0) return []
  const verb = weak.length === 1 ? 'carries' : 'carry'
  return [
    `${count(weak.length, 'flow')} ${verb} commands, software, configuration, credentials or sensitive data without a security property ${weak.length === 1 ? 'it needs' : 'they need'} (in red): ${listOf(
      weak.map((f) => f.name),
      4,
    )}.`,
  ]
}

/** How many controls apply, naming those on the flows: the diagram's table lists them all. */
const controlsSentence = (input: DescriptionInput): string[] => {
  if (input.controls.length === 0) {
    return ['No security control in the model names these elements or flows.']
  }
  const flows = new Set(input.flows.map((f) => f.id))
  const onFlows = input.controls.filter((c) => c.appliesTo.some((id) => flows.has(id)))
  const total = `${count(input.controls.length, 'security control applies', 'security controls apply')} to what the view shows`
  if (onFlows.length === 0) return [`${total}.`]
  return [
    `${total}; on its flows: ${listOf(
      onFlows.map((c) => `${c.name} (${c.status})`),
      5,
    )}.`,
  ]
}

const INTEGRITY_WORDS: Record<ViewFlow['security']['integrity'], string> = {
  none: 'no integrity protection',
  crc: 'CRC only',
  mac: 'MAC',
  signature: 'signed',
  'authenticated-encryption': 'authenticated encryption',
}

const OWNER_WORDS: Record<Owner, string> = {
  manufacturer: 'the manufacturer',
  hdo: 'the healthcare delivery organization',
  patient: 'the patient',
  'third-party': 'third parties',
}

export const describeGlobal = (input: DescriptionInput): string => {
  const { elements, flows } = input
  const device = elements.filter((e) => e.partOfDevice)
  const crossing = flows.filter((f) => f.crossedBoundaries.length > 0)
  const sentences = [
    `${input.model.product.name} as a whole: ${count(elements.length, 'element')}, ${String(device.length)} of them part of the medical device, in ${count(input.boundaryCount, 'trust boundary', 'trust boundaries')}, connected by ${count(flows.length, 'data flow')} of which ${String(crossing.length)} cross a trust boundary.`,
  ]
  const updates = elements.filter((e) => e.kind === 'update-server')
  sentences.push(
    updates.length === 0
      ? 'No update server is modelled.'
      : `Update infrastructure: ${listOf(updates.map((e) => e.name))}.`,
  )
  const cloud = elements.filter((e) => e.kind === 'cloud-service')
  if (cloud.length > 0) sentences.push(`Cloud services: ${listOf(cloud.map((e) => e.name))}.`)
  const networks = elements.filter((e) => e.role === 'network')
  if (networks.length > 0) {
    sentences.push(`Networks and intermediaries: ${listOf(networks.map((e) => e.name))}.`)
  }
  const others = (['hdo', 'patient', 'third-party'] as const).flatMap((owner) => {
    const owned = elements.filter((e) => e.owner === owner && e.role !== 'external-entity')
    return owned.length === 0
      ? []
      : [`by ${OWNER_WORDS[owner]}: ${listOf(owned.map((e) => e.name))}`]
  })
  if (others.length > 0) sentences.push(`Operated ${others.join('; ')}.`)
  return [...sentences, ...weakFlowsSentence(input)].join(' ')
}

export const describeMultiPatient = (
  input: DescriptionInput,
  hubs: readonly string[],
  fleetFlows: readonly ViewFlow[],
): string => {
  if (hubs.length === 0) {
    return 'No element reaches many patients at once: no server, cloud service, workstation or hospital system sends data flows to elements of the medical device.'
  }
  const reach = hubs.map((hub) => {
    const targets = [...new Set(input.flows.filter((f) => f.from === hub).map((f) => f.to))]
      .filter((id) => input.elements.find((e) => e.id === id)?.partOfDevice === true)
      .map(input.name)
    return targets.length === 0 ? input.name(hub) : `${input.name(hub)} (to ${listOf(targets, 3)})`
  })
  const sentences = [
    `${count(hubs.length, 'element reaches', 'elements reach')} the devices of many patients at once: ${listOf(reach, 5)}.`,
  ]
  if (fleetFlows.length > 0) {
    sentences.push(
      `Commands, configuration or software can spread from them to the devices over ${count(fleetFlows.length, 'flow')} (thick lines): ${listOf(
        fleetFlows.map((f) => f.name),
        4,
      )}.`,
    )
  }
  const hubSet = new Set(hubs)
  const inbound = input.flows.filter((f) => hubSet.has(f.to) && !hubSet.has(f.from))
  if (inbound.length > 0) {
    sentences.push(
      `Ways into them from other elements: ${listOf(
        inbound.map((f) => `${f.name} from ${input.name(f.from)}`),
        4,
      )}.`,
    )
  }
  return [...sentences, ...weakFlowsSentence(input), ...controlsSentence(input)].join(' ')
}

/** Every simple path of software from where it enters to where it ends, at most `max`. */
export const softwarePaths = (flows: readonly ViewFlow[], max: number): string[][] => {
  const out = new Map<string, ViewFlow[]>()
  const receives = new Set(flows.map((f) => f.to))
  for (const flow of flows) out.set(flow.from, [...(out.get(flow.from) ?? []), flow])
  let sources = [...out.keys()].filter((id) => !receives.has(id)).sort()
  if (sources.length === 0) sources = [...out.keys()].sort()
  const paths: string[][] = []
  const walk = (path: string[]): void => {
    if (paths.length >= max) return
    const at = path.at(-1) ?? ''
    const next = [...new Set((out.get(at) ?? []).map((f) => f.to))]
      .filter((id) => !path.includes(id))
      .sort()
    if (next.length === 0) {
      if (path.length > 1) paths.push(path)
      return
    }
    for (const id of next) walk([...path, id])
  }
  for (const source of sources) walk([source])
  return paths
}

export const describeUpdate = (
  input: DescriptionInput,
  thirdPartyHops: readonly string[],
): string => {
  if (input.flows.length === 0) {
    return 'No data flow carries software, so the model shows no update path. FDA expects the submission to explain how the device software is updated, or why it cannot be.'
  }
  const max = 8
  const paths = softwarePaths(input.flows, max + 1)
  const shown = paths.slice(0, max).map((path) => path.map(input.name).join(' → '))
  const sentences = [
    `Software reaches its destination over ${count(input.flows.length, 'flow')}${paths.length > max ? '; the first paths are' : ', along'} ${shown.join('; ')}.`,
  ]
  sentences.push(
    thirdPartyHops.length === 0
      ? 'Every hop on these paths is operated by the manufacturer.'
      : `Hops not operated by the manufacturer (highlighted): ${listOf(
          thirdPartyHops.map((id) => {
            const owner = input.elements.find((e) => e.id === id)?.owner ?? 'third-party'
            return `${input.name(id)} (${OWNER_WORDS[owner]})`
          }),
          8,
        )}.`,
  )
  const unsigned = input.flows.filter((f) => f.security.integrity !== 'signature')
  if (unsigned.length > 0) {
    sentences.push(
      `Software without a signature on the path: ${listOf(unsigned.map((f) => `${f.name} (${INTEGRITY_WORDS[f.security.integrity]})`))}.`,
    )
  }
  return [...sentences, ...weakFlowsSentence(input), ...controlsSentence(input)].join(' ')
}

export const describeUseCase = (input: DescriptionInput, fn: ClinicalFunction): string => {
  const performers = new Set(fn.elements ?? [])
  const sentences = [
    performers.size === 0
      ? `${fn.name} (${fn.category}) names no element that performs it; the view is empty until it does.`
      : `${fn.name} (${fn.category}) is performed by ${listOf([...performers].sort().map(input.name))}.`,
  ]
  if (fn.description !== undefined) sentences.push(fn.description.trim())
  const incoming = input.flows.filter((f) => performers.has(f.to) && !performers.has(f.from))
  const outgoing = input.flows.filter((f) => performers.has(f.from) && !performers.has(f.to))
  const crossing = input.flows.filter((f) => f.crossedBoundaries.length > 0)
  if (input.flows.length > 0) {
    sentences.push(
      `It receives ${count(incoming.length, 'flow')} from ${listOf([...new Set(incoming.map((f) => input.name(f.from)))].sort(), 5) || 'no other element'} and sends ${count(outgoing.length, 'flow')}; ${String(crossing.length)} of the ${count(input.flows.length, 'flow')} shown cross a trust boundary.`,
    )
  }
  return [...sentences, ...weakFlowsSentence(input), ...controlsSentence(input)].join(' ')
}
