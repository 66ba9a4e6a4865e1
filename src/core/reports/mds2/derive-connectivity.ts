import type { DataFlow, Interface, InterfaceType } from '../../model/index.js'
import type { ReportContext } from '../report-context.js'
import {
  flowInterfaceTypes,
  interfaceLabel,
  joinIds,
  PHYSICAL_TYPES,
  WIRELESS_TYPES,
  type DeviceFacts,
} from './device-facts.js'
import { derived, type DerivedAnswer } from './mds2-form.js'

type Rule = (facts: DeviceFacts, ctx: ReportContext) => DerivedAnswer | undefined

/**
 * Yes when a device interface of one of the types exists; no otherwise, because the model's
 * interface list is meant to hold every physical and logical interface, used or not.
 */
const hasInterface =
  (types: readonly InterfaceType[]): Rule =>
  ({ interfaces, disabledInterfaces }) => {
    const found = interfaces.filter((item) => types.includes(item.type))
    if (found.length > 0)
      return derived(
        'yes',
        `interfaces ${joinIds(found.map((item) => item.id))}`,
        found.map(interfaceLabel).sort().join(', '),
      )
    const disabled = disabledInterfaces.filter((item) => types.includes(item.type))
    return derived(
      'no',
      'interfaces (none of this kind)',
      disabled.length === 0
        ? ''
        : `Present but disabled: ${disabled.map(interfaceLabel).sort().join(', ')}`,
    )
  }

/**
 * Yes when a matching flow exists; no only when every flow in scope names its interfaces, so a
 * flow of unknown path cannot hide a yes.
 */
const flowsOver =
  (pick: (facts: DeviceFacts) => readonly DataFlow[], types: readonly InterfaceType[]): Rule =>
  (facts) => {
    const flows = pick(facts)
    const typed = flows.map((flow) => ({ flow, types: flowInterfaceTypes(facts, flow) }))
    const found = typed.filter(
      (entry) => entry.types !== undefined && [...entry.types].some((type) => types.includes(type)),
    )
    if (found.length > 0)
      return derived(
        'yes',
        `dataFlows ${joinIds(found.map((entry) => entry.flow.id))}`,
        found
          .map((entry) => `${entry.flow.id} (${entry.flow.protocol})`)
          .sort()
          .join(', '),
      )
    if (flows.length > 0 && typed.some((entry) => entry.types === undefined)) return undefined
    return derived(
      'no',
      flows.length === 0 ? 'dataFlows (none in scope)' : 'dataFlows and their interfaces',
    )
  }

const flowList = (flows: readonly DataFlow[]): string =>
  flows
    .map((flow) => flow.id)
    .sort()
    .join(', ')

const phiPresent = (facts: DeviceFacts): boolean =>
  facts.phiAssets.some((asset) => (asset.elements ?? []).some(facts.isDevice)) ||
  facts.phiFlows.length > 0

const otherEnd = (facts: DeviceFacts, flow: DataFlow): string =>
  facts.isDevice(flow.from) ? flow.to : flow.from

const portsAndProtocols = (item: Interface): string => {
  const parts = [...(item.protocols ?? []), ...(item.ports ?? []).map((port) => `port ${port}`)]
  return `${item.id}: ${parts.join(', ')}`
}

