import { flowsOutOf, isManufacturerResponsibility } from '../element-facts.js'
import type { ThreatRule } from '../threat-rule.js'

/**
 * Parts inside a device log through their host; infrastructure logs are the operator's. An
 * element that takes no input from anyone (a sensor that only transmits) has few security events
 * to record and is left out.
 */
const LOGGING_KINDS: ReadonlySet<string> = new Set([
  'device',
  'accessory',
  'mobile-app',
  'desktop-app',
  'web-app',
  'workstation',
  'server',
  'cloud-service',
  'update-server',
])

/**
 * FDA Appendix 1 (Event Detection and Logging): detect, log and time-stamp security events and
 * make the logs available off the device, so that an attack can be noticed and investigated.
 */
export const noSecurityEventLogging: ThreatRule = {
  id: 'no-security-event-logging',
  title: 'Security events on the element are neither logged nor reported',
  stride: ['repudiation'],
  capec: [],
  cwe: [778, 223],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Event Detection and Logging' },
    { source: 'IMDRF N60', clause: '5.1.1 Table 1, Device integrity' },
    { source: 'MDS2', clause: 'AUDT' },
  ],
  rationale:
    'An attack that leaves no trace cannot be detected, contained or investigated: a tampered device stays in use on patients, and a vulnerability affecting the fleet goes unnoticed.',
  recommendations: [
    {
      category: 'event-detection-logging',
      text: 'Log security events (log-ins, failed authentication, configuration and software changes, alarms silenced remotely) with trusted time stamps, and export them off the device for the hospital SIEM or the manufacturer',
    },
  ],
  subjectKind: 'element',
  evaluate: (context) =>
    context.model.elements
      .filter(
        (element) =>
          LOGGING_KINDS.has(element.kind) &&
          isManufacturerResponsibility(context, element) &&
          context.flowsTo(element.id).some((flow) => flow.from !== element.id) &&
          !context
            .controlsOn(element.id)
            .some(
              (control) =>
                control.category === 'event-detection-logging' ||
                control.capabilities?.includes('AUDT') === true,
            ) &&
          flowsOutOf(context, element.id, ['logs']).length === 0,
      )
      .map((element) => ({
        subject: element.id,
        detail: `${element.name} (${element.kind}) has no event detection and logging control and sends no logs to another element`,
      })),
}
