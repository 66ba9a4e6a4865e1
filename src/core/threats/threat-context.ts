import {
  isPartOfDevice,
  type Asset,
  type AssetCategory,
  type Component,
  type Control,
  type DataFlow,
  type DeviceModel,
  type Element,
  type Interface,
} from '../model/index.js'

/**
 * The model with the questions threat rules keep asking answered once: who talks to whom, what
 * lies inside which trust boundary, which elements deliver therapy. Built once per evaluation so
 * that a rule is a few lines of filtering and evaluation stays linear in the model's size.
 */
export interface ThreatContext {
  readonly model: DeviceModel
  /** The day the threats are evaluated for (YYYY-MM-DD), for rules about support dates. */
  readonly date: string
  readonly element: (id: string) => Element | undefined
  readonly interfaceById: (id: string) => Interface | undefined
  readonly asset: (id: string) => Asset | undefined
  readonly interfacesOf: (elementId: string) => readonly Interface[]
  readonly flowsFrom: (elementId: string) => readonly DataFlow[]
  readonly flowsTo: (elementId: string) => readonly DataFlow[]
  readonly flowsThrough: (interfaceId: string) => readonly DataFlow[]
  readonly componentsOn: (elementId: string) => readonly Component[]
  /** Controls that name the item in their `elements`. */
  readonly controlsOn: (id: string) => readonly Control[]
  /** Trust boundaries that contain the element, directly or through nesting. */
  readonly boundariesOf: (elementId: string) => ReadonlySet<string>
  /** Trust boundaries the flow enters or leaves: those holding exactly one of its ends. */
  readonly crossedBoundaries: (flow: DataFlow) => readonly string[]
  readonly isDevice: (elementId: string) => boolean
  /** Performs a therapy-delivery clinical function or holds therapy-delivery assets. */
  readonly deliversTherapy: (elementId: string) => boolean
  /** Performs a clinical function that essential performance depends on. */
  readonly hasEssentialPerformance: (elementId: string) => boolean
  /** Rubric categories of the clinical functions and assets of an element. */
  readonly clinicalCategoriesOf: (elementId: string) => ReadonlySet<AssetCategory>
  readonly assetsOn: (flow: DataFlow) => readonly Asset[]
  /** The flow carries PHI, or diagnosis or therapy data whose integrity matters. */
  readonly carriesSensitiveData: (flow: DataFlow) => boolean
  /**
   * A person at the element's own screen or keys: physical presence is the authentication, so
   * network threats to the path do not apply.
   */
  readonly isLocalUserInteraction: (flow: DataFlow) => boolean
  /** Reaches many patients' devices at once: cloud, update and fleet servers. */
  readonly servesManyPatients: (elementId: string) => boolean
}

const group = <T>(items: readonly T[], keys: (item: T) => readonly string[]): Map<string, T[]> => {
  const map = new Map<string, T[]>()
  for (const item of items) {
    for (const key of keys(item)) {
      const list = map.get(key)
      if (list === undefined) map.set(key, [item])
      else list.push(item)
    }
  }
  return map
}

/** Element id → every trust boundary it is inside, nesting included. */
const containment = (model: DeviceModel): Map<string, Set<string>> => {
  const parents = group(model.trustBoundaries, (b) => b.boundaries ?? [])
  const ancestors = (boundary: string, seen: Set<string>): Set<string> => {
    if (seen.has(boundary)) return seen
    seen.add(boundary)
    for (const parent of parents.get(boundary) ?? []) ancestors(parent.id, seen)
    return seen
  }
  const inside = new Map<string, Set<string>>()
  for (const boundary of model.trustBoundaries) {
    for (const element of boundary.elements) {
      const set = inside.get(element) ?? new Set<string>()
      for (const id of ancestors(boundary.id, new Set())) set.add(id)
      inside.set(element, set)
    }
  }
  return inside
}

const FLEET_KINDS = new Set([
  'cloud-service',
  'update-server',
  'server',
  'hdo-system',
  'workstation',
])

