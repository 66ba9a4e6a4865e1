import type { Control } from '../../model/index.js'
import { assetsHeldBy, isManufacturerResponsibility } from '../element-facts.js'
import type { ThreatContext } from '../threat-context.js'
import type { ThreatRule } from '../threat-rule.js'

/** Controls that say in words that they encrypt storage, without declaring STCF. */
const AT_REST_WORDS =
  /bitlocker|filevault|luks|dm-crypt|sqlcipher|disk encryption|encrypt\w* at rest|at-rest encryption|transparent data encryption/i

/**
 * A control protects stored data when it declares STCF, names the protection in words, or is a
 * confidentiality or cryptography control on the element that names no data flow (a control
 * that names flows protects data in transit or the flows' messages, such as signing).
 */
const protectsStoredData = (context: ThreatContext, control: Control): boolean => {
  if (control.capabilities?.includes('STCF') === true) return true
  if (AT_REST_WORDS.test(`${control.name} ${control.description ?? ''}`)) return true
  if (control.category !== 'confidentiality' && control.category !== 'cryptography') return false
  return !(control.elements ?? []).some((id) =>
    context.model.dataFlows.some((flow) => flow.id === id),
  )
}

/** Infrastructure and people hold data too, but their protection is not the device's. */
const STORING_KINDS: ReadonlySet<string> = new Set([
  'device',
  'device-component',
  'accessory',
  'mobile-app',
  'desktop-app',
  'web-app',
  'workstation',
  'server',
  'cloud-service',
  'data-store',
])

/**
 * FDA Appendix 1 (Confidentiality) and MDS2 STCF: protect health data stored on the device and
 * its servers, e.g. by encryption at rest and access control.
 */
export const phiAtRestDisclosure: ThreatRule = {
  id: 'phi-at-rest-disclosure',
  title: 'Protected health information readable where it is stored',
  stride: ['information-disclosure'],
  capec: [37, 545, 675],
  cwe: [312, 359],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Confidentiality' },
    { source: 'IMDRF N60', clause: '5.1.1 Table 1, Data protection' },
    { source: 'MDS2', clause: 'STCF' },
  ],
  rationale:
    'Health data read from a lost, stolen, returned or compromised device or server exposes patients to discrimination, fraud and loss of trust, and often reveals credentials or identifiers for further attacks.',
  recommendations: [
    {
      category: 'cryptography',
      text: 'Encrypt stored health data with keys protected by hardware or the platform key store, and wipe it on decommissioning or return',
    },
    {
      category: 'confidentiality',
      text: 'Keep only the data the function needs, restrict access to it by role, and de-identify exports',
    },
  ],
  subjectKind: 'element',
  evaluate: (context) =>
    context.model.elements.flatMap((element) => {
      if (!STORING_KINDS.has(element.kind) || !isManufacturerResponsibility(context, element)) {
        return []
      }
      const phi = assetsHeldBy(context, element.id).filter((asset) => asset.category === 'phi')
      if (phi.length === 0) return []
      if (context.controlsOn(element.id).some((control) => protectsStoredData(context, control))) {
        return []
      }
      return [
        {
          subject: element.id,
          detail: `${element.name} (${element.kind}) holds ${phi.map((asset) => asset.id).join(', ')} and no control protects it at rest (STCF, or a confidentiality or cryptography control on the element)`,
        },
      ]
    }),
}
