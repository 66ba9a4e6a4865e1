import type { Component, ComponentKind, DeviceModel } from '../../model/index.js'
import type { ReportContext } from '../report-context.js'
import { componentsOf, devicePurl, releaseDocumented, midnightUtc } from './documented-release.js'
import { uuidV5 } from './name-based-uuid.js'

/** CycloneDX 1.6 component types for the model's component kinds. */
const COMPONENT_TYPES: Readonly<Record<ComponentKind, string>> = {
  application: 'application',
  firmware: 'firmware',
  'operating-system': 'operating-system',
  rtos: 'operating-system',
  library: 'library',
  runtime: 'platform',
  database: 'application',
  driver: 'device-driver',
  hardware: 'device',
  'third-party-service': 'platform',
  container: 'container',
}

/** The guidance's own words, as the proposed `cdx:fda` taxonomy spells them. */
const FDA_SUPPORT_WORDS: Readonly<Record<Component['supportLevel'], string>> = {
  'actively-maintained': 'actively maintained',
  'no-longer-maintained': 'no longer maintained',
  abandoned: 'abandoned',
  unknown: 'unknown',
}

/**
 * FDA premarket guidance asks for each component's level of support and end-of-support date;
 * CycloneDX 1.6 has no field for either, so they travel as properties: medcyber's own names,
 * plus the taxonomy names medcyber's SBOM reader (src/core/sbom/support-properties.ts) and other
 * tools read back.
 */
const supportProperties = (component: Component): { name: string; value: string }[] => [
  { name: 'cdx:fda:level-of-support', value: FDA_SUPPORT_WORDS[component.supportLevel] },
  ...(component.endOfSupport === undefined
    ? []
    : [{ name: 'cdx:lifecycle:milestone:endOfSupport', value: component.endOfSupport }]),
  ...(component.endOfSupport === undefined
    ? []
    : [{ name: 'medcyber:endOfSupport', value: component.endOfSupport }]),
  { name: 'medcyber:supportLevel', value: component.supportLevel },
]

const componentEntry = (component: Component): Record<string, unknown> => ({
  'bom-ref': component.id,
  type: COMPONENT_TYPES[component.kind],
  ...(component.supplier === undefined ? {} : { supplier: { name: component.supplier } }),
  name: component.name,
  version: component.version,
  ...(component.description === undefined ? {} : { description: component.description }),
  ...(component.license === undefined ? {} : { licenses: [{ expression: component.license }] }),
  ...(component.cpe === undefined ? {} : { cpe: component.cpe }),
  ...(component.purl === undefined ? {} : { purl: component.purl }),
  properties: supportProperties(component),
})

const deviceRef = (model: DeviceModel): string => `device:${model.product.id}`

/** The name the serial number is derived from: one per product, release and format. */
export const sbomName = (model: DeviceModel, release: string, format: string): string =>
  `urn:medcyber:${model.product.id}:${release}:${format}`

/**
 * A CycloneDX 1.6 SBOM of the documented release, from the model's components. The serial number
 * is a version-5 UUID of the product and release, so regenerating the same release gives the same
 * serial number (and `version` 1); a new release gets a new one.
 */
export const buildCycloneDxSbom = (ctx: ReportContext): Record<string, unknown> | undefined => {
  const release = releaseDocumented(ctx)
  if (release === undefined) return undefined
  const { model } = ctx
  const components = componentsOf(model, release)
  const software = model.product.deviceTypes.includes('software-only')
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: `urn:uuid:${uuidV5(sbomName(model, release.version, 'cyclonedx'))}`,
    version: 1,
    metadata: {
      timestamp: midnightUtc(ctx.date),
      lifecycles: [{ phase: 'post-build' }],
      tools: { components: [{ type: 'application', name: 'medcyber' }] },
      component: {
        'bom-ref': deviceRef(model),
        type: software ? 'application' : 'device',
        supplier: { name: model.product.manufacturer.name },
        name: model.product.name,
        version: release.version,
        purl: devicePurl(model, release.version),
        properties: model.product.modelNumbers.map((value) => ({
          name: 'medcyber:modelNumber',
          value,
        })),
      },
      manufacturer: { name: model.product.manufacturer.name },
    },
    components: components.map(componentEntry),
    // The model records which components a release ships, not how they depend on each other.
    dependencies: [
      { ref: deviceRef(model), dependsOn: components.map((component) => component.id) },
      ...components.map((component) => ({ ref: component.id })),
    ],
  }
}
