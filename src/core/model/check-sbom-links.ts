import type { Issue } from '../issue.js'
import type { DeviceModel } from './model-document-schema.js'

/** The identities found in one SBOM file: what a component's `sbomRefs` may point at. */
export interface SbomIdentities {
  readonly bomRefs: ReadonlySet<string>
  readonly purls: ReadonlySet<string>
  readonly cpes: ReadonlySet<string>
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
      const missing = [
        ref.bomRef !== undefined && !sbom.bomRefs.has(ref.bomRef) ? `bom-ref '${ref.bomRef}'` : '',
        ref.purl !== undefined && !sbom.purls.has(ref.purl) ? `purl '${ref.purl}'` : '',
        ref.cpe !== undefined && !sbom.cpes.has(ref.cpe) ? `CPE '${ref.cpe}'` : '',
      ].filter((text) => text !== '')
      if (missing.length === 0) return
      issues.push({
        severity: 'error',
        code: 'model/sbom-entry-not-found',
        message: `component '${component.id}': ${missing.join(' and ')} not found in SBOM '${ref.sbom}'`,
        path: ['components', i, 'sbomRefs', j],
      })
    })
  })
  return issues
}
