import {
  describeFlow,
  isDeviceCommunicationPath,
  performsTherapy,
  touchesManyPatients,
} from '../flow-facts.js'
import type { ThreatRule } from '../threat-rule.js'

/**
 * FDA Appendix 1 (Authentication) asks for anti-replay (nonces, counters, timestamps) on every
 * command whose repetition could harm a patient; a valid command recorded once must not be
 * accepted twice.
 */
export const replayableTherapyCommand: ThreatRule = {
  id: 'replayable-therapy-command',
  title: 'Therapy commands can be recorded and replayed',
  stride: ['spoofing', 'tampering'],
  capec: [60, 94],
  cwe: [294],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Authentication' },
    { source: 'IMDRF N60', clause: '5.1.1 Table 1, Secure communications' },
    { source: 'MDS2', clause: 'TXIG' },
  ],
  rationale:
    'An attacker who records one legitimate command (a bolus, a rate change, an infusion start) can send it again, even without breaking its authentication or encryption, and the device delivers the therapy twice.',
  recommendations: [
    {
      category: 'authentication',
      text: 'Bind every therapy command to a fresh nonce, a monotonic counter or a session, and reject any command seen before',
    },
    {
      category: 'authorization',
      text: 'Ask for a physical confirmation on the device before therapy that could harm the patient',
    },
  ],
  subjectKind: 'data flow',
  evaluate: (context) =>
    context.model.dataFlows
      .filter(
        (flow) =>
          flow.payload.includes('commands') &&
          !flow.replayProtection &&
          performsTherapy(context, flow.to) &&
          isDeviceCommunicationPath(context, flow),
      )
      .map((flow) => ({
        subject: flow.id,
        detail: `${describeFlow(flow)} carries commands to ${flow.to}, which performs therapy delivery, without replay protection`,
        multiPatient: touchesManyPatients(context, flow),
      })),
}
