import type { ThreatRule } from '../threat-rule.js'

/**
 * IMDRF N70: a component whose supplier no longer supports it cannot be patched, and moves the
 * device toward legacy.
 */
export const componentPastEndOfSupport: ThreatRule = {
  id: 'component-past-end-of-support',
  title: 'Component no longer supported by its supplier',
  stride: ['tampering', 'elevation-of-privilege', 'denial-of-service'],
  capec: [],
  cwe: [1104, 1329],
  references: [
    { source: 'IMDRF N70', clause: '3.2 Component end of support' },
    { source: 'FDA premarket guidance', clause: 'V.A.4 Third-party software components' },
    { source: 'MDS2', clause: 'RDMP' },
  ],
  rationale:
    'Vulnerabilities found after the end of support stay unfixed; the device can no longer be reasonably protected unless the component is replaced or compensated for.',
  recommendations: [
    {
      category: 'updatability-patchability',
      text: 'Replace or upgrade the component, or document compensating controls and move the release to limited support (IMDRF N70)',
    },
  ],
  subjectKind: 'component',
  evaluate: (context) =>
    context.model.components
      .filter(
        (component) =>
          component.supportLevel === 'no-longer-maintained' ||
          component.supportLevel === 'abandoned' ||
          (component.endOfSupport !== undefined && component.endOfSupport <= context.date),
      )
      .map((component) => ({
        subject: component.id,
        detail:
          component.endOfSupport !== undefined && component.endOfSupport <= context.date
            ? `${component.name} ${component.version} reached end of support on ${component.endOfSupport}`
            : `${component.name} ${component.version} is ${component.supportLevel}`,
      })),
}
