import type { DataFlow } from '../../model/index.js'
import { elementsWithEssentialPerformanceIn, flowsBySource, flowsInto } from '../element-facts.js'
import type { ThreatContext } from '../threat-context.js'
import type { ThreatRule } from '../threat-rule.js'

/**
 * A remote command or configuration that reaches a monitoring function: an alarm pause, a limit,
 * an arrhythmia setting. Flows that carry only non-clinical assets (addresses, network settings)
 * are left out; flows with no assets listed count when they carry commands.
 */
const reachesMonitoring = (context: ThreatContext, flow: DataFlow): boolean => {
  if (context.isLocalUserInteraction(flow)) return false
  const assets = context.assetsOn(flow)
  if (assets.length === 0) return flow.payload.includes('commands')
  return assets.some((asset) => asset.category === 'diagnosis-monitoring')
}

/**
 * IEC 60601-1-8 alarm systems are essential performance of most monitors. FDA premarket guidance
 * asks for security use case views of the alarming state, and Appendix 1 (Authorization) for
 * limits and a signal of intent on harmful operations.
 */
export const alarmSuppressionByCommand: ThreatRule = {
  id: 'alarm-suppression-by-command',
  title: 'Remote command silences alarms or changes alarm limits',
  stride: ['tampering', 'spoofing', 'denial-of-service'],
  capec: [194, 212],
  cwe: [1320, 306],
  references: [
    { source: 'FDA premarket guidance', clause: 'V.B.2 Security Use Case Views' },
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Authorization' },
    { source: 'IMDRF N60', clause: '5.1.1 Table 1, Secure communications' },
  ],
  rationale:
    'An alarm paused, switched off or given wider limits from a distance leaves a deteriorating patient, an arrhythmia or a failed infusion unannounced: the harm the monitoring function exists to prevent.',
  recommendations: [
    {
      category: 'authorization',
      text: 'Bound what remote commands may change (no switching off of life-threatening alarms, limits within a unit profile, time-limited pauses) and announce every remote change at the bedside',
    },
    {
      category: 'authentication',
      text: 'Authenticate the sender of every alarm command and configuration cryptographically',
    },
    {
      category: 'event-detection-logging',
      text: 'Log remote alarm changes at both ends with the person responsible',
    },
  ],
  subjectKind: 'element',
  evaluate: (context) => {
    const monitoring = elementsWithEssentialPerformanceIn(context.model, 'diagnosis-monitoring')
    return context.model.elements.flatMap((element) => {
      if (!monitoring.has(element.id)) return []
      const flows = flowsInto(context, element.id, ['commands', 'configuration']).filter((flow) =>
        reachesMonitoring(context, flow),
      )
      if (flows.length === 0) return []
      return [
        {
          subject: element.id,
          detail: `${element.name} performs monitoring or alarm functions that essential performance depends on and accepts commands or configuration from ${flowsBySource(flows)}`,
        },
      ]
    })
  },
}
