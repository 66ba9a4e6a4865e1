import type { ThreatRule } from '../threat-rule.js'

/** Use environments where nobody controls who gets hold of the device. */
const UNCONTROLLED_ENVIRONMENTS: ReadonlySet<string> = new Set(['home', 'mobile', 'transport'])
/** Body contact that keeps the device with the patient wherever they go. */
const WORN_CONTACTS: ReadonlySet<string> = new Set(['implant', 'surface'])
/** Hardware that someone can pick up; device components are reached through their device. */
const HANDHELD_KINDS: ReadonlySet<string> = new Set(['device', 'accessory'])

/**
 * FDA Appendix 1 (Code, Data and Execution Integrity) asks for tamper-evident enclosures and
 * locked debug access; outside the hospital, or worn by the patient, the attacker may simply hold
 * the device.
 */
export const physicalTampering: ThreatRule = {
  id: 'physical-tampering',
  title: 'Attacker with the device in hand opens, probes or modifies it',
  stride: ['tampering', 'information-disclosure', 'elevation-of-privilege'],
  capec: [401, 390, 624],
  cwe: [1263],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Code, Data, and Execution Integrity' },
    { source: 'FDA premarket guidance', clause: 'V.A.1 Threat Modeling' },
    { source: 'MDS2', clause: 'PLOK' },
  ],
  rationale:
    'With physical access an attacker can read keys and firmware, attach to internal buses, replace parts or alter the device and give it back: a modified device can deliver wrong therapy or readings to the next patient, and extracted keys can open every unit that shares them.',
  recommendations: [
    {
      category: 'code-data-execution-integrity',
      text: 'Use tamper-evident enclosures and seals, lock debug ports and flash readout, and detect opening where the risk warrants it',
    },
    {
      category: 'cryptography',
      text: 'Keep keys in a secure element or protected storage, unique per device, so one opened device reveals nothing about others',
    },
  ],
  subjectKind: 'element',
  evaluate: (context) => {
    const { product, roles } = context.model
    const uncontrolled = product.useEnvironments.filter((env) => UNCONTROLLED_ENVIRONMENTS.has(env))
    const worn = WORN_CONTACTS.has(product.patientContact)
    const carriedByPatient = (id: string): boolean =>
      context.element(id)?.owner === 'patient' ||
      roles.some((role) => role.kind === 'patient' && role.elements?.includes(id) === true)
    return context.model.elements
      .filter((element) => HANDHELD_KINDS.has(element.kind) && context.isDevice(element.id))
      .flatMap((element) => {
        if (uncontrolled.length > 0) {
          return [
            {
              subject: element.id,
              detail: `${element.name} is used in ${uncontrolled.join(', ')} environments, outside anyone's physical control`,
            },
          ]
        }
        if (worn && carriedByPatient(element.id)) {
          return [
            {
              subject: element.id,
              detail: `${element.name} stays with the patient (${product.patientContact} contact), so it leaves the care team's physical control`,
            },
          ]
        }
        return []
      })
  },
}
