import { authenticatesSource, touchesManyPatients } from '../flow-facts.js'
import type { ThreatRule } from '../threat-rule.js'

const PROXIMITY: ReadonlySet<string> = new Set(['nfc', 'inductive', 'infrared', 'proprietary-rf'])

/**
 * Short-range and proprietary radio, inductive and optical links are often assumed safe because
 * they are short-range or obscure; FDA Appendix 1 (Authentication) asks that messages and
 * commands be authenticated whatever the channel.
 */
export const proximityInterfaceAbuse: ThreatRule = {
  id: 'proximity-interface-abuse',
  title: 'Proximity or proprietary radio interface accepts unauthenticated input',
  stride: ['spoofing', 'tampering'],
  capec: [151, 194],
  cwe: [306, 940],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Authentication' },
    { source: 'IMDRF N60', clause: '5.1.1 Table 1, Secure communications' },
    { source: 'MDS2', clause: 'NAUT' },
  ],
  rationale:
    'Range is not authentication: with a stronger transmitter or antenna an attacker sends commands or false data from farther away than designed, and the device cannot tell them from the genuine peer.',
  recommendations: [
    {
      category: 'authentication',
      text: 'Authenticate every message received on the interface cryptographically (per-device keys, MAC or signature), independently of the channel',
    },
    {
      category: 'authorization',
      text: 'Disable the interface when it is not needed, and require a physical action on the device before it accepts harmful commands',
    },
  ],
  subjectKind: 'interface',
  evaluate: (context) =>
    context.model.interfaces.flatMap((item) => {
      if (!PROXIMITY.has(item.type) || item.status === 'disabled') return []
      if (!context.isDevice(item.element)) return []
      const through = context.flowsThrough(item.id)
      const unauthenticated = through.filter(
        (flow) => flow.to === item.element && !authenticatesSource(flow),
      )
      const openInput = item.status === 'unused' && through.length === 0 && item.direction !== 'out'
      if (unauthenticated.length === 0 && !openInput) return []
      return [
        {
          subject: item.id,
          detail: openInput
            ? `${item.type} interface '${item.id}' on ${item.element} is enabled and unused, with no authenticated use defined`
            : `${item.type} interface '${item.id}' on ${item.element} receives ${unauthenticated.map((flow) => flow.id).join(', ')} without authenticating the source`,
          multiPatient: through.some((flow) => touchesManyPatients(context, flow)),
        },
      ]
    }),
}
