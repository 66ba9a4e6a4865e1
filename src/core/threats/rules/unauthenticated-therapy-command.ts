import type { ThreatRule } from '../threat-rule.js'

/**
 * Commands that reach a therapy function must prove where they come from; FDA Appendix 1 asks
 * for cryptographically strong authentication of commands, and of the sender.
 */
export const unauthenticatedTherapyCommand: ThreatRule = {
  id: 'unauthenticated-therapy-command',
  title: 'Therapy commands accepted without authenticating the sender',
  stride: ['spoofing', 'tampering', 'elevation-of-privilege'],
  capec: [151, 94],
  cwe: [306],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Authentication' },
    { source: 'IMDRF N60', clause: '5.1.1 Table 1, Secure communications' },
    { source: 'IEC 81001-5-1', clause: '5.2 Security requirements' },
    { source: 'MDS2', clause: 'NAUT' },
  ],
  rationale:
    'Anyone able to reach the path can start, stop or change therapy: an insulin bolus, an infusion rate, a dose. That is direct patient harm.',
  recommendations: [
    {
      category: 'authentication',
      text: 'Authenticate every command cryptographically (per-device keys, mutual authentication) before acting on it',
    },
    {
      category: 'authorization',
      text: 'Require a physical signal of intent on the device for harmful operations',
    },
  ],
  subjectKind: 'data flow',
  evaluate: (context) =>
    context.model.dataFlows
      .filter(
        (flow) =>
          flow.payload.includes('commands') &&
          context.deliversTherapy(flow.to) &&
          !context.isLocalUserInteraction(flow) &&
          (flow.authentication.type === 'none' || flow.authentication.type === 'destination'),
      )
      .map((flow) => ({
        subject: flow.id,
        detail: `'${flow.name}' carries commands from ${flow.from} to ${flow.to}, which delivers therapy, and the destination does not authenticate the source (authentication: ${flow.authentication.type})`,
      })),
}
