import {
  isPartOfDevice,
  type ComponentKind,
  type DeviceModel,
  type InterfaceType,
} from '../model/index.js'

/**
 * Interfaces that make a device "able to connect to the internet" in FDA's reading of section
 * 524B: network, server and cloud connections; radio (Wi-Fi, cellular, Bluetooth, BLE and other
 * RF); magnetic inductive links; and connectors capable of an internet connection (USB, Ethernet,
 * serial), whether or not the manufacturer intends that use. A debug UART is a serial port.
 */
const CONNECTABLE_INTERFACE_TYPES: ReadonlySet<InterfaceType> = new Set<InterfaceType>([
  'ble',
  'bluetooth-classic',
  'wifi',
  'ethernet',
  'cellular',
  'network',
  'usb',
  'serial',
  'nfc',
  'inductive',
  'proprietary-rf',
  'debug-uart',
])

const SOFTWARE_KINDS: ReadonlySet<ComponentKind> = new Set<ComponentKind>([
  'application',
  'firmware',
  'operating-system',
  'rtos',
  'library',
  'runtime',
  'database',
  'driver',
  'container',
])

export interface Criterion {
  readonly met: boolean
  /** Why, in terms of the model: ids of the items that decide it. */
  readonly evidence: readonly string[]
}

export interface CyberDeviceDetermination {
  readonly isCyberDevice: boolean
  /** 524B(c)(1): includes software validated, installed or authorized by the sponsor. */
  readonly sponsorSoftware: Criterion
  /** 524B(c)(2): has the ability to connect to the internet. */
  readonly canConnectToInternet: Criterion & { readonly excluded: readonly string[] }
  /** 524B(c)(3): contains characteristics that could be vulnerable to cybersecurity threats. */
  readonly vulnerableCharacteristics: Criterion
}

/** FD&C Act section 524B(c) "cyber device" determination, with the evidence for each criterion. */
export const determineCyberDevice = (model: DeviceModel): CyberDeviceDetermination => {
  const deviceElements = new Set(model.elements.filter(isPartOfDevice).map((e) => e.id))
  const software = model.components
    .filter((c) => SOFTWARE_KINDS.has(c.kind))
    .filter((c) => c.elements === undefined || c.elements.some((id) => deviceElements.has(id)))
    .map((c) => `component ${c.id} (${c.kind})`)
  if (model.product.deviceTypes.includes('software-only')) {
    software.unshift('device type software-only (software as a medical device)')
  }
  const sponsorSoftware: Criterion = { met: software.length > 0, evidence: software }

  const connectable = model.interfaces.filter(
    (i) => deviceElements.has(i.element) && CONNECTABLE_INTERFACE_TYPES.has(i.type),
  )
  const counted = connectable.filter((i) => i.status !== 'disabled')
  const canConnectToInternet = {
    met: counted.length > 0,
    evidence: counted.map((i) => `interface ${i.id} (${i.type}, ${i.status}) on ${i.element}`),
    excluded: connectable
      .filter((i) => i.status === 'disabled')
      .map((i) => `interface ${i.id} (${i.type}) on ${i.element}: disabled in the shipped device`),
  }
  // The statute gives no test for criterion 3. Sponsor software reachable through a connectable
  // interface is an attack surface, so we presume it and say so; the manufacturer confirms.
  const vulnerable = sponsorSoftware.met && canConnectToInternet.met
  const vulnerableCharacteristics: Criterion = {
    met: vulnerable,
    evidence: vulnerable
      ? [
          'presumed: sponsor software is reachable through the connectable interfaces above; confirm or rebut in the 524B determination memo',
        ]
      : [],
  }
  return {
    isCyberDevice: sponsorSoftware.met && canConnectToInternet.met && vulnerableCharacteristics.met,
    sponsorSoftware,
    canConnectToInternet,
    vulnerableCharacteristics,
  }
}
