import type { ThreatRule } from '../threat-rule.js'

/**
 * FDA premarket guidance V.A.4 asks for each component's level of support. "Unknown" means
 * nobody can say whether a vulnerability found tomorrow will ever be fixed.
 */
export const componentSupportUnknown: ThreatRule = {
  id: 'component-support-unknown',
  title: 'Nobody knows whether the supplier still fixes this component',
  stride: ['tampering', 'elevation-of-privilege', 'denial-of-service'],
  capec: [],
  cwe: [1357],
  references: [
    { source: 'FDA premarket guidance', clause: 'V.A.4 Third-party software components' },
    { source: 'MDS2', clause: 'RDMP' },
  ],
  rationale:
    'A vulnerability in a component whose support is unknown may have no fix coming; the manufacturer cannot plan a replacement or compensating controls, and the device may drift into legacy unnoticed.',
  recommendations: [
    {
      category: 'updatability-patchability',
      text: 'Establish the support status and end-of-support date with the supplier, or plan to replace the component; record both in the SBOM',
    },
  ],
  subjectKind: 'component',
  evaluate: (context) =>
    context.model.components
      .filter(
        (component) =>
          component.supportLevel === 'unknown' &&
          !(component.endOfSupport !== undefined && component.endOfSupport <= context.date),
      )
      .map((component) => ({
        subject: component.id,
        detail: `${component.name} ${component.version}${component.supplier === undefined ? '' : ` from ${component.supplier}`} has support level unknown${component.endOfSupport === undefined ? ' and no end-of-support date' : ` (end of support given as ${component.endOfSupport})`}`,
      })),
}
