import type {
  Asset,
  AssetCategory,
  Component,
  Control,
  DataFlow,
  DeviceModel,
  Element,
  PayloadKind,
  Role,
} from '../model/index.js'
import type { ThreatContext } from './threat-context.js'
import type { ControlCategory } from './threat-rule.js'

/**
 * Facts about elements, roles and components that several threat rules ask for, derived from the
 * threat context. Pure functions of the model; each rule keeps its own condition readable.
 */

const carriesAny = (flow: DataFlow, payloads: readonly PayloadKind[]): boolean =>
  payloads.some((payload) => flow.payload.includes(payload))

/** Flows from other elements into the element that carry one of the payloads. */
export const flowsInto = (
  context: ThreatContext,
  elementId: string,
  payloads: readonly PayloadKind[],
): DataFlow[] =>
  context.flowsTo(elementId).filter((flow) => flow.from !== elementId && carriesAny(flow, payloads))

/** Flows from the element to other elements that carry one of the payloads. */
export const flowsOutOf = (
  context: ThreatContext,
  elementId: string,
  payloads: readonly PayloadKind[],
): DataFlow[] =>
  context.flowsFrom(elementId).filter((flow) => flow.to !== elementId && carriesAny(flow, payloads))

/** The items a list of flows reaches, in first-seen order, each with the ids of its flows. */
export const flowsByDestination = (flows: readonly DataFlow[]): string =>
  groupIds(flows, (flow) => flow.to)

/** The items a list of flows comes from, in first-seen order, each with the ids of its flows. */
export const flowsBySource = (flows: readonly DataFlow[]): string =>
  groupIds(flows, (flow) => flow.from)

const groupIds = (flows: readonly DataFlow[], end: (flow: DataFlow) => string): string => {
  const groups = new Map<string, string[]>()
  for (const flow of flows) groups.set(end(flow), [...(groups.get(end(flow)) ?? []), flow.id])
  return [...groups].map(([id, flowIds]) => `${id} (${flowIds.join(', ')})`).join(', ')
}

/** The payload kinds a list of flows carries, in vocabulary order, limited to `among`. */
export const payloadsOf = (
  flows: readonly DataFlow[],
  among: readonly PayloadKind[],
): PayloadKind[] => among.filter((payload) => flows.some((flow) => flow.payload.includes(payload)))

