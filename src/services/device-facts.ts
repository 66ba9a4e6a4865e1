import {
  determineCyberDevice,
  expectedDocuments,
  supportStatusOn,
  type CyberDeviceDetermination,
  type DeviceModel,
  type ExpectedDocument,
  type ReleaseSupportStatus,
} from '../core/index.js'

/** What `medcyber info --json` prints, and the API's product info gives. */
export interface ModelFacts {
  readonly product: { readonly id: string; readonly name: string }
  readonly date: string
  readonly cyberDevice: CyberDeviceDetermination
  readonly documents: readonly ExpectedDocument[]
  readonly releases: readonly ReleaseSupportStatus[]
}

/** The facts medcyber derives from a model on a date: 524B status, documents, support phases. */
export const computeFacts = (model: DeviceModel, date: string): ModelFacts => {
  const cyberDevice = determineCyberDevice(model)
  return {
    product: { id: model.product.id, name: model.product.name },
    date,
    cyberDevice,
    documents: expectedDocuments(model, cyberDevice),
    releases: supportStatusOn(model, date),
  }
}
