import type { DeviceModel } from '../../model/index.js'

/** A component instance to scan: from a device model or from an SBOM. */
export interface ScanTarget {
  /** Model component id or SBOM bom-ref: the `@component` half of a finding id. */
  readonly id: string
  readonly name: string
  readonly version?: string
  readonly supplier?: string
  readonly purl?: string
  readonly cpe?: string
  /** Releases that ship it (model scans); empty for a bare SBOM. */
  readonly releases: readonly string[]
  /**
   * Where it runs: components sharing a host are checked together against NVD "running on"
   * configurations, which pair an application CPE with a platform CPE.
   */
  readonly hosts: readonly string[]
}

/** Every component of a model with the releases that list it. */
export const scanTargetsOfModel = (model: DeviceModel): ScanTarget[] =>
  model.components.map((component) => ({
    id: component.id,
    name: component.name,
    version: component.version,
    ...(component.supplier === undefined ? {} : { supplier: component.supplier }),
    ...(component.purl === undefined ? {} : { purl: component.purl }),
    ...(component.cpe === undefined ? {} : { cpe: component.cpe }),
    releases: model.releases
      .filter((release) => release.components?.includes(component.id) ?? false)
      .map((release) => release.version),
    hosts: component.elements ?? [],
  }))
