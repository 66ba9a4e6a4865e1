import type { ThreatRule } from '../threat-rule.js'

const BLUETOOTH: ReadonlySet<string> = new Set(['ble', 'bluetooth-classic'])
const UNPROTECTED_PAIRING: ReadonlySet<string> = new Set(['just-works', 'none'])

/**
 * Bluetooth "Just Works" pairing (and no pairing at all) has no protection against an adversary
 * in the middle: the link keys are agreed with whoever answers first. FDA asks for controls
 * beneath common protocols such as BLE rather than relying on them.
 */
export const blePairingWithoutMitmProtection: ThreatRule = {
  id: 'ble-pairing-without-mitm-protection',
  title: 'Bluetooth pairing without protection against an adversary in the middle',
  stride: ['spoofing', 'tampering', 'information-disclosure'],
  capec: [94, 667],
  cwe: [322],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Authentication' },
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Cryptography' },
    { source: 'IMDRF N60', clause: '5.1.1 Table 1, Secure communications' },
    { source: 'MDS2', clause: 'NAUT' },
  ],
  rationale:
    'An attacker within radio range during pairing, or one who forces a re-pairing, sits between the device and its peer: it reads the data and can inject commands or false readings that the device acts on.',
  recommendations: [
    {
      category: 'authentication',
      text: 'Pair with LE Secure Connections using numeric comparison, passkey entry or out-of-band data; where the device has no input or output, authenticate the peer in the application layer with per-device keys',
    },
    {
      category: 'cryptography',
      text: 'Add application-layer authenticated encryption beneath the Bluetooth link rather than relying on link-layer security alone',
    },
  ],
  subjectKind: 'interface',
  evaluate: (context) =>
    context.model.interfaces
      .filter(
        (item) =>
          BLUETOOTH.has(item.type) &&
          item.status !== 'disabled' &&
          item.pairing !== undefined &&
          UNPROTECTED_PAIRING.has(item.pairing) &&
          context.isDevice(item.element),
      )
      .map((item) => {
        const flows = context.flowsThrough(item.id).map((flow) => flow.id)
        return {
          subject: item.id,
          detail:
            `${item.type} interface '${item.id}' on ${item.element} pairs with ${item.pairing === 'none' ? 'no pairing' : 'Just Works'}` +
            (flows.length > 0 ? `; carries ${flows.join(', ')}` : ''),
        }
      }),
}
