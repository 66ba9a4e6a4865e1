import {
  describeFlow,
  isCleartextInTransit,
  isDeviceCommunicationPath,
  touchesManyPatients,
} from '../flow-facts.js'
import type { ThreatRule } from '../threat-rule.js'

/**
 * FDA Appendix 1 (Confidentiality) and IMDRF N60 (Data protection): data whose disclosure could
 * harm patients is encrypted in transit, end to end. The rule is about disclosure: it fires on
 * flows that carry PHI or confidential data in clear on some part of their path. Clinical data
 * whose integrity is unprotected is left to unprotected-clinical-data-integrity and
 * crc-as-integrity-protection.
 */
export const cleartextSensitiveData: ThreatRule = {
  id: 'cleartext-sensitive-data',
  title: 'Sensitive patient data sent in cleartext',
  stride: ['information-disclosure'],
  capec: [117, 158],
  cwe: [319],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Confidentiality' },
    { source: 'IMDRF N60', clause: '5.1.1 Table 1, Data protection' },
    { source: 'MDS2', clause: 'TXCF' },
  ],
  rationale:
    'Anyone who can listen on the path reads patient identities, health data and secrets; secrets read this way open the device, and identities and schedules read this way let an attacker pick out a patient to target.',
  recommendations: [
    {
      category: 'confidentiality',
      text: 'Encrypt the path end to end (TLS 1.2 or later, DTLS, or application-layer authenticated encryption), not only one radio or network hop',
    },
    {
      category: 'cryptography',
      text: 'Use NIST-recommended algorithms and keys unique to each device or session',
    },
  ],
  subjectKind: 'data flow',
  evaluate: (context) =>
    context.model.dataFlows.flatMap((flow) => {
      if (!context.carriesSensitiveData(flow) || !isCleartextInTransit(context, flow)) return []
      if (!isDeviceCommunicationPath(context, flow)) return []
      const confidential = context
        .assetsOn(flow)
        .filter((asset) => asset.category === 'phi' || asset.security.confidentiality === 'high')
        .map((asset) => asset.id)
      if (confidential.length === 0) return []
      const encryption =
        flow.encryption.type === 'none'
          ? 'without encryption'
          : `encrypted only on the radio hop (${flow.encryption.type}), in clear on the wired network beyond`
      return [
        {
          subject: flow.id,
          detail: `${describeFlow(flow)} carries ${confidential.join(', ')} ${encryption}`,
          multiPatient: touchesManyPatients(context, flow),
        },
      ]
    }),
}
