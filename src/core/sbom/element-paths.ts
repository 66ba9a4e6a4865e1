import type { DocumentPath } from '../issue.js'
import type { SbomDocument } from './sbom-document.js'

/** The minimum elements that are checked per component. */
export type ComponentElement =
  'supplier' | 'name' | 'version' | 'identifier' | 'dependency' | 'supportLevel' | 'endOfSupport'

/** The minimum elements that are checked once per SBOM. */
export type DocumentElement = 'author' | 'timestamp'

interface FormatPaths {
  /** The key a component element is written under; undefined: the component as a whole. */
  readonly component: Readonly<Partial<Record<ComponentElement, string>>>
  readonly document: Readonly<Record<DocumentElement, DocumentPath>>
}

const CYCLONEDX: FormatPaths = {
  component: {
    supplier: 'supplier',
    name: 'name',
    version: 'version',
    identifier: 'purl',
    supportLevel: 'properties',
    endOfSupport: 'properties',
  },
  document: { author: ['metadata', 'authors'], timestamp: ['metadata', 'timestamp'] },
}

const SPDX_2: FormatPaths = {
  component: {
    supplier: 'supplier',
    name: 'name',
    version: 'versionInfo',
    identifier: 'externalRefs',
    endOfSupport: 'validUntilDate',
  },
  document: { author: ['creationInfo', 'creators'], timestamp: ['creationInfo', 'created'] },
}

const SPDX_3: FormatPaths = {
  component: {
    supplier: 'suppliedBy',
    name: 'name',
    version: 'software_packageVersion',
    identifier: 'software_packageUrl',
    supportLevel: 'supportLevel',
    endOfSupport: 'validUntilTime',
  },
  document: { author: ['@graph'], timestamp: ['@graph'] },
}

/** Where each element lives in the document's own format, so issues point into the file. */
export const pathsOf = (document: SbomDocument): FormatPaths =>
  document.format === 'cyclonedx' ? CYCLONEDX : document.encoding === 'json-ld' ? SPDX_3 : SPDX_2
