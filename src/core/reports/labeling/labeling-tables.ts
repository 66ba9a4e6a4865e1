import type { DataTable } from '../../documents/index.js'
import type { Control, DataFlow, DeviceModel, Interface } from '../../model/index.js'
import { elementName } from './environment-facts.js'
import type { LabelingText } from './labeling-text.js'

const joined = (items: readonly string[] | undefined): string | null =>
  items === undefined || items.length === 0 ? null : items.join(', ')

/** Interfaces with function, direction and approved destinations (FDA §VI.A). */
export const interfaceTable = (
  model: DeviceModel,
  interfaces: readonly Interface[],
  text: LabelingText,
  title: string,
): DataTable => ({
  title,
  columns: [
    { key: 'element', title: text.columns.element, type: 'text', width: 20 },
    { key: 'interface', title: text.columns.interface, type: 'text', width: 20 },
    { key: 'type', title: text.columns.type, type: 'text', width: 12 },
    { key: 'status', title: text.columns.status, type: 'text', width: 10 },
    { key: 'direction', title: text.columns.direction, type: 'text', width: 10 },
    { key: 'ports', title: text.columns.ports, type: 'text', width: 14 },
    { key: 'protocols', title: text.columns.protocols, type: 'text', width: 18 },
    { key: 'destinations', title: text.columns.destinations, type: 'text', width: 24 },
    { key: 'purpose', title: text.columns.purpose, type: 'text', width: 30 },
  ],
  rows: interfaces.map((item) => ({
    element: elementName(model, item.element),
    interface: item.name ?? item.id,
    type: item.type,
    status: item.status,
    direction: item.direction ?? null,
    ports: joined(item.ports),
    protocols: joined(item.protocols),
    destinations: joined(item.approvedDestinations),
    purpose: item.purpose ?? null,
  })),
})

export const controlTable = (
  controls: readonly Control[],
  text: LabelingText,
  title: string,
): DataTable => ({
  title,
  columns: [
    { key: 'control', title: text.columns.control, type: 'text', width: 30 },
    { key: 'type', title: text.columns.type, type: 'text', width: 18 },
    { key: 'status', title: text.columns.status, type: 'text', width: 12 },
    { key: 'description', title: text.columns.description, type: 'text', width: 60 },
  ],
  rows: controls.map((control) => ({
    control: control.name,
    type: control.compensatingType ?? control.kind,
    status: control.status,
    description: control.description ?? null,
  })),
})

const authenticationOf = (flow: DataFlow): string =>
  [flow.authentication.type, flow.authentication.mechanism]
    .filter((part) => part !== undefined)
    .join(': ')

const encryptionOf = (flow: DataFlow): string =>
  [flow.encryption.type, flow.encryption.version].filter((part) => part !== undefined).join(' ')

/** The network data-stream matrix MDCG 2019-16 asks for: who talks to whom, how. */
export const flowTable = (
  model: DeviceModel,
  flows: readonly DataFlow[],
  text: LabelingText,
  title: string,
): DataTable => ({
  title,
  columns: [
    { key: 'flow', title: text.columns.flow, type: 'text', width: 24 },
    { key: 'from', title: text.columns.from, type: 'text', width: 20 },
    { key: 'to', title: text.columns.to, type: 'text', width: 20 },
    { key: 'protocols', title: text.columns.protocols, type: 'text', width: 16 },
    { key: 'ports', title: text.columns.ports, type: 'text', width: 14 },
    { key: 'encryption', title: text.columns.encryption, type: 'text', width: 14 },
    { key: 'authentication', title: text.columns.authentication, type: 'text', width: 20 },
  ],
  rows: flows.map((flow) => ({
    flow: flow.name,
    from: elementName(model, flow.from),
    to: elementName(model, flow.to),
    protocols: flow.protocol,
    ports: joined(
      [
        ...new Set(
          (flow.interfaces ?? []).flatMap(
            (id) => model.interfaces.find((item) => item.id === id)?.ports ?? [],
          ),
        ),
      ].sort(),
    ),
    encryption: encryptionOf(flow),
    authentication: authenticationOf(flow),
  })),
})
