import type { SbomComponent, SbomDocument } from '../../sbom/index.js'
import type { ScanTarget } from './scan-target.js'

const targetOf = (component: SbomComponent, hosts: readonly string[]): ScanTarget => ({
  id: component.ref,
  name: component.name,
  ...(component.version === undefined ? {} : { version: component.version }),
  ...(component.supplier === undefined ? {} : { supplier: component.supplier }),
  ...(component.purl === undefined ? {} : { purl: component.purl }),
  ...(component.cpe === undefined ? {} : { cpe: component.cpe }),
  releases: [],
  hosts,
})

/**
 * The components of one SBOM as scan targets. They all run on the SBOM's subject (the device or
 * product it describes), so an NVD "application running on platform" configuration is checked
 * against the platform components listed in the same SBOM. The subject is scanned too: it may be
 * an operating system or a commercial product an advisory names.
 */
export const scanTargetsOfSbom = (document: SbomDocument): ScanTarget[] => {
  const host = document.subject?.ref ?? document.serialNumber ?? 'sbom'
  const subject = document.subject === undefined ? [] : [targetOf(document.subject, [host])]
  return [...subject, ...document.components.map((component) => targetOf(component, [host]))]
}
