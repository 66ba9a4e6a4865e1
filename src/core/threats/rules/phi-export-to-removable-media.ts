import type { Interface } from '../../model/index.js'
import { assetsHeldBy, isManufacturerResponsibility } from '../element-facts.js'
import type { ThreatRule } from '../threat-rule.js'

/** A USB port on the peripheral side (CDC-ACM, "USB device") cannot take a memory stick. */
const PERIPHERAL_SIDE = /\bdevice\b|\bcdc\b|cdc-acm|peripheral|gadget/i
const HOST_SIDE = /\bhost\b|mass[- ]storage|\bmsc\b|\botg\b/i

const takesMedia = (item: Interface): boolean => {
  if (item.status === 'disabled') return false
  if (item.type === 'removable-media') return true
  if (item.type !== 'usb') return false
  const protocols = (item.protocols ?? []).join(' ')
  return !PERIPHERAL_SIDE.test(protocols) || HOST_SIDE.test(protocols)
}

/**
 * FDA Appendix 1 (Confidentiality), MDS2 MPII, and IMDRF N70's removable-media restriction: PHI
 * copied to a stick or disc leaves every control the device and hospital have.
 */
export const phiExportToRemovableMedia: ThreatRule = {
  id: 'phi-export-to-removable-media',
  title: 'Protected health information copied to removable media',
  stride: ['information-disclosure'],
  capec: [545, 507],
  cwe: [359],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Confidentiality' },
    { source: 'IMDRF N70', clause: 'Table 1' },
    { source: 'MDS2', clause: 'MPII' },
  ],
  rationale:
    'A USB stick or disc with patient records is easily lost or taken home; the records of every patient on it are disclosed, and the port is also a way in for malware.',
  recommendations: [
    {
      category: 'confidentiality',
      text: 'Disable mass-storage export unless needed; otherwise restrict it to authorised roles, de-identify where possible and log every export',
    },
    {
      category: 'cryptography',
      text: 'Encrypt exported files or media with a key the receiving system holds',
    },
  ],
  subjectKind: 'element',
  evaluate: (context) =>
    context.model.elements.flatMap((element) => {
      if (!isManufacturerResponsibility(context, element)) return []
      const phi = assetsHeldBy(context, element.id).filter((asset) => asset.category === 'phi')
      if (phi.length === 0) return []
      const ports = context.interfacesOf(element.id).filter(takesMedia)
      if (ports.length === 0) return []
      return [
        {
          subject: element.id,
          detail: `${element.name} holds ${phi.map((asset) => asset.id).join(', ')} and has ${ports.map((item) => `${item.type} interface '${item.id}' (${item.status})`).join(', ')}`,
        },
      ]
    }),
}
