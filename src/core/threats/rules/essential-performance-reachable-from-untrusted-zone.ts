import {
  entersOverNetwork,
  isDeviceCommunicationPath,
  isHospitalFleet,
  shareNetworkZone,
} from '../flow-facts.js'
import type { ThreatRule } from '../threat-rule.js'

/**
 * FDA Appendix 1 (Resiliency and Recovery): the device withstands network denial of service,
 * bandwidth exhaustion and scanning. An element with essential performance that accepts network
 * traffic from outside its trust boundaries (from a sender in no network zone it shares) can be
 * flooded from there.
 */
export const essentialPerformanceReachableFromUntrustedZone: ThreatRule = {
  id: 'essential-performance-reachable-from-untrusted-zone',
  title: 'Element with essential performance reachable over the network from outside its zone',
  stride: ['denial-of-service'],
  capec: [125, 482],
  cwe: [770],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Resiliency and Recovery' },
    { source: 'IMDRF N60', clause: '5.1.1 Table 1, Secure communications' },
    { source: 'MDS2', clause: 'SAHD' },
  ],
  rationale:
    'Traffic from outside the trust boundary (a flood, a scan, malformed packets) can exhaust or crash the element and with it the essential performance the patient depends on: therapy, alarms or monitoring.',
  recommendations: [
    {
      category: 'resiliency-recovery',
      text: 'Rate-limit and filter inbound traffic, isolate the essential function from the network stack, and keep essential performance when the network misbehaves; verify with robustness and load tests',
    },
    {
      category: 'authorization',
      text: 'Accept connections only from the documented peers (deny by default) and give the HDO the firewall rules to enforce it',
    },
  ],
  subjectKind: 'element',
  evaluate: (context) =>
    context.model.elements.flatMap((element) => {
      if (!context.isDevice(element.id) || !context.hasEssentialPerformance(element.id)) return []
      const inside = context.boundariesOf(element.id)
      const entries = context.flowsTo(element.id).flatMap((flow) => {
        const entered = context.crossedBoundaries(flow).filter((id) => inside.has(id))
        if (entered.length === 0 || shareNetworkZone(context, flow)) return []
        if (!entersOverNetwork(context, flow)) return []
        if (!isDeviceCommunicationPath(context, flow)) return []
        return [`${flow.id} from ${flow.from} (into ${entered.join(', ')})`]
      })
      if (entries.length === 0) return []
      return [
        {
          subject: element.id,
          detail: `${element.name} has essential performance and accepts network flows from outside its zone: ${entries.join('; ')}`,
          multiPatient: context.servesManyPatients(element.id) || isHospitalFleet(context),
        },
      ]
    }),
}
