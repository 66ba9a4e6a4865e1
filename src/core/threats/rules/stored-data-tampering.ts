import type { Element } from '../../model/index.js'
import { assetsHeldBy, isManufacturerResponsibility } from '../element-facts.js'
import type { ThreatContext } from '../threat-context.js'
import type { ThreatRule } from '../threat-rule.js'

const HOST_KINDS: ReadonlySet<string> = new Set(['server', 'workstation'])
/** Data clinicians and devices act on; secrets and software have rules of their own. */
const CLINICAL_DATA: ReadonlySet<string> = new Set([
  'phi',
  'diagnosis-monitoring',
  'therapy-delivery',
  'clinical-workflow',
])

/** A data store, or a server or workstation that runs a database management system. */
const storesData = (context: ThreatContext, element: Element): boolean =>
  element.kind === 'data-store' ||
  (HOST_KINDS.has(element.kind) &&
    context.componentsOn(element.id).some((component) => component.kind === 'database'))

/**
 * FDA Appendix 1 (Code, Data and Execution Integrity) asks to protect safety-critical data and
 * configuration; MDS2 IGAU asks how the integrity of stored health data is assured.
 */
export const storedDataTampering: ThreatRule = {
  id: 'stored-data-tampering',
  title: 'Clinical data altered where it is stored',
  stride: ['tampering', 'repudiation'],
  capec: [165],
  cwe: [353],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Code, Data, and Execution Integrity' },
    { source: 'IMDRF N60', clause: '5.1.1 Table 1, Data protection' },
    { source: 'MDS2', clause: 'IGAU' },
  ],
  rationale:
    'Records, limits or plans changed in the database are read back as genuine: a wrong drug limit, setting or history leads clinicians and devices to act on false data for every patient stored there.',
  recommendations: [
    {
      category: 'code-data-execution-integrity',
      text: 'Protect safety-relevant records with signatures or MACs checked where they are used, restrict write access to the application, and keep an audit trail of changes',
    },
    {
      category: 'authorization',
      text: 'Give database accounts least privilege and keep database credentials out of clear-text configuration',
    },
  ],
  subjectKind: 'element',
  evaluate: (context) =>
    context.model.elements.flatMap((element) => {
      if (!storesData(context, element) || !isManufacturerResponsibility(context, element))
        return []
      const assets = assetsHeldBy(context, element.id).filter(
        (asset) => CLINICAL_DATA.has(asset.category) && asset.security.integrity === 'high',
      )
      if (assets.length === 0) return []
      const peers = [
        element.id,
        ...context.flowsTo(element.id).map((flow) => flow.from),
        ...context.flowsFrom(element.id).map((flow) => flow.to),
      ]
      const fleet = peers.some((id) => context.servesManyPatients(id))
      return [
        {
          subject: element.id,
          detail: `${element.name} (${element.kind}) stores ${assets.map((asset) => asset.id).join(', ')} (integrity high)${fleet ? ' for a system that serves many patients' : ''}`,
          ...(fleet ? { multiPatient: true } : {}),
        },
      ]
    }),
}
