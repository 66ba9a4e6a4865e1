import {
  describeFlow,
  isRelayedSoftware,
  isDeviceCommunicationPath,
  touchesManyPatients,
} from '../flow-facts.js'
import type { ThreatRule } from '../threat-rule.js'

/**
 * FDA Appendix 1 (Cryptography; Firmware and Software Updates): no downgrade or rollback to an
 * older version unless safety requires it, and then logged. A correctly signed old image is still
 * a vulnerable one. Reported at the hop where the software reaches the element that installs it.
 */
export const firmwareRollback: ThreatRule = {
  id: 'firmware-rollback',
  title: 'Software can be rolled back to an older, vulnerable version',
  stride: ['tampering', 'elevation-of-privilege'],
  capec: [186],
  cwe: [1328],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Cryptography' },
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Firmware and Software Updates' },
    { source: 'IMDRF N60', clause: '5.1.1 Table 1, Software maintenance' },
    { source: 'MDS2', clause: 'CSUP' },
  ],
  rationale:
    'An attacker who can deliver an update can install an earlier genuine version with a known vulnerability and then exploit it, undoing the patch that protected the patient.',
  recommendations: [
    {
      category: 'updatability-patchability',
      text: 'Enforce a monotonic security version (anti-rollback counter in protected storage) and refuse older images unless a documented safety case allows it',
    },
    {
      category: 'event-detection-logging',
      text: 'Log every accepted downgrade with its reason and report it',
    },
  ],
  subjectKind: 'data flow',
  evaluate: (context) =>
    context.model.dataFlows
      .filter(
        (flow) =>
          flow.payload.includes('software') &&
          !flow.replayProtection &&
          !isRelayedSoftware(context, flow) &&
          isDeviceCommunicationPath(context, flow),
      )
      .map((flow) => ({
        subject: flow.id,
        detail: `${describeFlow(flow)} delivers software to ${flow.to} without replay or version protection`,
        multiPatient: touchesManyPatients(context, flow),
      })),
}
