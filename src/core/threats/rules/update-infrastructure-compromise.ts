import { flowsByDestination, flowsOutOf } from '../element-facts.js'
import type { ThreatRule } from '../threat-rule.js'

/**
 * FDA premarket guidance asks for an Updatability/Patchability View of the whole update path,
 * including hops the manufacturer does not control. Every element that hands software to the
 * device is a place where malicious software can enter it.
 */
export const updateInfrastructureCompromise: ThreatRule = {
  id: 'update-infrastructure-compromise',
  title: 'Compromised update path delivers malicious software to the device',
  stride: ['tampering', 'spoofing', 'elevation-of-privilege'],
  capec: [186, 657, 669],
  cwe: [494, 347],
  references: [
    { source: 'FDA premarket guidance', clause: 'V.B.2 Updatability/Patchability View' },
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Authentication' },
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Firmware and Software Updates' },
    { source: 'IMDRF N60', clause: '5.1.1 Table 1, Software maintenance' },
    { source: 'MDS2', clause: 'CSUP' },
  ],
  rationale:
    'Malicious software installed through an update server, service tool or relaying app controls the therapy or monitoring function outright; through a fleet server it reaches every device at once.',
  recommendations: [
    {
      category: 'code-data-execution-integrity',
      text: "Have the device verify the manufacturer's signature on every package itself, independent of the transport and of relays, and refuse older versions (anti-rollback)",
    },
    {
      category: 'authentication',
      text: 'Authenticate the update source and the person or tool that starts an update before accepting any software',
    },
    {
      category: 'updatability-patchability',
      text: 'Describe the end-to-end update path, stage roll-outs and keep a verified recovery image',
    },
  ],
  subjectKind: 'element',
  evaluate: (context) =>
    context.model.elements.flatMap((element) => {
      const flows = flowsOutOf(context, element.id, ['software']).filter((flow) =>
        context.isDevice(flow.to),
      )
      if (flows.length === 0) return []
      const fleet = context.servesManyPatients(element.id)
      return [
        {
          subject: element.id,
          detail: `${element.name} (${element.kind}) sends software to ${flowsByDestination(flows)}${fleet ? '; it serves many patients, so one compromise reaches the whole fleet' : ''}`,
          ...(fleet ? { multiPatient: true } : {}),
        },
      ]
    }),
}
