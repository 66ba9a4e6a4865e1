import { flowsOutOf, listed, payloadsOf } from '../element-facts.js'
import type { ThreatRule } from '../threat-rule.js'

/**
 * FDA premarket guidance (interoperability, general-purpose platforms) asks how the device stays
 * safe on platforms the manufacturer does not control. A patient's phone may be rooted, carry
 * malicious apps and miss operating system updates.
 */
export const mobilePlatformCompromise: ThreatRule = {
  id: 'mobile-platform-compromise',
  title: 'Medical app runs on a rooted, infected or outdated phone',
  stride: ['tampering', 'information-disclosure', 'spoofing', 'elevation-of-privilege'],
  capec: [660, 661, 502],
  cwe: [1357, 921],
  references: [
    { source: 'FDA premarket guidance', clause: 'V.A.3 Interoperability Considerations' },
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Code, Data, and Execution Integrity' },
    { source: 'IMDRF N60', clause: '5.1.1 Table 1, Device integrity' },
  ],
  rationale:
    "Malware or a malicious app with root on the phone can read the app's data and keys, inject or alter what it sends to the device and hide alerts from the patient; the manufacturer cannot patch the phone's operating system.",
  recommendations: [
    {
      category: 'code-data-execution-integrity',
      text: 'Check platform integrity (Play Integrity, App Attest), refuse or restrict therapy functions on rooted or outdated phones, and publish supported OS versions',
    },
    {
      category: 'authorization',
      text: 'Keep the device itself as the last check: device-enforced limits and confirmation on the device for harmful commands',
    },
    {
      category: 'cryptography',
      text: 'Keep keys and health data in the platform key store and encrypted storage',
    },
  ],
  subjectKind: 'element',
  evaluate: (context) =>
    context.model.elements
      .filter((element) => element.kind === 'mobile-app' && context.isDevice(element.id))
      .map((element) => {
        const toDevice = flowsOutOf(context, element.id, [
          'commands',
          'configuration',
          'software',
        ]).filter((flow) => context.isDevice(flow.to))
        const sends = payloadsOf(toDevice, ['commands', 'configuration', 'software'])
        return {
          subject: element.id,
          detail: `${element.name} runs on a phone the manufacturer does not control${sends.length > 0 ? ` and sends ${listed(sends)} to ${[...new Set(toDevice.map((flow) => flow.to))].join(', ')}` : ''}`,
        }
      }),
}
