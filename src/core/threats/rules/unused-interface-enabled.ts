import { isDebugInterface } from '../flow-facts.js'
import type { ThreatRule } from '../threat-rule.js'
import type { Interface } from '../../model/index.js'

const describeEndpoint = (item: Interface): string => {
  const parts = [...(item.protocols ?? []), ...(item.ports ?? [])]
  return parts.length === 0 ? '' : ` (${parts.join(', ')})`
}

/**
 * FDA premarket guidance asks for every interface, used or not, and for unused ones to be closed:
 * an interface that is enabled but serves no intended function is attack surface with no benefit.
 * Debug ports are left to debug-port-enabled.
 */
export const unusedInterfaceEnabled: ThreatRule = {
  id: 'unused-interface-enabled',
  title: 'Interface enabled although no intended function uses it',
  stride: ['elevation-of-privilege', 'information-disclosure', 'denial-of-service'],
  capec: [300, 574],
  cwe: [1188],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 2, Security architecture flows' },
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Authorization' },
    { source: 'IMDRF N60', clause: '5.1.1 Table 1, Secure communications' },
    { source: 'MDS2', clause: 'SAHD' },
  ],
  rationale:
    'An unused service or port is rarely tested, patched or monitored, yet it accepts input: an attacker who reaches it may take over the device and its therapy or monitoring functions.',
  recommendations: [
    {
      category: 'authorization',
      text: 'Disable the interface in the shipped configuration (service off, port closed, driver not loaded, connector unpopulated), deny by default',
    },
    {
      category: 'resiliency-recovery',
      text: 'Where it must stay, restrict who can reach it and include it in security testing and hardening guidance',
    },
  ],
  subjectKind: 'interface',
  evaluate: (context) =>
    context.model.interfaces
      .filter(
        (item) =>
          item.status === 'unused' && !isDebugInterface(item) && context.isDevice(item.element),
      )
      .map((item) => ({
        subject: item.id,
        detail: `${item.type} interface '${item.id}' on ${item.element}${describeEndpoint(item)} is enabled but not used`,
        multiPatient: context.servesManyPatients(item.element),
      })),
}