export const createThreatContext = (model: DeviceModel, date: string): ThreatContext => {
  const elements = new Map(model.elements.map((e) => [e.id, e]))
  const interfaces = new Map(model.interfaces.map((i) => [i.id, i]))
  const assets = new Map(model.assets.map((a) => [a.id, a]))
  const interfacesOf = group(model.interfaces, (i) => [i.element])
  const flowsFrom = group(model.dataFlows, (f) => [f.from])
  const flowsTo = group(model.dataFlows, (f) => [f.to])
  const flowsThrough = group(model.dataFlows, (f) => f.interfaces ?? [])
  const componentsOn = group(model.components, (c) => c.elements ?? [])
  const controlsOn = group(model.controls, (c) => c.elements ?? [])
  const inside = containment(model)
  const none = new Set<string>()

  const categories = new Map<string, Set<AssetCategory>>()
  const addCategory = (elementId: string, category: AssetCategory): void => {
    const set = categories.get(elementId) ?? new Set<AssetCategory>()
    set.add(category)
    categories.set(elementId, set)
  }
  for (const fn of model.product.clinicalFunctions) {
    for (const id of fn.elements ?? []) addCategory(id, fn.category)
  }
  for (const asset of model.assets) {
    for (const id of asset.elements ?? []) addCategory(id, asset.category)
  }
  const essentialFunctions = new Set(
    (model.product.essentialPerformance ?? []).flatMap((p) => p.functions ?? []),
  )
  const essentialElements = new Set(
    model.product.clinicalFunctions
      .filter((fn) => essentialFunctions.has(fn.id))
      .flatMap((fn) => fn.elements ?? []),
  )
  const isDevice = (id: string): boolean => {
    const element = elements.get(id)
    return element !== undefined && isPartOfDevice(element)
  }
  const assetsOn = (flow: DataFlow): Asset[] =>
    (flow.assets ?? []).flatMap((id) => assets.get(id) ?? [])

  return {
    model,
    date,
    element: (id) => elements.get(id),
    interfaceById: (id) => interfaces.get(id),
    asset: (id) => assets.get(id),
    interfacesOf: (id) => interfacesOf.get(id) ?? [],
    flowsFrom: (id) => flowsFrom.get(id) ?? [],
    flowsTo: (id) => flowsTo.get(id) ?? [],
    flowsThrough: (id) => flowsThrough.get(id) ?? [],
    componentsOn: (id) => componentsOn.get(id) ?? [],
    controlsOn: (id) => controlsOn.get(id) ?? [],
    boundariesOf: (id) => inside.get(id) ?? none,
    crossedBoundaries: (flow) => {
      const from = inside.get(flow.from) ?? none
      const to = inside.get(flow.to) ?? none
      return [...new Set([...from, ...to])].filter((b) => from.has(b) !== to.has(b)).sort()
    },
    isDevice,
    deliversTherapy: (id) => categories.get(id)?.has('therapy-delivery') === true,
    hasEssentialPerformance: (id) => essentialElements.has(id),
    clinicalCategoriesOf: (id) => categories.get(id) ?? new Set<AssetCategory>(),
    assetsOn,
    carriesSensitiveData: (flow) =>
      assetsOn(flow).some(
        (asset) =>
          asset.category === 'phi' ||
          ((asset.category === 'diagnosis-monitoring' || asset.category === 'therapy-delivery') &&
            asset.security.integrity !== 'none'),
      ),
    isLocalUserInteraction: (flow) =>
      (flow.interfaces?.length ?? 0) > 0 &&
      (flow.interfaces ?? []).every((id) => interfaces.get(id)?.type === 'user-interface'),
    servesManyPatients: (id) => {
      const element = elements.get(id)
      if (element === undefined || !FLEET_KINDS.has(element.kind)) return false
      return (flowsFrom.get(id) ?? []).some((flow) => isDevice(flow.to))
    },
  }
}
