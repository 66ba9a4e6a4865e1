import type { DataFlow, Interface, InterfaceType } from '../model/index.js'
import type { ThreatContext } from './threat-context.js'

/**
 * Facts about data flows and interfaces that several threat rules ask for: which flows are real
 * communication paths an attacker can reach, who is authenticated, what a flow carries. Pure
 * functions of the threat context, so rules stay a few lines of filtering.
 */

/** Interfaces that put the element on an IP network. */
const IP_INTERFACE_TYPES: ReadonlySet<InterfaceType> = new Set([
  'network',
  'ethernet',
  'wifi',
  'cellular',
])

/** Radio interfaces a transmitter in range can jam or talk to. */
export const WIRELESS_INTERFACE_TYPES: ReadonlySet<InterfaceType> = new Set([
  'wifi',
  'ble',
  'bluetooth-classic',
  'cellular',
  'proprietary-rf',
])

const DEBUG_INTERFACE_TYPES: ReadonlySet<InterfaceType> = new Set([
  'debug-jtag',
  'debug-swd',
  'debug-uart',
])

/** Trust boundary kinds that stand for one enclosure or one host. */
const ENCLOSURE_KINDS: ReadonlySet<string> = new Set(['device', 'execution-environment'])

const interfacesOfFlow = (context: ThreatContext, flow: DataFlow): Interface[] =>
  (flow.interfaces ?? []).flatMap((id) => context.interfaceById(id) ?? [])

/**
 * Not a communication path but physical presence: a person at the element's own screen or keys,
 * or the patient's body at an applied part (a flow from or to an external entity that goes through
 * no interface, such as analog ECG signals).
 */
const isPhysicalInteraction = (context: ThreatContext, flow: DataFlow): boolean => {
  if (context.isLocalUserInteraction(flow)) return true
  if ((flow.interfaces?.length ?? 0) > 0) return false
  return [flow.from, flow.to].some((id) => context.element(id)?.kind === 'external-entity')
}

const boundaryKindCache = new WeakMap<ThreatContext, ReadonlyMap<string, string>>()

const boundaryKinds = (context: ThreatContext): ReadonlyMap<string, string> => {
  const cached = boundaryKindCache.get(context)
  if (cached !== undefined) return cached
  const kinds = new Map(context.model.trustBoundaries.map((b) => [b.id, b.kind]))
  boundaryKindCache.set(context, kinds)
  return kinds
}

/**
 * Both ends sit inside one device enclosure or one host (a `device` or `execution-environment`
 * trust boundary): an internal bus or loopback connection, which an attacker reaches only by
 * opening the device or by already running code on the host.
 */
const staysInsideOneEnclosure = (context: ThreatContext, flow: DataFlow): boolean => {
  const kinds = boundaryKinds(context)
  const to = context.boundariesOf(flow.to)
  return [...context.boundariesOf(flow.from)].some(
    (id) => to.has(id) && ENCLOSURE_KINDS.has(kinds.get(id) ?? ''),
  )
}

/** A JTAG, SWD or UART debug port: rule debug-port-enabled covers these. */
export const isDebugInterface = (item: Interface): boolean => DEBUG_INTERFACE_TYPES.has(item.type)

/** Programming through a debug probe: the attack surface is the port (debug-port-enabled). */
const usesDebugInterface = (context: ThreatContext, flow: DataFlow): boolean =>
  interfacesOfFlow(context, flow).some(isDebugInterface)

/**
 * A communication path of the device an attacker could reach: at least one end is part of the
 * device, and it is neither physical presence, nor an internal bus or loopback, nor factory
 * programming through a debug port.
 */
export const isDeviceCommunicationPath = (context: ThreatContext, flow: DataFlow): boolean =>
  (context.isDevice(flow.from) || context.isDevice(flow.to)) &&
  !isPhysicalInteraction(context, flow) &&
  !staysInsideOneEnclosure(context, flow) &&
  !usesDebugInterface(context, flow)

/** The element performs a therapy-delivery clinical function (not merely stores therapy data). */
export const performsTherapy = (context: ThreatContext, elementId: string): boolean =>
  context.model.product.clinicalFunctions.some(
    (fn) => fn.category === 'therapy-delivery' && fn.elements?.includes(elementId) === true,
  )

const LINK_LAYER: ReadonlySet<string> = new Set(['wifi-link-layer', 'ble-link-layer'])
const WIRED_IP_TYPES: ReadonlySet<InterfaceType> = new Set(['network', 'ethernet'])

