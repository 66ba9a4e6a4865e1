import type { DocumentPath } from '../issue.js'

export const SBOM_STANDARDS = ['cyclonedx', 'spdx'] as const
export type SbomStandard = (typeof SBOM_STANDARDS)[number]

export const SBOM_ENCODINGS = ['json', 'xml', 'tag-value', 'json-ld'] as const
export type SbomEncoding = (typeof SBOM_ENCODINGS)[number]

export interface SbomHash {
  /** As the SBOM names it (`SHA-256` in CycloneDX, `SHA256` in SPDX 2, `sha256` in SPDX 3). */
  readonly algorithm: string
  readonly value: string
}

/** Where an element was written: its JSON path, and its line when the format has lines to give. */
export interface SbomPlace {
  /**
   * Path in the source document; for XML and tag-value, the path the element has in the JSON form
   * of the same format (`components[3]`, `packages[1]`).
   */
  readonly path: DocumentPath
  /** 1-based line, when the parser gives it (tag-value). */
  readonly line?: number
}

/**
 * One component of an SBOM, the same whatever format it came from. Absent fields were absent (or
 * NOASSERTION) in the source; nothing is guessed.
 */
export interface SbomComponent {
  /** The component's id inside its document: CycloneDX `bom-ref`, SPDX `SPDXID` / `spdxId`. */
  readonly ref: string
  /** CycloneDX component type, SPDX primary package purpose (lower case), or `library`. */
  readonly type: string
  readonly name: string
  readonly version?: string
  readonly group?: string
  readonly supplier?: string
  readonly author?: string
  /** Canonical form (packageurl-js): the same package always gives the same string. */
  readonly purl?: string
  readonly cpe?: string
  /** SWID tag id: another of the NTIA "other unique identifiers". */
  readonly swid?: string
  readonly hashes: readonly SbomHash[]
  /** Licence ids, names or expressions, as written; declared and concluded alike. */
  readonly licenses: readonly string[]
  /** FDA: level of support, in the SBOM's own words (`actively maintained`, `support`). */
  readonly supportLevel?: string
  /** FDA: end-of-support date or timestamp, as written (ISO 8601). */
  readonly endOfSupport?: string
  /** CycloneDX scope: `required`, `optional`, `excluded`. */
  readonly scope?: string
  /** The `ref` of the component this one is nested in (CycloneDX nested components). */
  readonly parent?: string
  readonly place: SbomPlace
}

export interface SbomDependency {
  readonly ref: string
  readonly dependsOn: readonly string[]
}

/** An SBOM of any supported format and encoding, normalized. */
export interface SbomDocument {
  readonly format: SbomStandard
  readonly encoding: SbomEncoding
  /** `1.6` for CycloneDX, `2.3` or `3.0.1` for SPDX. */
  readonly specVersion: string
  /** CycloneDX `serialNumber`, SPDX `documentNamespace`, SPDX 3 document `spdxId`. */
  readonly serialNumber?: string
  /** When the SBOM data was assembled (NTIA timestamp), ISO 8601 as written. */
  readonly created?: string
  /** People and organisations named as authors of the SBOM data. */
  readonly authors: readonly string[]
  /** Tools that made it: `name version`. */
  readonly tools: readonly string[]
  /** The device or product the SBOM describes (CycloneDX `metadata.component`, SPDX DESCRIBES). */
  readonly subject?: SbomComponent
  /** Every component but the subject, nested ones included, in document order. */
  readonly components: readonly SbomComponent[]
  readonly dependencies: readonly SbomDependency[]
}
