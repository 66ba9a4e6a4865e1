import {
  describeFlow,
  isRelayedSoftware,
  isDeviceCommunicationPath,
  touchesManyPatients,
} from '../flow-facts.js'
import type { ThreatRule } from '../threat-rule.js'

/**
 * FDA Appendix 1 (Code, Data, and Execution Integrity; Firmware and Software Updates): software
 * is verified by a digital signature before it is installed. The rule reports the hop where the
 * software reaches the element that installs it; relays before it (updaters, distribution
 * servers) are covered by that last hop.
 */
export const unsignedSoftwareUpdate: ThreatRule = {
  id: 'unsigned-software-update',
  title: 'Software installed without verifying a digital signature',
  stride: ['tampering', 'elevation-of-privilege'],
  capec: [186, 657],
  cwe: [494, 347],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Code, Data, and Execution Integrity' },
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Firmware and Software Updates' },
    { source: 'IMDRF N60', clause: '5.1.1 Table 1, Software maintenance' },
    { source: 'MDS2', clause: 'CSUP' },
  ],
  rationale:
    'Without a signature check the device runs whatever software arrives with a valid checksum or over a trusted-looking channel: malicious firmware takes full control of therapy and alarms, and through the update path it can reach every device of the fleet.',
  recommendations: [
    {
      category: 'code-data-execution-integrity',
      text: 'Sign firmware, software and their metadata with a key held offline (HSM) and verify the signature in the bootloader or installer before installing and before running',
    },
    {
      category: 'updatability-patchability',
      text: 'Authenticate the source of every update and keep the update robust to interruption',
    },
  ],
  subjectKind: 'data flow',
  evaluate: (context) =>
    context.model.dataFlows
      .filter(
        (flow) =>
          flow.payload.includes('software') &&
          flow.integrity !== 'signature' &&
          !isRelayedSoftware(context, flow) &&
          isDeviceCommunicationPath(context, flow),
      )
      .map((flow) => ({
        subject: flow.id,
        detail: `${describeFlow(flow)} delivers software to ${flow.to} with integrity ${flow.integrity}, not a signature`,
        multiPatient: touchesManyPatients(context, flow),
      })),
}
