import type { Component, DeviceModel, Release } from '../../model/index.js'
import type { ReportContext } from '../report-context.js'

/** The release the deliverable documents, or undefined when the model has none. */
export const releaseDocumented = (ctx: ReportContext): Release | undefined =>
  ctx.model.releases.find((release) => release.version === ctx.release)

/** The release's components in id order (the order every SBOM lists them in). */
export const componentsOf = (model: DeviceModel, release: Release | undefined): Component[] => {
  // A release that lists no components has them all, as everywhere else in the model.
  const ids = release?.components === undefined ? undefined : new Set(release.components)
  return model.components
    .filter((component) => ids === undefined || ids.has(component.id))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** `2026-11-28` → `2026-11-28T00:00:00Z`. */
export const midnightUtc = (date: string): string => `${date}T00:00:00Z`

const PURL_UNSAFE = /[^A-Za-z0-9.\-_~]/g
const purlSegment = (text: string): string =>
  text.replace(
    PURL_UNSAFE,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  )

/** The device release as a purl, the identity VEX documents already give it. */
export const devicePurl = (model: DeviceModel, release: string): string =>
  `pkg:generic/${purlSegment(model.product.manufacturer.name)}/${purlSegment(model.product.id)}@${purlSegment(release)}`

/**
 * The manufacturer's web origin, from its CVD policy address; documents that need a namespace
 * URL the manufacturer controls (CSAF publisher, SPDX) use it.
 */
export const manufacturerOrigin = (model: DeviceModel): string | undefined => {
  const url = model.product.manufacturer.cvdPolicyUrl
  if (url === undefined) return undefined
  const match = /^(https?:\/\/[^/?#]+)/i.exec(url)
  return match?.[1]?.toLowerCase()
}

export const namespaceOrigin = (model: DeviceModel): string =>
  manufacturerOrigin(model) ?? 'https://spdx.org'
