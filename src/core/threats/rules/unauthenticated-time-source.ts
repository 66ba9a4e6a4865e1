import type { ThreatRule } from '../threat-rule.js'

/** NTP, SNTP, PTP (IEEE 1588), or time named as such, but not "real-time". */
const TIME_PROTOCOL = /\b(?:s?ntp|ptp)(?:v\d+)?\b|\bieee ?1588\b|(?<!real[- ])\btime\b/i

/**
 * FDA Appendix 1 asks that messages, including telemetry, be authenticated and that security
 * events be time-stamped; a device that sets its clock from an unauthenticated source lets
 * whoever answers in place of the time server move the clock.
 */
export const unauthenticatedTimeSource: ThreatRule = {
  id: 'unauthenticated-time-source',
  title: 'Unauthenticated time source lets an attacker shift the clock of a clinical element',
  stride: ['spoofing', 'tampering', 'repudiation'],
  capec: [194, 94],
  cwe: [940],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Authentication' },
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Event Detection and Logging' },
    { source: 'IMDRF N60', clause: '5.1.1 Table 1, Secure communications' },
  ],
  rationale:
    'A shifted clock makes scheduled therapy run at the wrong time or twice, expires or revives settings, and puts wrong time stamps on measurements, alarms and records clinicians rely on, and on the logs investigators need.',
  recommendations: [
    {
      category: 'authentication',
      text: 'Authenticate the time source (NTS, authenticated NTP or PTP security) or take time only from an authenticated channel',
    },
    {
      category: 'code-data-execution-integrity',
      text: 'Bound clock changes (no large jumps without confirmation, monotonic time for therapy intervals) and log every change',
    },
  ],
  subjectKind: 'data flow',
  evaluate: (context) =>
    context.model.dataFlows
      .filter(
        (flow) =>
          TIME_PROTOCOL.test(flow.protocol) &&
          (flow.authentication.type === 'none' || flow.authentication.type === 'destination') &&
          (context.deliversTherapy(flow.to) ||
            context.clinicalCategoriesOf(flow.to).has('diagnosis-monitoring')),
      )
      .map((flow) => ({
        subject: flow.id,
        detail: `'${flow.name}' (${flow.protocol}) sets the time of ${flow.to}, which performs therapy or monitoring, and ${flow.to} does not authenticate ${flow.from} (authentication: ${flow.authentication.type})`,
      })),
}
