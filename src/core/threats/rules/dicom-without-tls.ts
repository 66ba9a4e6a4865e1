import {
  describeFlow,
  isDeviceCommunicationPath,
  touchesManyPatients,
  usesNetwork,
} from '../flow-facts.js'
import type { ThreatRule } from '../threat-rule.js'

const DICOM = /\bdicom\b/i

/**
 * DICOM network services identify peers by AE title and IP address only, which anyone can claim;
 * DICOM TLS (PS3.15 secure transport) is what protects and authenticates an association.
 */
export const dicomWithoutTls: ThreatRule = {
  id: 'dicom-without-tls',
  title: 'DICOM association without TLS',
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
    'Images, structures and plans sent without TLS can be read, altered or injected by anyone who reaches the network path or claims a trusted AE title: an altered image or plan leads to a wrong diagnosis or a wrong dose for the patient.',
  recommendations: [
    {
      category: 'confidentiality',
      text: 'Use DICOM TLS (TLS 1.2 or later) with certificates on both ends; where a peer cannot, isolate the association on a dedicated network segment',
    },
    {
      category: 'code-data-execution-integrity',
      text: 'Verify received objects (patient identity, UIDs, checksums or digital signatures) before they are used for planning or treatment',
    },
  ],
  subjectKind: 'data flow',
  evaluate: (context) =>
    context.model.dataFlows
      .filter(
        (flow) =>
          DICOM.test(flow.protocol) &&
          flow.encryption.type === 'none' &&
          usesNetwork(context, flow) &&
          isDeviceCommunicationPath(context, flow),
      )
      .map((flow) => ({
        subject: flow.id,
        detail: `${describeFlow(flow)} runs without TLS (authentication: ${flow.authentication.type})`,
        multiPatient: touchesManyPatients(context, flow),
      })),
}
