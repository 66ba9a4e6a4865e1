import { describeFlow, isDeviceCommunicationPath, touchesManyPatients } from '../flow-facts.js'
import type { ThreatContext } from '../threat-context.js'
import type { ThreatRule } from '../threat-rule.js'
import type { DataFlow } from '../../model/index.js'

/** Signed software authenticates its origin whoever delivers it. */
const isSignedSoftwareOnly = (flow: DataFlow): boolean =>
  flow.integrity === 'signature' && flow.payload.every((kind) => kind === 'software')

/** Both ends are systems that could authenticate, not a person or a piece of media. */
const betweenSystems = (context: ThreatContext, flow: DataFlow): boolean =>
  context.element(flow.from)?.kind !== 'external-entity' &&
  context.element(flow.to)?.kind !== 'external-entity'

/**
 * FDA Appendix 1 (Authentication): the device and the systems it talks to authenticate each other,
 * per session, where a path leaves a trust boundary. One-sided or no authentication lets a
 * spoofed peer or an adversary in the middle take either end's place.
 */
export const boundaryCrossingWithoutMutualAuthentication: ThreatRule = {
  id: 'boundary-crossing-without-mutual-authentication',
  title: 'Flow across a trust boundary without mutual authentication',
  stride: ['spoofing', 'tampering', 'information-disclosure'],
  capec: [94, 151],
  cwe: [290, 940],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Authentication' },
    { source: 'IMDRF N60', clause: '5.1.1 Table 1, Secure communications' },
    { source: 'MDS2', clause: 'NAUT' },
  ],
  rationale:
    'Where a path leaves a trust boundary an attacker can stand in for the side that is not authenticated: a fake server feeds the device settings or data, or a fake device feeds clinicians wrong patient data.',
  recommendations: [
    {
      category: 'authentication',
      text: 'Authenticate both ends cryptographically for each session (mutual TLS, or mutual authentication in the application protocol) with per-device credentials',
    },
    {
      category: 'authentication',
      text: 'Define what each end does when authentication fails, and make it safe',
    },
  ],
  subjectKind: 'data flow',
  evaluate: (context) =>
    context.model.dataFlows.flatMap((flow) => {
      if (flow.authentication.type === 'mutual' || isSignedSoftwareOnly(flow)) return []
      const crossed = context.crossedBoundaries(flow)
      if (crossed.length === 0 || !betweenSystems(context, flow)) return []
      if (!isDeviceCommunicationPath(context, flow)) return []
      return [
        {
          subject: flow.id,
          detail: `${describeFlow(flow)} crosses ${crossed.join(', ')} with authentication: ${flow.authentication.type}`,
          multiPatient: touchesManyPatients(context, flow),
        },
      ]
    }),
}
