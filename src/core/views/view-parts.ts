import type { DataFlow, DeviceModel, Element, ElementKind, PayloadKind } from '../model/index.js'
import type { ThreatContext } from '../threats/index.js'
import type {
  DfdRole,
  FlowWeakness,
  ViewBoundary,
  ViewControl,
  ViewElement,
  ViewFlow,
} from './architecture-view.js'

const byId = (a: { readonly id: string }, b: { readonly id: string }): number =>
  a.id < b.id ? -1 : a.id > b.id ? 1 : 0

export const sortedById = <T extends { readonly id: string }>(items: readonly T[]): T[] =>
  [...items].sort(byId)

const ROLES: Partial<Record<ElementKind, DfdRole>> = {
  'data-store': 'data-store',
  'external-entity': 'external-entity',
  'network-infrastructure': 'network',
}

export const dfdRole = (kind: ElementKind): DfdRole => ROLES[kind] ?? 'process'

/** Payloads that change what a device does, or prove who may change it. */
const CONTROLLING: readonly PayloadKind[] = ['commands', 'software', 'configuration', 'credentials']
/** Payloads whose integrity matters even when nobody reads them. */
const INTEGRITY_NEEDED: readonly PayloadKind[] = ['commands', 'software', 'configuration']
const WEAK_CREDENTIALS = new Set(['shared', 'default', 'hard-coded'])

const carries = (flow: DataFlow, kinds: readonly PayloadKind[]): boolean =>
  flow.payload.some((kind) => kinds.includes(kind))

const weaknessesOf = (flow: DataFlow, sensitive: boolean): FlowWeakness[] => {
  const found: FlowWeakness[] = []
  if (flow.authentication.type === 'none') found.push('no-authentication')
  if (WEAK_CREDENTIALS.has(flow.authentication.credentials ?? '')) found.push('weak-credentials')
  // Software alone needs integrity, not secrecy: an unencrypted signed image is fine.
  const secret = sensitive || carries(flow, ['commands', 'configuration', 'credentials'])
  if (secret && flow.encryption.type === 'none') found.push('no-encryption')
  if (sensitive || carries(flow, INTEGRITY_NEEDED)) {
    if (flow.integrity === 'none') found.push('no-integrity')
    if (flow.integrity === 'crc') found.push('crc-only')
  }
  if (carries(flow, ['commands']) && !flow.replayProtection) found.push('no-replay-protection')
  return found
}

/**
 * The parts every view is built from, computed once per model: each element, flow and boundary
 * with the facts a diagram needs, and the trace to controls.
 */
export interface ViewParts {
  readonly elements: ReadonlyMap<string, ViewElement>
  readonly flows: readonly ViewFlow[]
  /** Element id → the trust boundary it is drawn in (the innermost one listing it). */
  readonly placement: ReadonlyMap<string, string>
  /** Boundary id → the boundary it is drawn inside. */
  readonly parentBoundary: ReadonlyMap<string, string>
  readonly boundaryNames: ReadonlyMap<string, string>
}

const boundaryTree = (
  model: DeviceModel,
): { parent: Map<string, string>; placement: Map<string, string> } => {
  const parent = new Map<string, string>()
  for (const boundary of sortedById(model.trustBoundaries)) {
    for (const child of boundary.boundaries ?? []) {
      if (!parent.has(child) && child !== boundary.id) parent.set(child, boundary.id)
    }
  }
  // A validated model has no nesting cycle; a cut keeps a hand-built one from looping forever.
  const depth = (id: string): number => {
    let count = 0
    const seen = new Set<string>()
    for (let at = parent.get(id); at !== undefined && !seen.has(at); at = parent.get(at)) {
      seen.add(at)
      count += 1
    }
    return count
  }
  const placement = new Map<string, string>()
  for (const boundary of sortedById(model.trustBoundaries)) {
    for (const element of boundary.elements) {
      const current = placement.get(element)
      if (current === undefined || depth(boundary.id) > depth(current)) {
        placement.set(element, boundary.id)
      }
    }
  }
  return { parent, placement }
}

