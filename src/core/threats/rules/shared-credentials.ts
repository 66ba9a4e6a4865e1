import { describeFlow } from '../flow-facts.js'
import type { ThreatRule } from '../threat-rule.js'

/**
 * FDA Appendix 1 (Authentication, Cryptography) and IMDRF N60 (User authentication): no password
 * or key shared between devices, users or customers, so that one leaked secret opens one device
 * and not the fleet.
 */
export const sharedCredentials: ThreatRule = {
  id: 'shared-credentials',
  title: 'Credentials shared between devices, users or sites',
  stride: ['spoofing', 'elevation-of-privilege', 'repudiation'],
  capec: [560, 555],
  cwe: [1391],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Authentication' },
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Cryptography' },
    { source: 'IMDRF N60', clause: '5.1.1 Table 1, User authentication' },
    { source: 'MDS2', clause: 'NAUT' },
    { source: 'MDS2', clause: 'PAUT' },
  ],
  rationale:
    'A secret known to many parties leaks eventually, and then every device or account that accepts it is open at once: the attacker can act on many patients, and no action can be traced to a person.',
  recommendations: [
    {
      category: 'authentication',
      text: 'Issue individual credentials per person and per device (for example per-device certificates provisioned at manufacture or commissioning)',
    },
    {
      category: 'cryptography',
      text: 'Use no key common to several devices or sites; breaking one device must not reveal another device’s keys',
    },
  ],
  subjectKind: 'data flow',
  evaluate: (context) =>
    context.model.dataFlows
      .filter(
        (flow) =>
          flow.authentication.credentials === 'shared' &&
          (context.isDevice(flow.from) || context.isDevice(flow.to)),
      )
      .map((flow) => ({
        subject: flow.id,
        detail:
          `${describeFlow(flow)} authenticates with shared credentials` +
          (flow.authentication.mechanism === undefined
            ? ''
            : ` (${flow.authentication.mechanism})`),
        multiPatient: true,
      })),
}
