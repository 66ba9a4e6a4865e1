import type { Issue } from '../issue.js'
import type { DeviceModel } from './model-document-schema.js'

/** The identities found in one SBOM file: what a component's `sbomRefs` may point at. */
export interface SbomIdentities {
  /** Each identity with the version of its SBOM entry ('' when the entry has none). */
  readonly bomRefs: ReadonlyMap<string, string>
  readonly purls: ReadonlyMap<string, string>
  readonly cpes: ReadonlyMap<string, string>
}

/**
 * Checks that each component's SBOM link names an entry that is really in that SBOM. SBOMs that
 * could not be read are absent from `identities` and reported by whoever read them.
 */
export const checkSbomLinks = (
  model: DeviceModel,
  identities: ReadonlyMap<string, SbomIdentities>,
): Issue[] => {
  const issues: Issue[] = []
  model.components.forEach((component, i) => {
    component.sbomRefs?.forEach((ref, j) => {
      const sbom = identities.get(ref.sbom)
      if (sbom === undefined) return
      const lookups: [string, string | undefined, ReadonlyMap<string, string>][] = [
        ['bom-ref', ref.bomRef, sbom.bomRefs],
        ['purl', ref.purl, sbom.purls],
        ['CPE', ref.cpe, sbom.cpes],
      ]
      const missing: string[] = []
      const versions = new Set<string>()
      for (const [label, value, known] of lookups) {
        if (value === undefined) continue
        const version = known.get(value)
        if (version === undefined) missing.push(`${label} '${value}'`)
        else if (version !== '') versions.add(version)
      }
      const path = ['components', i, 'sbomRefs', j]
      if (missing.length > 0) {
        issues.push({
          severity: 'error',
          code: 'model/sbom-entry-not-found',
          message: `component '${component.id}': ${missing.join(' and ')} not found in SBOM '${ref.sbom}'`,
          path,
        })
      }
      for (const version of versions) {
        if (version === component.version) continue
        issues.push({
          severity: 'error',
          code: 'model/sbom-version-mismatch',
          message: `component '${component.id}' is version '${component.version}', but its entry in SBOM '${ref.sbom}' is version '${version}'`,
          path,
        })
      }
    })
  })
  return issues
}
