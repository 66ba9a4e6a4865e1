import {
  isPartOfDevice,
  type Asset,
  type Component,
  type Control,
  type DataFlow,
  type DeviceModel,
  type Element,
  type Interface,
  type InterfaceType,
  type Release,
  type Role,
} from '../../model/index.js'

/**
 * The slice of the model an MDS2 speaks about: the device's own elements, interfaces, data flows,
 * roles and components in the documented release. Related systems (clouds, HDO servers) count
 * only as the other end of a data flow, because the form describes the device.
 */
export interface DeviceFacts {
  readonly model: DeviceModel
  readonly release?: Release
  readonly deviceElements: readonly Element[]
  readonly isDevice: (elementId: string) => boolean
  /** Interfaces of device elements that are present and not disabled. */
  readonly interfaces: readonly Interface[]
  readonly disabledInterfaces: readonly Interface[]
  /** Data flows with a device element at either end. */
  readonly flows: readonly DataFlow[]
  /** Device flows that carry an asset of category `phi`. */
  readonly phiFlows: readonly DataFlow[]
  readonly phiAssets: readonly Asset[]
  /** Roles acting on a device element (roles that name no element count too). */
  readonly roles: readonly Role[]
  readonly components: readonly Component[]
  /** Implemented or verified controls of the release, planned ones left out. */
  readonly controls: readonly Control[]
  readonly interfaceById: ReadonlyMap<string, Interface>
  readonly elementById: ReadonlyMap<string, Element>
}

type InRelease = { readonly releases?: readonly string[] | undefined }

const inRelease =
  (release: string | undefined) =>
  (item: InRelease): boolean =>
    release === undefined || item.releases === undefined || item.releases.includes(release)

export const deviceFacts = (model: DeviceModel, releaseVersion?: string): DeviceFacts => {
  const release = model.releases.find((candidate) => candidate.version === releaseVersion)
  const applies = inRelease(releaseVersion)
  const deviceElements = model.elements.filter(isPartOfDevice)
  const deviceIds = new Set(deviceElements.map((element) => element.id))
  const isDevice = (elementId: string): boolean => deviceIds.has(elementId)
  const present = model.interfaces.filter((item) => applies(item) && isDevice(item.element))
  const flows = model.dataFlows.filter(
    (flow) => applies(flow) && (isDevice(flow.from) || isDevice(flow.to)),
  )
  const phiAssets = model.assets.filter((asset) => asset.category === 'phi')
  const phiIds = new Set(phiAssets.map((asset) => asset.id))
  const releaseComponents =
    release?.components === undefined ? undefined : new Set(release.components)
  return {
    model,
    ...(release === undefined ? {} : { release }),
    deviceElements,
    isDevice,
    interfaces: present.filter((item) => item.status !== 'disabled'),
    disabledInterfaces: present.filter((item) => item.status === 'disabled'),
    flows,
    phiFlows: flows.filter((flow) => (flow.assets ?? []).some((asset) => phiIds.has(asset))),
    phiAssets,
    roles: model.roles.filter(
      (role) => role.elements === undefined || role.elements.some(isDevice),
    ),
    components: model.components.filter(
      (component) => releaseComponents === undefined || releaseComponents.has(component.id),
    ),
    controls: model.controls.filter((control) => applies(control) && control.status !== 'planned'),
    interfaceById: new Map(model.interfaces.map((item) => [item.id, item])),
    elementById: new Map(model.elements.map((element) => [element.id, element])),
  }
}

/** The interface types a flow travels over, or undefined when the flow names no interface. */
export const flowInterfaceTypes = (
  facts: DeviceFacts,
  flow: DataFlow,
): ReadonlySet<InterfaceType> | undefined => {
  if (flow.interfaces === undefined || flow.interfaces.length === 0) return undefined
  const types = new Set<InterfaceType>()
  for (const id of flow.interfaces) {
    const found = facts.interfaceById.get(id)
    if (found !== undefined) types.add(found.type)
  }
  return types
}

export const WIRELESS_TYPES: readonly InterfaceType[] = [
  'ble',
  'bluetooth-classic',
  'wifi',
  'cellular',
  'nfc',
  'inductive',
  'proprietary-rf',
  'infrared',
]

export const PHYSICAL_TYPES: readonly InterfaceType[] = [
  'ethernet',
  'usb',
  'serial',
  'removable-media',
  'debug-jtag',
  'debug-swd',
  'debug-uart',
]

/** `pump-ble (ble)`: how an interface is named in notes. */
export const interfaceLabel = (item: Interface): string => `${item.id} (${item.type})`

export const joinIds = (ids: readonly string[]): string => [...new Set(ids)].sort().join(', ')