export const viewParts = (model: DeviceModel, context: ThreatContext): ViewParts => {
  const controlIds = (id: string): string[] => context.controlsOn(id).map((c) => c.id)
  const elementOf = (element: Element): ViewElement => {
    const interfaces = sortedById(context.interfacesOf(element.id)).map((i) => ({
      id: i.id,
      ...(i.name === undefined ? {} : { name: i.name }),
      type: i.type,
      status: i.status,
    }))
    const roles = sortedById(model.roles.filter((r) => (r.elements ?? []).includes(element.id)))
    const controls = new Set([element.id, ...interfaces.map((i) => i.id)].flatMap(controlIds))
    return {
      id: element.id,
      name: element.name,
      kind: element.kind,
      owner: element.owner,
      role: dfdRole(element.kind),
      partOfDevice: context.isDevice(element.id),
      ...(element.quantity === undefined ? {} : { quantity: element.quantity }),
      interfaces,
      roles: roles.map((r) => ({ id: r.id, name: r.name, privileged: r.privileged })),
      controls: [...controls].sort(),
    }
  }
  // A person at the element's own screen, or a signal from outside with no interface at all
  // (electrodes on a patient): physical, not a communication path to judge.
  const physical = (flow: DataFlow): boolean =>
    context.isLocalUserInteraction(flow) ||
    ((flow.interfaces ?? []).length === 0 &&
      [flow.from, flow.to].some((id) => context.element(id)?.kind === 'external-entity'))
  const flowOf = (flow: DataFlow): ViewFlow => {
    const sensitive = context.carriesSensitiveData(flow)
    const critical = !physical(flow) && (sensitive || carries(flow, CONTROLLING))
    return {
      id: flow.id,
      name: flow.name,
      from: flow.from,
      to: flow.to,
      protocol: flow.protocol,
      payload: flow.payload,
      intermediaries: flow.intermediaries ?? [],
      releases: flow.releases ?? [],
      bidirectional: flow.bidirectional === true,
      security: {
        authentication: flow.authentication.type,
        ...(flow.authentication.credentials === undefined
          ? {}
          : { credentials: flow.authentication.credentials }),
        encryption: flow.encryption.type,
        ...(flow.encryption.version === undefined
          ? {}
          : { encryptionVersion: flow.encryption.version }),
        integrity: flow.integrity,
        replayProtection: flow.replayProtection,
      },
      critical,
      weaknesses: critical ? weaknessesOf(flow, sensitive) : [],
      crossedBoundaries: context.crossedBoundaries(flow),
      controls: controlIds(flow.id).sort(),
    }
  }
  const { parent, placement } = boundaryTree(model)
  return {
    elements: new Map(sortedById(model.elements).map((e) => [e.id, elementOf(e)])),
    flows: sortedById(model.dataFlows).map(flowOf),
    placement,
    parentBoundary: parent,
    boundaryNames: new Map(model.trustBoundaries.map((b) => [b.id, b.name])),
  }
}

/** The boundaries that hold a shown element, directly or through nesting, as a sorted tree. */
export const shownBoundaries = (
  model: DeviceModel,
  parts: ViewParts,
  shown: ReadonlySet<string>,
  context: ThreatContext,
): ViewBoundary[] => {
  const direct = new Map<string, string[]>()
  for (const id of [...shown].sort()) {
    const boundary = parts.placement.get(id)
    if (boundary !== undefined) direct.set(boundary, [...(direct.get(boundary) ?? []), id])
  }
  const children = new Map<string, string[]>()
  for (const [child, parent] of parts.parentBoundary) {
    children.set(parent, [...(children.get(parent) ?? []), child])
  }
  const build = (id: string, seen: ReadonlySet<string>): ViewBoundary | undefined => {
    const boundary = model.trustBoundaries.find((b) => b.id === id)
    if (boundary === undefined || seen.has(id)) return undefined
    const inner = new Set([...seen, id])
    const nested = (children.get(id) ?? []).sort().flatMap((child) => build(child, inner) ?? [])
    const elements = direct.get(id) ?? []
    if (elements.length === 0 && nested.length === 0) return undefined
    return {
      id,
      name: boundary.name,
      kind: boundary.kind,
      elements,
      boundaries: nested,
      controls: context
        .controlsOn(id)
        .map((c) => c.id)
        .sort(),
    }
  }
  return sortedById(model.trustBoundaries)
    .filter((b) => !parts.parentBoundary.has(b.id))
    .flatMap((b) => build(b.id, new Set()) ?? [])
}

export const boundaryIds = (boundaries: readonly ViewBoundary[]): string[] =>
  boundaries.flatMap((b) => [b.id, ...boundaryIds(b.boundaries)])

/** The controls that name a shown element (or its interface), flow or boundary. */
export const shownControls = (
  model: DeviceModel,
  elements: readonly ViewElement[],
  flows: readonly ViewFlow[],
  boundaries: readonly ViewBoundary[],
): ViewControl[] => {
  const shownAs = new Map<string, string>()
  for (const element of elements) {
    shownAs.set(element.id, element.id)
    for (const i of element.interfaces) shownAs.set(i.id, element.id)
  }
  for (const flow of flows) shownAs.set(flow.id, flow.id)
  for (const id of boundaryIds(boundaries)) shownAs.set(id, id)
  return sortedById(model.controls).flatMap((control) => {
    const appliesTo = [
      ...new Set((control.elements ?? []).flatMap((id) => shownAs.get(id) ?? [])),
    ].sort()
    if (appliesTo.length === 0) return []
    return [
      {
        id: control.id,
        name: control.name,
        category: control.category,
        status: control.status,
        appliesTo,
      },
    ]
  })
}