/**
 * Somewhere on its path the flow is in clear: it has no encryption, or only a radio hop's
 * link-layer encryption while the path goes on over a wired network (WPA2 up to the access
 * point, cleartext from the WLAN controller onwards).
 */
export const isCleartextInTransit = (context: ThreatContext, flow: DataFlow): boolean =>
  flow.encryption.type === 'none' ||
  (LINK_LAYER.has(flow.encryption.type) &&
    interfacesOfFlow(context, flow).some((item) => WIRED_IP_TYPES.has(item.type)))

/** Both ends sit in one network zone, so the flow does not come from outside it. */
export const shareNetworkZone = (context: ThreatContext, flow: DataFlow): boolean => {
  const kinds = boundaryKinds(context)
  const to = context.boundariesOf(flow.to)
  return [...context.boundariesOf(flow.from)].some(
    (id) => to.has(id) && kinds.get(id) === 'network-zone',
  )
}

/** The destination verifies who sent the flow (`source` or `mutual`). */
export const authenticatesSource = (flow: DataFlow): boolean =>
  flow.authentication.type === 'source' || flow.authentication.type === 'mutual'

/** Ids of the diagnosis, monitoring or therapy-delivery assets on the flow whose integrity matters. */
export const clinicalAssetsOn = (context: ThreatContext, flow: DataFlow): string[] =>
  context
    .assetsOn(flow)
    .filter(
      (asset) =>
        (asset.category === 'diagnosis-monitoring' || asset.category === 'therapy-delivery') &&
        asset.security.integrity !== 'none',
    )
    .map((asset) => asset.id)

/**
 * The destination accepts the flow over an IP network: through one of its own IP interfaces that
 * takes inbound traffic (direction not `out`), or, when the flow names none of the destination's
 * interfaces, through any IP interface. An element that only connects out (a phone app fetching
 * from its cloud) is not reachable that way.
 */
export const entersOverNetwork = (context: ThreatContext, flow: DataFlow): boolean => {
  const used = interfacesOfFlow(context, flow)
  const own = used.filter((item) => item.element === flow.to)
  if (own.length === 0) return used.some((item) => IP_INTERFACE_TYPES.has(item.type))
  return own.some((item) => IP_INTERFACE_TYPES.has(item.type) && item.direction !== 'out')
}

/** The flow crosses an IP network somewhere on its way, or names no interface to say otherwise. */
export const usesNetwork = (context: ThreatContext, flow: DataFlow): boolean => {
  const used = interfacesOfFlow(context, flow)
  return used.length === 0 || used.some((item) => IP_INTERFACE_TYPES.has(item.type))
}

/**
 * The flow brings software to a relay on the update path (an updater, a distribution server)
 * rather than to the element that installs it: every asset it carries leaves the destination
 * again on a software flow. A flow without assets counts as software for its destination.
 */
export const isRelayedSoftware = (context: ThreatContext, flow: DataFlow): boolean => {
  const carried = flow.assets ?? []
  if (carried.length === 0) return false
  const forwarded = new Set(
    context
      .flowsFrom(flow.to)
      .filter((next) => next.payload.includes('software'))
      .flatMap((next) => next.assets ?? []),
  )
  return carried.every((id) => forwarded.has(id))
}

/**
 * The flow can harm many patients at once: an end of it serves many patients (cloud, update or
 * fleet server, central station) and the flow travels over a network, where one attacker on the
 * path reaches every patient's traffic; or it brings configuration or software into an element
 * that serves many patients, where one change affects all of them.
 */
export const touchesManyPatients = (context: ThreatContext, flow: DataFlow): boolean =>
  ((context.servesManyPatients(flow.from) || context.servesManyPatients(flow.to)) &&
    usesNetwork(context, flow)) ||
  (context.servesManyPatients(flow.to) &&
    (flow.payload.includes('configuration') || flow.payload.includes('software')))

/**
 * The device is used on a hospital network, where one attacker on the network or in radio range
 * reaches the devices of many patients at once.
 */
export const isHospitalFleet = (context: ThreatContext): boolean =>
  context.model.product.useEnvironments.includes('hospital-network')

/** How findings name a flow: its label, its ends and its protocol. */
export const describeFlow = (flow: DataFlow): string =>
  `'${flow.name}' (${flow.from} to ${flow.to}, ${flow.protocol})`
