import {
  describeFlow,
  isDeviceCommunicationPath,
  touchesManyPatients,
  usesNetwork,
} from '../flow-facts.js'
import type { ThreatRule } from '../threat-rule.js'

/** HL7 v2 and its usual transport MLLP, however the model spells them. */
const HL7 = /\bhl7\b|\bmllp\b/i

/**
 * HL7 v2 over MLLP has no security of its own: messages are cleartext, unauthenticated and
 * unprotected unless the connection runs inside TLS or a VPN.
 */
export const hl7WithoutTls: ThreatRule = {
  id: 'hl7-without-tls',
  title: 'HL7 messages sent without TLS',
  stride: ['information-disclosure', 'tampering', 'spoofing'],
  capec: [158, 94],
  cwe: [319, 924],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Confidentiality' },
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Code, Data, and Execution Integrity' },
    { source: 'MDS2', clause: 'TXCF' },
    { source: 'MDS2', clause: 'TXIG' },
  ],
  rationale:
    'Orders, results and patient identities in HL7 can be read and rewritten by anyone on the network path, or injected by any host that can open the port: a forged order or result reaches the patient record or the device as if it came from the hospital system.',
  recommendations: [
    {
      category: 'confidentiality',
      text: 'Carry MLLP inside TLS 1.2 or later (or an IPsec tunnel) between the device and the interface engine',
    },
    {
      category: 'authentication',
      text: 'Authenticate both ends with certificates, not only by source IP address; document the HDO configuration in the security labeling',
    },
  ],
  subjectKind: 'data flow',
  evaluate: (context) =>
    context.model.dataFlows
      .filter(
        (flow) =>
          HL7.test(flow.protocol) &&
          flow.encryption.type === 'none' &&
          usesNetwork(context, flow) &&
          isDeviceCommunicationPath(context, flow),
      )
      .map((flow) => ({
        subject: flow.id,
        detail: `${describeFlow(flow)} carries ${flow.payload.join(', ')} as HL7 without encryption`,
        multiPatient: touchesManyPatients(context, flow),
      })),
}
