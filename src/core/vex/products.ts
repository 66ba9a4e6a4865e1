import type { Component, DeviceModel } from '../model/index.js'
import type { VexStatement } from './statement.js'

/** The releases a document covers: one, or all in model order. */
export const coveredReleases = (model: DeviceModel, release?: string): DeviceModel['releases'] =>
  model.releases.filter((item) => release === undefined || item.version === release)

export const componentOf = (model: DeviceModel, id: string): Component | undefined =>
  model.components.find((component) => component.id === id)

/** Stable document order: vulnerability, then component, then release in model order. */
export const sortStatements = (
  model: DeviceModel,
  statements: readonly VexStatement[],
): VexStatement[] => {
  const order = new Map(model.releases.map((release, index) => [release.version, index]))
  return [...statements].sort(
    (a, b) =>
      a.triage.vulnerability.localeCompare(b.triage.vulnerability) ||
      a.triage.componentId.localeCompare(b.triage.componentId) ||
      (order.get(a.triage.release) ?? 0) - (order.get(b.triage.release) ?? 0),
  )
}

/** `2024-05-01` → `2024-05-01T00:00:00Z`; a full date-time is kept. */
export const timestampOf = (at: string): string => (at.length === 10 ? `${at}T00:00:00Z` : at)

const PURL_SEGMENT = /[^A-Za-z0-9.\-_~]/g
const purlPart = (text: string): string =>
  text.replace(
    PURL_SEGMENT,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  )

/** A device release as a purl: the model's own identity, `pkg:generic/<manufacturer>/<product>@<release>`. */
export const productPurl = (model: DeviceModel, release: string): string =>
  `pkg:generic/${purlPart(model.product.manufacturer.name)}/${purlPart(model.product.id)}@${purlPart(release)}`

/** A component's identifier for OpenVEX: its purl, else a generic one from its supplier and name. */
export const componentPurl = (component: Component): string =>
  component.purl ??
  `pkg:generic/${component.supplier === undefined ? '' : `${purlPart(component.supplier)}/`}${purlPart(component.name)}@${purlPart(component.version)}`
