import { isSuppliedByManufacturer } from '../element-facts.js'
import type { ThreatRule } from '../threat-rule.js'

/** Components that are not software packages a vulnerability feed could name. */
const NOT_PACKAGES: ReadonlySet<string> = new Set(['hardware', 'third-party-service'])

/**
 * FDA premarket guidance V.A.4 and the postmarket guidance ask manufacturers to monitor the
 * vulnerabilities of third-party components; a feed (NVD, OSV, advisories) can only be matched
 * to a component that carries a package URL, a CPE or a link to an SBOM entry.
 */
export const componentNotMonitorable: ThreatRule = {
  id: 'component-not-monitorable',
  title: 'Third-party component cannot be matched to vulnerability feeds',
  stride: ['tampering', 'elevation-of-privilege'],
  capec: [],
  cwe: [1357],
  references: [
    { source: 'FDA premarket guidance', clause: 'V.A.4 Third-party software components' },
    { source: 'IEC 81001-5-1', clause: '6 Software maintenance process' },
    { source: 'MDS2', clause: 'SBOM' },
  ],
  rationale:
    'Without an identifier no advisory is ever matched to the component: its known vulnerabilities, including actively exploited ones, stay invisible and unassessed while the device is in use on patients.',
  recommendations: [
    {
      category: 'updatability-patchability',
      text: 'Give the component a package URL or CPE, or link it to its SBOM entry, so vulnerability monitoring can match advisories to it',
    },
  ],
  subjectKind: 'component',
  evaluate: (context) =>
    context.model.components
      .filter(
        (component) =>
          !NOT_PACKAGES.has(component.kind) &&
          component.purl === undefined &&
          component.cpe === undefined &&
          (component.sbomRefs ?? []).length === 0 &&
          !isSuppliedByManufacturer(context.model, component),
      )
      .map((component) => ({
        subject: component.id,
        detail: `${component.name} ${component.version} (${component.kind}${component.supplier === undefined ? '' : `, ${component.supplier}`}) has no package URL, no CPE and no SBOM reference`,
      })),
}
