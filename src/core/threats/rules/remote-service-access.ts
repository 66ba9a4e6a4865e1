import {
  describeFlow,
  entersOverNetwork,
  isDeviceCommunicationPath,
  touchesManyPatients,
} from '../flow-facts.js'
import type { ThreatRule } from '../threat-rule.js'

const OUTSIDE_OWNERS: ReadonlySet<string> = new Set(['manufacturer', 'third-party'])

/**
 * MDS2 RMOT and FDA Appendix 1 (Authentication, Authorization): remote service by the
 * manufacturer or a third party is privileged access from outside the user's organization, and
 * needs strong per-person authentication, the user's consent per session, and logging.
 */
export const remoteServiceAccess: ThreatRule = {
  id: 'remote-service-access',
  title: 'Remote service access into the device from outside the user organization',
  stride: ['elevation-of-privilege', 'tampering', 'spoofing'],
  capec: [555, 560],
  cwe: [],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Authentication' },
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Authorization' },
    { source: 'IMDRF N60', clause: '5.1.1 Table 1, User authentication' },
    { source: 'MDS2', clause: 'RMOT' },
  ],
  rationale:
    'A remote service path is a standing, privileged way in: whoever compromises the service provider, its accounts or its workstation can change software, configuration or therapy data on the device, typically at every customer site served the same way.',
  recommendations: [
    {
      category: 'authentication',
      text: 'Require individual accounts with multi-factor authentication for every service person; no account or password shared across people or sites',
    },
    {
      category: 'authorization',
      text: 'Let the user organization approve each session, limit it in time and privilege, and disable remote access by default',
    },
    {
      category: 'event-detection-logging',
      text: 'Log every remote session and action on the device and make the logs available to the user organization',
    },
  ],
  subjectKind: 'data flow',
  evaluate: (context) =>
    context.model.dataFlows.flatMap((flow) => {
      const source = context.element(flow.from)
      if (source === undefined || !OUTSIDE_OWNERS.has(source.owner)) return []
      if (context.isDevice(flow.from) || !context.isDevice(flow.to)) return []
      const controlling = flow.payload.filter(
        (kind) => kind === 'commands' || kind === 'configuration',
      )
      const crossed = context.crossedBoundaries(flow)
      if (controlling.length === 0 || crossed.length === 0) return []
      if (!entersOverNetwork(context, flow) || !isDeviceCommunicationPath(context, flow)) return []
      return [
        {
          subject: flow.id,
          detail: `${describeFlow(flow)}: ${source.owner} ${flow.from} sends ${flow.payload.join(', ')} to ${flow.to} across ${crossed.join(', ')} (authentication: ${flow.authentication.type})`,
          multiPatient: touchesManyPatients(context, flow),
        },
      ]
    }),
}
