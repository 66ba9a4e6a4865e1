import {
  authenticatesSource,
  describeFlow,
  isDeviceCommunicationPath,
  touchesManyPatients,
} from '../flow-facts.js'
import type { ThreatRule } from '../threat-rule.js'

/**
 * FDA Appendix 1 (Authentication): receivers can verify that telemetry and other data really
 * comes from the device that claims to send it. Commands and configuration are covered by
 * device-trusts-unauthenticated-server and unauthenticated-therapy-command.
 */
export const spoofedDiagnosticData: ThreatRule = {
  id: 'spoofed-diagnostic-data',
  title: 'Diagnostic or monitoring data accepted from an unauthenticated source',
  stride: ['spoofing', 'tampering'],
  capec: [194, 148],
  cwe: [290, 940],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Authentication' },
    { source: 'IMDRF N60', clause: '5.1.1 Table 1, Secure communications' },
    { source: 'MDS2', clause: 'IGAU' },
    { source: 'MDS2', clause: 'NAUT' },
  ],
  rationale:
    'Anyone who can send on the path can inject readings, waveforms or alarms under another patient’s or device’s identity: a clinician or a closed-loop algorithm acts on false values, or a real alarm is masked by normal-looking data.',
  recommendations: [
    {
      category: 'authentication',
      text: 'Authenticate the sender of every message (per-device keys, MAC or signature, mutual TLS) and reject data that fails',
    },
    {
      category: 'code-data-execution-integrity',
      text: 'Check received values for plausibility and continuity, and flag data of unknown origin to the clinician',
    },
  ],
  subjectKind: 'data flow',
  evaluate: (context) =>
    context.model.dataFlows.flatMap((flow) => {
      if (!flow.payload.includes('data') || authenticatesSource(flow)) return []
      const assets = context
        .assetsOn(flow)
        .filter(
          (asset) =>
            asset.category === 'diagnosis-monitoring' && asset.security.integrity !== 'none',
        )
        .map((asset) => asset.id)
      if (assets.length === 0 || !isDeviceCommunicationPath(context, flow)) return []
      return [
        {
          subject: flow.id,
          detail: `${describeFlow(flow)} delivers ${assets.join(', ')} to ${flow.to} without authenticating the source (authentication: ${flow.authentication.type})`,
          multiPatient: touchesManyPatients(context, flow),
        },
      ]
    }),
}
