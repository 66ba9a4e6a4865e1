import type { ThreatRule } from '../threat-rule.js'

const DEBUG_TYPES: ReadonlySet<string> = new Set(['debug-jtag', 'debug-swd', 'debug-uart'])

/** FDA Appendix 1: debug ports (JTAG, UART) locked in fielded devices. */
export const debugPortEnabled: ThreatRule = {
  id: 'debug-port-enabled',
  title: 'Debug port left enabled in the shipped device',
  stride: ['tampering', 'information-disclosure', 'elevation-of-privilege'],
  capec: [440, 121],
  cwe: [1191, 1244],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Code, Data and Execution Integrity' },
    { source: 'MDS2', clause: 'SAHD' },
  ],
  rationale:
    'A debug port gives whoever holds the device full control of memory and firmware: keys can be read, therapy limits changed and malicious firmware loaded.',
  recommendations: [
    {
      category: 'code-data-execution-integrity',
      text: 'Disable or lock debug access (fuses, readout protection, authenticated debug) before shipping',
    },
  ],
  subjectKind: 'interface',
  evaluate: (context) =>
    context.model.interfaces
      .filter(
        (item) =>
          DEBUG_TYPES.has(item.type) &&
          item.status !== 'disabled' &&
          context.isDevice(item.element),
      )
      .map((item) => ({
        subject: item.id,
        detail: `${item.type} interface '${item.id}' on ${item.element} is ${item.status}, not disabled`,
      })),
}