/** "a, b and c". */
export const listed = (items: readonly string[]): string =>
  items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`

/**
 * Whose security the manufacturer answers for: the device's own elements and the systems the
 * manufacturer operates (cloud, update and service infrastructure). Hospital and third-party
 * systems outside the device are the operator's concern.
 */
export const isManufacturerResponsibility = (context: ThreatContext, element: Element): boolean =>
  context.isDevice(element.id) || element.owner === 'manufacturer'

/** Controls of one of the categories that name the item. */
export const controlsOfCategory = (
  context: ThreatContext,
  id: string,
  categories: readonly ControlCategory[],
): Control[] => context.controlsOn(id).filter((control) => categories.includes(control.category))

/** The assets the model says the element stores or performs. */
export const assetsHeldBy = (context: ThreatContext, elementId: string): Asset[] =>
  context.model.assets.filter((asset) => asset.elements?.includes(elementId) === true)

/**
 * Elements that perform a clinical function of the category that essential performance depends
 * on, e.g. the monitoring and alarm functions of a monitor.
 */
export const elementsWithEssentialPerformanceIn = (
  model: DeviceModel,
  category: AssetCategory,
): Set<string> => {
  const essential = new Set(
    (model.product.essentialPerformance ?? []).flatMap(
      (performance) => performance.functions ?? [],
    ),
  )
  return new Set(
    model.product.clinicalFunctions
      .filter((fn) => fn.category === category && essential.has(fn.id))
      .flatMap((fn) => fn.elements ?? []),
  )
}

/**
 * The element receives software that it runs itself, rather than only passing a package on to
 * another device element (a phone relaying pump firmware, a service laptop carrying firmware
 * images). An incoming software flow is relayed when every asset it carries leaves again on a
 * software flow to a device element; a flow without assets counts as the element's own software.
 */
export const runsReceivedSoftware = (context: ThreatContext, elementId: string): boolean => {
  const incoming = flowsInto(context, elementId, ['software'])
  const forwarded = new Set(
    flowsOutOf(context, elementId, ['software'])
      .filter((flow) => context.isDevice(flow.to))
      .flatMap((flow) => flow.assets ?? []),
  )
  return incoming.some(
    (flow) =>
      (flow.assets ?? []).length === 0 || (flow.assets ?? []).some((id) => !forwarded.has(id)),
  )
}

/**
 * Code-integrity controls that cover the element's software: a code, data and execution integrity
 * control naming a software flow into the element, or naming the element itself and no flow that
 * carries something other than software (input validation of orders or commands is data
 * integrity, not code integrity).
 */
export const codeIntegrityControlsOn = (context: ThreatContext, elementId: string): Control[] => {
  const softwareIn = new Set(flowsInto(context, elementId, ['software']).map((flow) => flow.id))
  const flows = new Map(context.model.dataFlows.map((flow) => [flow.id, flow]))
  return context.model.controls.filter((control) => {
    if (control.category !== 'code-data-execution-integrity') return false
    const named = control.elements ?? []
    if (named.some((id) => softwareIn.has(id))) return true
    return (
      named.includes(elementId) &&
      named.every((id) => flows.get(id)?.payload.every((p) => p === 'software') ?? true)
    )
  })
}

/** Authentication factors by kind: something known, something held, something one is. */
const FACTOR_KINDS: Readonly<Record<string, string>> = {
  password: 'knowledge',
  pin: 'knowledge',
  badge: 'possession',
  certificate: 'possession',
  biometric: 'inherence',
}

/** The role's authentication factors, `none` when it declares none. */
export const authenticationOf = (role: Role): readonly string[] =>
  role.authentication === undefined || role.authentication.length === 0
    ? ['none']
    : role.authentication

/** A multi-factor scheme, or factors of two different kinds (e.g. password and certificate). */
export const hasMultiFactorAuthentication = (role: Role): boolean => {
  const factors = authenticationOf(role)
  const kinds = new Set(factors.flatMap((factor) => FACTOR_KINDS[factor] ?? []))
  return factors.includes('multi-factor') || kinds.size > 1
}

/**
 * FDA Appendix 1 asks for multi-factor authentication of privileged users. Counted as strong:
 * multi-factor authentication, or a certificate or badge (something held that cannot be guessed).
 */
export const hasStrongAuthentication = (role: Role): boolean =>
  hasMultiFactorAuthentication(role) ||
  authenticationOf(role).some((factor) => factor === 'certificate' || factor === 'badge')

/** The role declares no authentication at all. */
export const hasNoAuthentication = (role: Role): boolean =>
  authenticationOf(role).every((factor) => factor === 'none')

/** The device elements a role acts on, in the role's order. */
export const deviceElementsOf = (context: ThreatContext, role: Role): string[] =>
  (role.elements ?? []).filter((id) => context.isDevice(id))

const LEGAL_SUFFIXES: ReadonlySet<string> = new Set([
  'inc',
  'incorporated',
  'ltd',
  'limited',
  'llc',
  'gmbh',
  'ag',
  'sa',
  'bv',
  'nv',
  'plc',
  'corp',
  'corporation',
  'co',
  'company',
  'kk',
])

const organisationWords = (name: string): string =>
  name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0 && !LEGAL_SUFFIXES.has(word))
    .join(' ')

/** The component comes from the device's legal manufacturer (its own firmware and software). */
export const isSuppliedByManufacturer = (model: DeviceModel, component: Component): boolean => {
  if (component.supplier === undefined) return false
  const supplier = organisationWords(component.supplier)
  const manufacturer = organisationWords(model.product.manufacturer.name)
  return (
    supplier.length > 0 &&
    manufacturer.length > 0 &&
    (supplier === manufacturer ||
      supplier.startsWith(`${manufacturer} `) ||
      manufacturer.startsWith(`${supplier} `))
  )
}
