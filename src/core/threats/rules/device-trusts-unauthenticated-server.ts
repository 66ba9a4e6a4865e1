import {
  authenticatesSource,
  describeFlow,
  isDeviceCommunicationPath,
  isRelayedSoftware,
  touchesManyPatients,
} from '../flow-facts.js'
import type { ThreatContext } from '../threat-context.js'
import type { ThreatRule } from '../threat-rule.js'
import type { DataFlow, PayloadKind } from '../../model/index.js'

/**
 * What the device takes from the source that changes its behaviour. Commands to a therapy element
 * are left to unauthenticated-therapy-command, which reports the same flow. Software counts only
 * when the destination installs it and no signature vouches for it: signed software, or software
 * a relay passes on, is judged where it is installed (unsigned-software-update).
 */
const controllingPayload = (context: ThreatContext, flow: DataFlow): PayloadKind[] =>
  flow.payload.filter(
    (kind) =>
      (kind === 'software' &&
        flow.integrity !== 'signature' &&
        !isRelayedSoftware(context, flow)) ||
      kind === 'configuration' ||
      (kind === 'commands' && !context.deliversTherapy(flow.to)),
  )

/**
 * FDA Appendix 1 (Authentication): the device authenticates the servers and systems it takes
 * commands, configuration or software from. Server-only TLS (authentication: destination) proves
 * the server to the client, not the other way round.
 */
export const deviceTrustsUnauthenticatedServer: ThreatRule = {
  id: 'device-trusts-unauthenticated-server',
  title: 'Device accepts commands, configuration or software from an unauthenticated source',
  stride: ['spoofing', 'tampering'],
  capec: [194, 151],
  cwe: [306, 940],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Authentication' },
    { source: 'IMDRF N60', clause: '5.1.1 Table 1, Secure communications' },
    { source: 'MDS2', clause: 'NAUT' },
  ],
  rationale:
    'Any host that can reach the device can pose as its server and change its settings, alarm limits or software, or command it; the device then misbehaves for its patient with nothing to show it was not the real server.',
  recommendations: [
    {
      category: 'authentication',
      text: 'Authenticate the source before acting (mutual TLS or signed messages with per-device keys), and bind commands to that authenticated session',
    },
    {
      category: 'code-data-execution-integrity',
      text: 'Validate received configuration against safe ranges and keep the last known good configuration',
    },
  ],
  subjectKind: 'data flow',
  evaluate: (context) =>
    context.model.dataFlows.flatMap((flow) => {
      if (authenticatesSource(flow) || !context.isDevice(flow.to)) return []
      if (context.element(flow.from)?.kind === 'external-entity') return []
      const payload = controllingPayload(context, flow)
      if (payload.length === 0 || !isDeviceCommunicationPath(context, flow)) return []
      return [
        {
          subject: flow.id,
          detail: `${describeFlow(flow)} brings ${payload.join(', ')} into ${flow.to}, which does not authenticate the source (authentication: ${flow.authentication.type})`,
          multiPatient: touchesManyPatients(context, flow),
        },
      ]
    }),
}
