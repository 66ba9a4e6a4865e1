import type { DataFlow } from '../../model/index.js'
import { elementsWithEssentialPerformanceIn, flowsBySource, flowsInto } from '../element-facts.js'
import type { ThreatContext } from '../threat-context.js'
import type { ThreatRule } from '../threat-rule.js'

/** Kinds that gather data of several bedside devices (central stations, gateways, servers). */
const AGGREGATOR_KINDS: ReadonlySet<string> = new Set([
  'workstation',
  'server',
  'cloud-service',
  'hdo-system',
])

const monitoringData = (context: ThreatContext, flow: DataFlow): boolean =>
  context.assetsOn(flow).some((asset) => asset.category === 'diagnosis-monitoring')

/**
 * Why the element watches many patients at once, or undefined: it serves a fleet, it is fed by
 * a device deployed in larger numbers than itself, it gathers monitoring data from several device
 * elements, or it is infrastructure (not the patient's own) that relays monitoring data of bedside
 * devices into an element that serves many, like a telemetry access point.
 */
const manyPatientsReason = (context: ThreatContext, id: string): string | undefined => {
  const element = context.element(id)
  if (element === undefined) return undefined
  if (context.servesManyPatients(id)) return 'it serves many patients'
  const feeds = flowsInto(context, id, ['data']).filter(
    (flow) => context.isDevice(flow.from) && monitoringData(context, flow),
  )
  const own = element.quantity ?? 1
  const larger = feeds.filter((flow) => (context.element(flow.from)?.quantity ?? 1) > own)
  if (larger.length > 0)
    return `it gathers data of ${flowsBySource(larger)}, deployed in larger numbers`
  const sources = new Set(feeds.map((flow) => flow.from))
  if (AGGREGATOR_KINDS.has(element.kind) && sources.size > 1) {
    return `it gathers monitoring data of ${flowsBySource(feeds)}`
  }
  if (element.owner === 'patient') return undefined
  const bedside = feeds.filter((flow) => !context.servesManyPatients(flow.from))
  const onward = context
    .flowsFrom(id)
    .filter((flow) => monitoringData(context, flow) && context.servesManyPatients(flow.to))
  if (bedside.length > 0 && onward.length > 0) {
    return `it relays monitoring data of ${flowsBySource(bedside)} to ${[...new Set(onward.map((flow) => flow.to))].join(', ')}`
  }
  return undefined
}

/**
 * FDA premarket guidance asks for a Multi-Patient Harm View, and Appendix 1 (Resiliency and
 * Recovery) for essential performance to survive attacks and outages. A central station, gateway
 * or access point that carries monitoring essential performance for many beds is a single point
 * whose loss blinds the unit.
 */
export const multiPatientMonitoringLoss: ThreatRule = {
  id: 'multi-patient-monitoring-loss',
  title: 'One failure or attack blinds the monitoring of many patients',
  stride: ['denial-of-service'],
  capec: [125, 607],
  cwe: [653],
  references: [
    { source: 'FDA premarket guidance', clause: 'V.B.2 Multi-Patient Harm View' },
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Resiliency and Recovery' },
  ],
  rationale:
    'When the element that carries monitoring for many patients stops, is flooded or is encrypted, deteriorations and alarms of every patient behind it go unseen until staff notice the outage.',
  recommendations: [
    {
      category: 'resiliency-recovery',
      text: 'Keep alarms working locally when the element fails, alarm on loss of communication, provide redundancy or fail-over, and document the downtime procedure',
    },
    {
      category: 'authorization',
      text: 'Isolate the element on its own network segment and restrict what can reach it',
    },
  ],
  subjectKind: 'element',
  evaluate: (context) => {
    const monitoring = elementsWithEssentialPerformanceIn(context.model, 'diagnosis-monitoring')
    return context.model.elements.flatMap((element) => {
      if (!monitoring.has(element.id)) return []
      const reason = manyPatientsReason(context, element.id)
      if (reason === undefined) return []
      return [
        {
          subject: element.id,
          detail: `${element.name} carries monitoring essential performance and ${reason}`,
          multiPatient: true,
        },
      ]
    })
  },
}
