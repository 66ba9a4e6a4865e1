import { describeFlow, isDeviceCommunicationPath, touchesManyPatients } from '../flow-facts.js'
import type { ThreatRule } from '../threat-rule.js'

/**
 * FDA Appendix 1 (Code, Data, and Execution Integrity): protect the integrity of configuration
 * that safety depends on, such as therapy limits, alarm limits or energy output. Neither no check
 * nor a CRC stops an attacker on the path.
 */
export const configurationTamperingInTransit: ThreatRule = {
  id: 'configuration-tampering-in-transit',
  title: 'Configuration can be altered in transit',
  stride: ['tampering'],
  capec: [94, 176],
  cwe: [924, 15],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Code, Data, and Execution Integrity' },
    { source: 'IMDRF N60', clause: '5.1.1 Table 1, Device integrity' },
    { source: 'MDS2', clause: 'TXIG' },
  ],
  rationale:
    'Settings changed on the way (drug limits, alarm limits, beam data, network parameters) are applied as if the sender had chosen them: the device then delivers the wrong therapy or stays silent when it should alarm.',
  recommendations: [
    {
      category: 'code-data-execution-integrity',
      text: 'Sign configuration or send it over an authenticated, integrity-protected channel, and verify it before applying it',
    },
    {
      category: 'code-data-execution-integrity',
      text: 'Check configuration against safe ranges on the device and keep the last known good configuration',
    },
  ],
  subjectKind: 'data flow',
  evaluate: (context) =>
    context.model.dataFlows
      .filter(
        (flow) =>
          flow.payload.includes('configuration') &&
          (flow.integrity === 'none' || flow.integrity === 'crc') &&
          isDeviceCommunicationPath(context, flow),
      )
      .map((flow) => ({
        subject: flow.id,
        detail: `${describeFlow(flow)} carries configuration to ${flow.to} with integrity ${flow.integrity}`,
        multiPatient: touchesManyPatients(context, flow),
      })),
}
