import type { Component, ComponentKind, DeviceModel } from '../../model/index.js'
import type { ReportContext } from '../report-context.js'
import {
  componentsOf,
  devicePurl,
  releaseDocumented,
  midnightUtc,
  namespaceOrigin,
} from './documented-release.js'
import { uuidV5 } from './name-based-uuid.js'
import { sbomName } from './cyclonedx-sbom.js'

const PURPOSES: Readonly<Record<ComponentKind, string>> = {
  application: 'APPLICATION',
  firmware: 'FIRMWARE',
  'operating-system': 'OPERATING_SYSTEM',
  rtos: 'OPERATING_SYSTEM',
  library: 'LIBRARY',
  runtime: 'FRAMEWORK',
  database: 'APPLICATION',
  driver: 'LIBRARY',
  hardware: 'DEVICE',
  'third-party-service': 'OTHER',
  container: 'CONTAINER',
}

/** Model ids are lower-case letters, digits and hyphens, which SPDX element ids allow as they are. */
const spdxId = (component: Component): string => `SPDXRef-component-${component.id}`

const DEVICE_ID = 'SPDXRef-device'

const externalRefs = (component: Component): Record<string, string>[] => [
  ...(component.purl === undefined
    ? []
    : [
        {
          referenceCategory: 'PACKAGE-MANAGER',
          referenceType: 'purl',
          referenceLocator: component.purl,
        },
      ]),
  // A CPE 2.2 URI goes under cpe22Type; the model allows both spellings.
  ...(component.cpe === undefined
    ? []
    : [
        {
          referenceCategory: 'SECURITY',
          referenceType: component.cpe.startsWith('cpe:2.3:') ? 'cpe23Type' : 'cpe22Type',
          referenceLocator: component.cpe,
        },
      ]),
]

/**
 * The model's licence is the one its author settled on, so it is both the declared and the
 * concluded licence; where the model is silent, SPDX's NOASSERTION says nobody looked.
 */
const packageOf = (component: Component): Record<string, unknown> => {
  const refs = externalRefs(component)
  return {
    SPDXID: spdxId(component),
    name: component.name,
    versionInfo: component.version,
    supplier:
      component.supplier === undefined ? 'NOASSERTION' : `Organization: ${component.supplier}`,
    downloadLocation: 'NOASSERTION',
    filesAnalyzed: false,
    licenseConcluded: component.license ?? 'NOASSERTION',
    licenseDeclared: component.license ?? 'NOASSERTION',
    copyrightText: 'NOASSERTION',
    primaryPackagePurpose: PURPOSES[component.kind],
    // SPDX 2.3's own field for the end of the supplier's support period.
    ...(component.endOfSupport === undefined
      ? {}
      : { validUntilDate: midnightUtc(component.endOfSupport) }),
    ...(refs.length === 0 ? {} : { externalRefs: refs }),
    // SPDX 2.3 has no support-level field (3.0 has); the FDA level goes in the comment.
    comment: `FDA level of support: ${component.supportLevel}; end of support: ${component.endOfSupport ?? 'not declared'}.`,
  }
}

const devicePackage = (model: DeviceModel, release: string): Record<string, unknown> => ({
  SPDXID: DEVICE_ID,
  name: model.product.name,
  versionInfo: release,
  supplier: `Organization: ${model.product.manufacturer.name}`,
  downloadLocation: 'NOASSERTION',
  filesAnalyzed: false,
  licenseConcluded: 'NOASSERTION',
  licenseDeclared: 'NOASSERTION',
  copyrightText: 'NOASSERTION',
  primaryPackagePurpose: model.product.deviceTypes.includes('software-only')
    ? 'APPLICATION'
    : 'DEVICE',
  externalRefs: [
    {
      referenceCategory: 'PACKAGE-MANAGER',
      referenceType: 'purl',
      referenceLocator: devicePurl(model, release),
    },
  ],
})

/**
 * An SPDX 2.3 SBOM of the documented release: the device package DESCRIBED by the document and
 * CONTAINING each component. The namespace ends in a version-5 UUID of product and release, so
 * the same release always gets the same namespace; it lies under the manufacturer's web origin
 * (from its CVD policy address) or, failing that, under spdx.org/spdxdocs as SPDX's own tools do.
 */
export const buildSpdxSbom = (ctx: ReportContext): Record<string, unknown> | undefined => {
  const release = releaseDocumented(ctx)
  if (release === undefined) return undefined
  const { model } = ctx
  const components = componentsOf(model, release)
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: `${model.product.name} ${release.version}`,
    documentNamespace: `${namespaceOrigin(model)}/spdxdocs/${model.product.id}-${uuidV5(sbomName(model, release.version, 'spdx'))}`,
    creationInfo: {
      created: midnightUtc(ctx.date),
      creators: ['Tool: medcyber', `Organization: ${model.product.manufacturer.name}`],
    },
    packages: [devicePackage(model, release.version), ...components.map(packageOf)],
    relationships: [
      {
        spdxElementId: 'SPDXRef-DOCUMENT',
        relationshipType: 'DESCRIBES',
        relatedSpdxElement: DEVICE_ID,
      },
      ...components.map((component) => ({
        spdxElementId: DEVICE_ID,
        relationshipType: 'CONTAINS',
        relatedSpdxElement: spdxId(component),
      })),
    ],
  }
}
