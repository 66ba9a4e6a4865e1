import { flowsByDestination, flowsOutOf, listed, payloadsOf } from '../element-facts.js'
import type { ThreatRule } from '../threat-rule.js'

/** Programmers: apps, handheld accessories and workstations people use to program a device. */
const PROGRAMMER_KINDS: ReadonlySet<string> = new Set([
  'desktop-app',
  'mobile-app',
  'accessory',
  'workstation',
])
const PROGRAMMING_PAYLOADS = ['commands', 'configuration'] as const

/**
 * FDA Appendix 1 (Authorization): least privilege per role, and a physical signal of intent for
 * harmful operations. A clinician programmer, patient app or service tool that can change therapy
 * is as dangerous as the person holding it.
 */
export const programmerMisuse: ThreatRule = {
  id: 'programmer-misuse',
  title: 'Programmer or app misused, lost or stolen to change therapy',
  stride: ['spoofing', 'tampering', 'elevation-of-privilege'],
  capec: [122, 507],
  cwe: [306, 266],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Authorization' },
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Authentication' },
    { source: 'IMDRF N60', clause: '5.1.1 Table 1, User authentication' },
    { source: 'MDS2', clause: 'PAUT' },
    { source: 'MDS2', clause: 'ALOF' },
  ],
  rationale:
    "Someone who picks up an unlocked programmer, a stolen service laptop or a patient's phone, or an insider beyond their role, can change therapy settings or deliver therapy: direct harm to the patient.",
  recommendations: [
    {
      category: 'authentication',
      text: 'Require a log-in on the programmer with automatic log-off, and bind each programmer to the people and devices it may program',
    },
    {
      category: 'authorization',
      text: 'Limit each role to the therapy changes it needs, keep device-enforced limits, and require confirmation at the device for harmful changes',
    },
    {
      category: 'event-detection-logging',
      text: 'Log every programming session with the person and programmer, and let a lost programmer be revoked',
    },
  ],
  subjectKind: 'element',
  evaluate: (context) =>
    context.model.elements.flatMap((element) => {
      if (!PROGRAMMER_KINDS.has(element.kind)) return []
      const flows = flowsOutOf(context, element.id, PROGRAMMING_PAYLOADS).filter((flow) =>
        context.deliversTherapy(flow.to),
      )
      if (flows.length === 0) return []
      return [
        {
          subject: element.id,
          detail: `${element.name} (${element.kind}) sends ${listed(payloadsOf(flows, PROGRAMMING_PAYLOADS))} to therapy elements: ${flowsByDestination(flows)}`,
        },
      ]
    }),
}
