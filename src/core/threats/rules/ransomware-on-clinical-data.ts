import { assetsHeldBy, controlsOfCategory, isManufacturerResponsibility } from '../element-facts.js'
import type { ThreatRule } from '../threat-rule.js'

const STORAGE_KINDS: ReadonlySet<string> = new Set(['data-store', 'server', 'workstation'])
const CLINICAL_CATEGORIES: ReadonlySet<string> = new Set([
  'diagnosis-monitoring',
  'therapy-delivery',
])

/**
 * FDA Appendix 1 (Resiliency and Recovery) and MDS2 DTBK: keep essential functions and clinical
 * data available through an attack, and restore them from a trusted backup after it.
 */
export const ransomwareOnClinicalData: ThreatRule = {
  id: 'ransomware-on-clinical-data',
  title: 'Ransomware makes clinical data and functions unavailable',
  stride: ['denial-of-service', 'tampering'],
  capec: [542],
  cwe: [],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Resiliency and Recovery' },
    { source: 'IMDRF N70', clause: 'Table 1' },
    { source: 'MDS2', clause: 'DTBK' },
  ],
  rationale:
    'Encrypted treatment plans, settings or monitoring data halt or delay diagnosis and therapy for every patient whose data the host holds, and hospitals under ransomware divert patients.',
  recommendations: [
    {
      category: 'resiliency-recovery',
      text: 'Provide offline or immutable backups, a tested restore procedure and a documented downtime mode for the clinical function',
    },
    {
      category: 'code-data-execution-integrity',
      text: 'Harden the host: allow-listing or anti-malware, no unneeded shares or remote access, least-privilege service accounts',
    },
  ],
  subjectKind: 'element',
  evaluate: (context) =>
    context.model.elements.flatMap((element) => {
      if (!STORAGE_KINDS.has(element.kind) || !isManufacturerResponsibility(context, element)) {
        return []
      }
      const critical = assetsHeldBy(context, element.id).filter(
        (asset) =>
          CLINICAL_CATEGORIES.has(asset.category) && asset.security.availability === 'high',
      )
      if (critical.length === 0) return []
      if (controlsOfCategory(context, element.id, ['resiliency-recovery']).length > 0) return []
      const many = element.kind !== 'workstation' || context.servesManyPatients(element.id)
      return [
        {
          subject: element.id,
          detail: `${element.name} (${element.kind}) holds ${critical.map((asset) => asset.id).join(', ')} (availability high) and no resiliency and recovery control covers it`,
          ...(many ? { multiPatient: true } : {}),
        },
      ]
    }),
}