export const CONNECTIVITY_RULES: Readonly<Record<string, Rule>> = {
  'MPII-1': (facts) => {
    if (phiPresent(facts))
      return derived(
        'yes',
        `assets ${joinIds(facts.phiAssets.map((asset) => asset.id))} (category phi)`,
        facts.phiFlows.length === 0 ? '' : `Carried by data flows ${flowList(facts.phiFlows)}`,
      )
    return facts.phiAssets.length === 0
      ? derived('no', 'assets (no asset of category phi)')
      : derived('no', 'assets of category phi (none on a device element or device data flow)')
  },
  'MPII-2': (facts) => {
    const stored = facts.phiAssets.filter((asset) => (asset.elements ?? []).some(facts.isDevice))
    return stored.length === 0
      ? undefined
      : derived(
          'yes',
          `assets ${joinIds(stored.map((asset) => asset.id))}`,
          stored
            .map(
              (asset) =>
                `${asset.name}: ${(asset.elements ?? []).filter(facts.isDevice).join(', ')}`,
            )
            .sort()
            .join('; '),
        )
  },
  'MPII-2.6': (facts) => {
    const exchanged = facts.phiFlows.filter(
      (flow) => !facts.isDevice(flow.from) || !facts.isDevice(flow.to),
    )
    return exchanged.length === 0
      ? undefined
      : derived(
          'yes',
          `dataFlows ${joinIds(exchanged.map((flow) => flow.id))}`,
          exchanged
            .map((flow) => `${flow.id} (with ${otherEnd(facts, flow)})`)
            .sort()
            .join(', '),
        )
  },
  'MPII-3': (facts) =>
    facts.phiFlows.length === 0
      ? undefined
      : derived('yes', `dataFlows ${joinIds(facts.phiFlows.map((flow) => flow.id))}`),
  'MPII-3.3': flowsOver((facts) => facts.phiFlows, ['removable-media']),
  'MPII-3.4': flowsOver((facts) => facts.phiFlows, ['usb', 'serial']),
  'MPII-3.5': flowsOver((facts) => facts.phiFlows, ['ethernet']),
  'MPII-3.6': flowsOver((facts) => facts.phiFlows, WIRELESS_TYPES),
  'CONN-1': hasInterface([...WIRELESS_TYPES, ...PHYSICAL_TYPES]),
  'CONN-1.1': hasInterface(WIRELESS_TYPES),
  'CONN-1.1.1': hasInterface(['wifi']),
  'CONN-1.1.2': hasInterface(['ble', 'bluetooth-classic']),
  'CONN-1.1.3': hasInterface(['cellular']),
  'CONN-1.1.4': hasInterface(['nfc', 'inductive', 'proprietary-rf', 'infrared']),
  'CONN-1.2': hasInterface(PHYSICAL_TYPES),
  'CONN-1.2.1': hasInterface(['ethernet']),
  'CONN-1.2.2': hasInterface(['usb']),
  'CONN-1.2.3': hasInterface(['removable-media']),
  'CONN-1.2.4': hasInterface(['serial', 'debug-jtag', 'debug-swd', 'debug-uart']),
  'CONN-2': ({ interfaces }) => {
    const listed = interfaces.filter(
      (item) => (item.protocols ?? []).length > 0 || (item.ports ?? []).length > 0,
    )
    return listed.length === 0
      ? undefined
      : derived(
          'yes',
          `interfaces ${joinIds(listed.map((item) => item.id))}`,
          listed.map(portsAndProtocols).sort().join('; '),
        )
  },
  'CONN-3': (facts) => {
    const local = facts.flows.filter((flow) => {
      const other = facts.elementById.get(otherEnd(facts, flow))
      return other !== undefined && !facts.isDevice(other.id) && other.owner === 'hdo'
    })
    return local.length === 0
      ? undefined
      : derived('yes', `dataFlows ${joinIds(local.map((flow) => flow.id))}`, flowList(local))
  },
  'CONN-4': (facts) => {
    const external = facts.flows.filter((flow) => {
      const other = facts.elementById.get(otherEnd(facts, flow))
      return (
        other !== undefined &&
        !facts.isDevice(other.id) &&
        (other.owner === 'manufacturer' || other.owner === 'third-party')
      )
    })
    return external.length === 0
      ? undefined
      : derived(
          'yes',
          `dataFlows ${joinIds(external.map((flow) => flow.id))}`,
          external
            .map((flow) => `${flow.id} (with ${otherEnd(facts, flow)})`)
            .sort()
            .join(', '),
        )
  },
  'CONN-5': (facts) => {
    const apis = facts.interfaces.filter((item) => item.type === 'local-api')
    return apis.length === 0
      ? undefined
      : derived('yes', `interfaces ${joinIds(apis.map((item) => item.id))}`)
  },
  'CONN-7': (facts) => {
    const tls = facts.flows.filter(
      (flow) => flow.encryption.type === 'tls' || flow.encryption.type === 'dtls',
    )
    if (tls.length > 0)
      return derived(
        'yes',
        `dataFlows ${joinIds(tls.map((flow) => flow.id))}`,
        tls
          .map(
            (flow) =>
              `${flow.id} (${flow.encryption.type.toUpperCase()}${flow.encryption.version === undefined ? '' : ` ${flow.encryption.version}`})`,
          )
          .sort()
          .join(', '),
      )
    return facts.flows.length === 0
      ? undefined
      : derived('no', 'dataFlows encryption (no TLS or DTLS)')
  },
  'CONN-8': (facts) => {
    const remote = facts.flows.filter((flow) => {
      const target = facts.elementById.get(flow.to)
      const source = facts.elementById.get(flow.from)
      return (
        flow.payload.includes('commands') &&
        target !== undefined &&
        source !== undefined &&
        facts.isDevice(target.id) &&
        (target.kind === 'device' || target.kind === 'device-component') &&
        // A person at the device's own user interface is not "a separate device".
        !['device', 'device-component', 'external-entity'].includes(source.kind)
      )
    })
    return remote.length === 0
      ? undefined
      : derived(
          'yes',
          `dataFlows ${joinIds(remote.map((flow) => flow.id))}`,
          remote
            .map((flow) => `${flow.id} (commands from ${flow.from})`)
            .sort()
            .join(', '),
        )
  },
  'NAUT-1': (facts) => {
    const mutual = facts.flows.filter((flow) => flow.authentication.type === 'mutual')
    return mutual.length === 0
      ? undefined
      : derived(
          'yes',
          `dataFlows ${joinIds(mutual.map((flow) => flow.id))}`,
          `Mutual authentication: ${flowList(mutual)}`,
        )
  },
  'NAUT-3': (facts) => {
    const certificate = facts.flows.filter((flow) =>
      /certificate|x\.509|mutual tls|mtls/i.test(flow.authentication.mechanism ?? ''),
    )
    return certificate.length === 0
      ? undefined
      : derived(
          'yes',
          `dataFlows ${joinIds(certificate.map((flow) => flow.id))}`,
          flowList(certificate),
        )
  },
  'TXCF-1': (facts) => {
    if (facts.phiFlows.length === 0) return undefined
    const networked = facts.phiFlows.filter((flow) => {
      const types = flowInterfaceTypes(facts, flow)
      return types === undefined || [...types].some((type) => type !== 'usb' && type !== 'serial')
    })
    return networked.length === 0
      ? derived(
          'yes',
          `dataFlows ${joinIds(facts.phiFlows.map((flow) => flow.id))} (USB or serial only)`,
        )
      : derived('no', `dataFlows ${joinIds(networked.map((flow) => flow.id))}`)
  },
  'TXCF-2': (facts) => {
    if (facts.phiFlows.length === 0) return undefined
    const clear = facts.phiFlows.filter((flow) => flow.encryption.type === 'none')
    return clear.length === 0
      ? derived(
          'yes',
          `dataFlows ${joinIds(facts.phiFlows.map((flow) => flow.id))} encryption`,
          facts.phiFlows
            .map((flow) => `${flow.id} (${flow.encryption.type})`)
            .sort()
            .join(', '),
        )
      : derived(
          'no',
          `dataFlows ${joinIds(clear.map((flow) => flow.id))} encryption`,
          `Unencrypted: ${flowList(clear)}`,
        )
  },
  'TXCF-4': (facts) => {
    if (facts.flows.length === 0) return undefined
    const open = facts.flows.filter((flow) => flow.authentication.type === 'none')
    return open.length === 0
      ? derived('yes', 'dataFlows authentication (every device flow authenticated)')
      : derived(
          'no',
          `dataFlows ${joinIds(open.map((flow) => flow.id))} authentication`,
          `Without authentication: ${flowList(open)}`,
        )
  },
  'TXIG-1': (facts) => {
    const protectedFlows = facts.flows.filter(
      (flow) =>
        flow.integrity === 'mac' ||
        flow.integrity === 'signature' ||
        flow.integrity === 'authenticated-encryption',
    )
    if (protectedFlows.length > 0) {
      const without = facts.flows.filter((flow) => !protectedFlows.includes(flow))
      return derived(
        'yes',
        `dataFlows ${joinIds(protectedFlows.map((flow) => flow.id))} integrity`,
        [
          protectedFlows
            .map((flow) => `${flow.id} (${flow.integrity})`)
            .sort()
            .join(', '),
          without.length === 0 ? '' : `No cryptographic integrity: ${flowList(without)}`,
        ]
          .filter((part) => part !== '')
          .join('. '),
      )
    }
    return facts.flows.length === 0
      ? undefined
      : derived('no', 'dataFlows integrity (none cryptographic)')
  },
  'AUDT-5': (facts) => {
    const logs = facts.flows.filter(
      (flow) => flow.payload.includes('logs') && facts.isDevice(flow.from),
    )
    return logs.length === 0
      ? undefined
      : derived('yes', `dataFlows ${joinIds(logs.map((flow) => flow.id))}`, flowList(logs))
  },
  'AUDT-5.4': (facts) => {
    const logs = facts.flows.filter(
      (flow) => flow.payload.includes('logs') && facts.isDevice(flow.from),
    )
    if (logs.length === 0) return undefined
    const clear = logs.filter((flow) => flow.encryption.type === 'none')
    return clear.length === 0
      ? derived('yes', `dataFlows ${joinIds(logs.map((flow) => flow.id))} encryption`)
      : derived(
          'no',
          `dataFlows ${joinIds(clear.map((flow) => flow.id))} encryption`,
          `Unencrypted: ${flowList(clear)}`,
        )
  },
  'SAHD-3.2': (facts) => {
    const updates = facts.flows.filter(
      (flow) => flow.payload.includes('software') && facts.isDevice(flow.to),
    )
    if (updates.length === 0) return undefined
    const unsigned = updates.filter((flow) => flow.integrity !== 'signature')
    return unsigned.length === 0
      ? derived('yes', `dataFlows ${joinIds(updates.map((flow) => flow.id))} integrity (signature)`)
      : undefined
  },
  'SAHD-8': ({ interfaces }) => {
    if (interfaces.length === 0) return undefined
    const unused = interfaces.filter((item) => item.status === 'unused')
    return unused.length === 0
      ? derived('yes', 'interfaces status (none enabled but unused)')
      : derived(
          'no',
          `interfaces ${joinIds(unused.map((item) => item.id))} (status unused)`,
          `Enabled but not needed: ${unused.map(interfaceLabel).sort().join(', ')}`,
        )
  },
  'RMOT-3': (facts) => {
    const remoteUpdates = facts.flows.filter((flow) => {
      const source = facts.elementById.get(flow.from)
      return (
        flow.payload.includes('software') &&
        facts.isDevice(flow.to) &&
        source !== undefined &&
        !facts.isDevice(source.id)
      )
    })
    if (remoteUpdates.length > 0)
      return derived(
        'yes',
        `dataFlows ${joinIds(remoteUpdates.map((flow) => flow.id))}`,
        `Software updates: ${flowList(remoteUpdates)}`,
      )
    return facts.release?.updateMethod === 'remote'
      ? derived(
          'yes',
          `release ${facts.release.version} updateMethod (remote)`,
          'Remote software updates',
        )
      : undefined
  },
}
