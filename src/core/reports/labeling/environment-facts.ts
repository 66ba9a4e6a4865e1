import type { Control, DataFlow, DeviceModel, Interface } from '../../model/index.js'
import { isPartOfDevice } from '../../model/index.js'

/**
 * The facts customer documents take from the architecture: interfaces, data flows and controls
 * present in the documented release, elements the hospital owns. Shared by the labeling and the
 * EU documents so both say the same thing.
 */

const inRelease = (item: { readonly releases?: readonly string[] }, release?: string): boolean =>
  release === undefined || item.releases === undefined || item.releases.includes(release)

export const elementName = (model: DeviceModel, id: string): string =>
  model.elements.find((element) => element.id === id)?.name ?? id

/** The device's own interfaces in the release, by element then id. */
export const deviceInterfaces = (model: DeviceModel, release?: string): Interface[] => {
  const own = new Set(model.elements.filter(isPartOfDevice).map((element) => element.id))
  return model.interfaces
    .filter((item) => own.has(item.element) && inRelease(item, release))
    .sort((a, b) => a.element.localeCompare(b.element) || a.id.localeCompare(b.id))
}

export const releaseFlows = (model: DeviceModel, release?: string): DataFlow[] =>
  model.dataFlows
    .filter((flow) => inRelease(flow, release))
    .sort((a, b) => a.id.localeCompare(b.id))

export const releaseControls = (model: DeviceModel, release?: string): Control[] =>
  model.controls
    .filter((control) => inRelease(control, release))
    .sort((a, b) => a.id.localeCompare(b.id))

/** Flows that cross into or out of equipment the device does not include. */
export const environmentFlows = (model: DeviceModel, release?: string): DataFlow[] => {
  const device = new Set(model.elements.filter(isPartOfDevice).map((element) => element.id))
  return releaseFlows(model, release).filter(
    (flow) => !device.has(flow.from) || !device.has(flow.to),
  )
}

/** Elements the hospital (or a third party) supplies and runs: the operating environment. */
export const environmentElements = (model: DeviceModel): DeviceModel['elements'] =>
  model.elements
    .filter((element) => !isPartOfDevice(element) && element.owner !== 'manufacturer')
    .sort((a, b) => a.id.localeCompare(b.id))

/** Controls users carry out or the environment provides: compensating and information ones. */
export const userControls = (model: DeviceModel, release?: string): Control[] =>
  releaseControls(model, release).filter(
    (control) => control.kind === 'compensating' || control.kind === 'information',
  )
