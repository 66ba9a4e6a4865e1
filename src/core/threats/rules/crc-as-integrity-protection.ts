import {
  clinicalAssetsOn,
  describeFlow,
  isDeviceCommunicationPath,
  touchesManyPatients,
} from '../flow-facts.js'
import type { ThreatRule } from '../threat-rule.js'
import type { PayloadKind } from '../../model/index.js'

const CONTROLLING: readonly PayloadKind[] = ['commands', 'software', 'configuration']

/**
 * FDA Appendix 1: a CRC or other non-cryptographic checksum is not a security control. Anyone who
 * changes a message recomputes the CRC; only a MAC, a signature or authenticated encryption shows
 * that a message is what its sender sent.
 */
export const crcAsIntegrityProtection: ThreatRule = {
  id: 'crc-as-integrity-protection',
  title: 'A CRC is the only integrity protection of commands, software or clinical data',
  stride: ['tampering', 'spoofing'],
  capec: [145, 94],
  cwe: [924],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Authentication' },
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Code, Data, and Execution Integrity' },
    { source: 'IMDRF N60', clause: '5.1.1 Table 1, Secure communications' },
    { source: 'MDS2', clause: 'TXIG' },
  ],
  rationale:
    'A CRC detects noise, not an attacker: a forged or altered command, firmware image, setting or clinical value with a recomputed CRC is accepted as genuine, and the device or clinician acts on it.',
  recommendations: [
    {
      category: 'code-data-execution-integrity',
      text: 'Protect the messages with a MAC, a digital signature or authenticated encryption under keys unique to the device or session',
    },
    {
      category: 'cryptography',
      text: 'Keep the CRC for transmission errors only and document that it is not counted as a security control',
    },
  ],
  subjectKind: 'data flow',
  evaluate: (context) =>
    context.model.dataFlows.flatMap((flow) => {
      if (flow.integrity !== 'crc' || !isDeviceCommunicationPath(context, flow)) return []
      const carried = [
        ...CONTROLLING.filter((kind) => flow.payload.includes(kind)),
        ...clinicalAssetsOn(context, flow),
      ]
      if (carried.length === 0) return []
      return [
        {
          subject: flow.id,
          detail: `${describeFlow(flow)} protects ${carried.join(', ')} with a CRC only`,
          multiPatient: touchesManyPatients(context, flow),
        },
      ]
    }),
}
