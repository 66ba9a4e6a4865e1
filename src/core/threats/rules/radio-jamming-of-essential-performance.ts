import { isHospitalFleet, WIRELESS_INTERFACE_TYPES } from '../flow-facts.js'
import type { ThreatContext } from '../threat-context.js'
import type { ThreatRule } from '../threat-rule.js'
import type { DataFlow } from '../../model/index.js'

/**
 * The flow serves an element with essential performance and losing it matters: it carries
 * commands, or an asset whose availability need is high.
 */
const essentialFlow = (context: ThreatContext, flow: DataFlow): boolean =>
  [flow.from, flow.to].some((id) => context.isDevice(id) && context.hasEssentialPerformance(id)) &&
  (flow.payload.includes('commands') ||
    context.assetsOn(flow).some((asset) => asset.security.availability === 'high'))

/**
 * Radio links can be jammed by anyone in range with cheap equipment, and no cryptography prevents
 * it. FDA Appendix 1 (Resiliency and Recovery) asks that the device withstand denial of service and
 * define its behaviour when communication is lost.
 */
export const radioJammingOfEssentialPerformance: ThreatRule = {
  id: 'radio-jamming-of-essential-performance',
  title: 'Radio jamming cuts a wireless link that essential performance depends on',
  stride: ['denial-of-service'],
  capec: [601, 599, 604],
  cwe: [],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Resiliency and Recovery' },
    { source: 'IMDRF N60', clause: '5.1.1 Table 1, Secure communications' },
  ],
  rationale:
    'A jammer in radio range silently stops readings, alarms or commands on the link; if the device or the clinician relies on them, monitoring gaps or missed therapy follow, for every patient within range at once.',
  recommendations: [
    {
      category: 'resiliency-recovery',
      text: 'Detect loss of the link quickly, raise a technical alarm and fall back to a safe autonomous mode; verify the behaviour under jamming in testing',
    },
    {
      category: 'resiliency-recovery',
      text: 'Keep essential performance independent of the radio link where possible (local alarms, local therapy limits)',
    },
  ],
  subjectKind: 'interface',
  evaluate: (context) =>
    context.model.interfaces.flatMap((item) => {
      if (!WIRELESS_INTERFACE_TYPES.has(item.type) || item.status !== 'active') return []
      if (!context.isDevice(item.element)) return []
      const flows = context.flowsThrough(item.id).filter((flow) => essentialFlow(context, flow))
      if (flows.length === 0) return []
      return [
        {
          subject: item.id,
          detail: `${item.type} interface '${item.id}' on ${item.element} carries ${flows.map((flow) => flow.id).join(', ')}, which elements with essential performance depend on`,
          multiPatient: isHospitalFleet(context),
        },
      ]
    }),
}
