import { describeFlow } from '../flow-facts.js'
import type { ThreatRule } from '../threat-rule.js'

/**
 * FDA Appendix 1 (Authentication): no hard-coded, default or easily guessed password or key.
 * A default is the same on every device until someone changes it; a hard-coded secret is the
 * same on every device for ever and can be read out of any copy of the software.
 */
export const defaultOrHardCodedCredentials: ThreatRule = {
  id: 'default-or-hard-coded-credentials',
  title: 'Default or hard-coded credentials',
  stride: ['spoofing', 'elevation-of-privilege'],
  capec: [70, 191],
  cwe: [1392, 259, 321],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Authentication' },
    { source: 'IMDRF N60', clause: '5.1.1 Table 1, User authentication' },
    { source: 'MDS2', clause: 'PAUT' },
    { source: 'MDS2', clause: 'NAUT' },
  ],
  rationale:
    'Default and hard-coded secrets are published in manuals or extracted from one copy of the software, and then open every device in the field: an attacker can command or reconfigure many patients’ devices at once.',
  recommendations: [
    {
      category: 'authentication',
      text: 'Remove hard-coded secrets; generate per-device credentials at manufacture and force a change of any default at first use',
    },
    {
      category: 'confidentiality',
      text: 'Keep keys and passwords in protected storage (secure element, TPM, OS key store), never in the firmware image or the client software',
    },
  ],
  subjectKind: 'data flow',
  evaluate: (context) =>
    context.model.dataFlows
      .filter(
        (flow) =>
          (flow.authentication.credentials === 'default' ||
            flow.authentication.credentials === 'hard-coded') &&
          (context.isDevice(flow.from) || context.isDevice(flow.to)),
      )
      .map((flow) => ({
        subject: flow.id,
        detail:
          `${describeFlow(flow)} authenticates with ${flow.authentication.credentials ?? ''} credentials` +
          (flow.authentication.mechanism === undefined
            ? ''
            : ` (${flow.authentication.mechanism})`),
        multiPatient: true,
      })),
}
