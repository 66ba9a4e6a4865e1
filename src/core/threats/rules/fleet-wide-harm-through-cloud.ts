import type { DataFlow, Element } from '../../model/index.js'
import { flowsByDestination, flowsOutOf, listed, payloadsOf } from '../element-facts.js'
import type { ThreatContext } from '../threat-context.js'
import type { ThreatRule } from '../threat-rule.js'

const FLEET_PAYLOADS = ['commands', 'configuration', 'software'] as const
/** Hospital workstations and systems that feed a fleet server are its clients, not the fleet. */
const CLIENT_KINDS: ReadonlySet<string> = new Set(['workstation', 'hdo-system'])
const HOSTED_KINDS: ReadonlySet<string> = new Set([
  'server',
  'web-app',
  'cloud-service',
  'update-server',
  'data-store',
])

/**
 * A flow by which the sender reaches the devices of many patients: to a device element other than
 * its own database. A hospital workstation or system that only feeds a server or web application
 * is a client of the fleet, not its hub; the manufacturer's own service stations reach every
 * customer and count wherever they connect.
 */
const reachesFleet = (context: ThreatContext, sender: Element, flow: DataFlow): boolean => {
  const to = context.element(flow.to)
  if (to === undefined || !context.isDevice(to.id) || to.kind === 'data-store') return false
  if (!CLIENT_KINDS.has(sender.kind) || sender.owner === 'manufacturer') return true
  return !HOSTED_KINDS.has(to.kind) && !context.servesManyPatients(to.id)
}

/**
 * FDA premarket guidance asks for a Multi-Patient Harm View: how the system prevents and responds
 * to an attack that reaches many patients at once. A cloud, fleet or update server that pushes
 * commands, configuration or software to every device is that single point.
 */
export const fleetWideHarmThroughCloud: ThreatRule = {
  id: 'fleet-wide-harm-through-cloud',
  title: 'One compromised server or cloud service can change every connected device at once',
  stride: ['tampering', 'elevation-of-privilege', 'denial-of-service'],
  capec: [122, 536],
  cwe: [653],
  references: [
    { source: 'FDA premarket guidance', clause: 'V.B.2 Multi-Patient Harm View' },
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Authorization' },
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Resiliency and Recovery' },
  ],
  rationale:
    'Whoever controls the fleet server can send harmful commands, unsafe settings or malicious software to every device it serves: many patients harmed at the same time, faster than clinicians can notice.',
  recommendations: [
    {
      category: 'authorization',
      text: 'Bound what the server can make a device do: device-enforced safe limits, confirmation at the device for therapy changes, no fleet-wide command without a second approver',
    },
    {
      category: 'code-data-execution-integrity',
      text: 'Sign configuration and software end to end with keys kept off the server, so a compromised server cannot forge what devices accept',
    },
    {
      category: 'resiliency-recovery',
      text: 'Stage fleet changes, rate-limit them and let devices keep working safely when the server is unreachable or hostile',
    },
    {
      category: 'event-detection-logging',
      text: 'Monitor the fleet for unusual command or configuration patterns and alert on them',
    },
  ],
  subjectKind: 'element',
  evaluate: (context) =>
    context.model.elements.flatMap((element) => {
      if (!context.servesManyPatients(element.id)) return []
      const flows = flowsOutOf(context, element.id, FLEET_PAYLOADS).filter((flow) =>
        reachesFleet(context, element, flow),
      )
      if (flows.length === 0) return []
      return [
        {
          subject: element.id,
          detail: `${element.name} (${element.kind}) serves many patients and sends ${listed(payloadsOf(flows, FLEET_PAYLOADS))} to device elements: ${flowsByDestination(flows)}`,
          multiPatient: true,
        },
      ]
    }),
}
