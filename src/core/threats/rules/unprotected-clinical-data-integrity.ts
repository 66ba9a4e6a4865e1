import {
  clinicalAssetsOn,
  describeFlow,
  isDeviceCommunicationPath,
  touchesManyPatients,
} from '../flow-facts.js'
import type { ThreatRule } from '../threat-rule.js'

/**
 * FDA Appendix 1 (Code, Data, and Execution Integrity) and MDS2 IGAU/TXIG: diagnosis, monitoring
 * and therapy data keeps its integrity from where it is produced to where it is used.
 */
export const unprotectedClinicalDataIntegrity: ThreatRule = {
  id: 'unprotected-clinical-data-integrity',
  title: 'Diagnosis or therapy data travels without integrity protection',
  stride: ['tampering'],
  capec: [94, 148],
  cwe: [353, 924],
  references: [
    { source: 'FDA premarket guidance', clause: 'Appendix 1, Code, Data, and Execution Integrity' },
    { source: 'IMDRF N60', clause: '5.1.1 Table 1, Data protection' },
    { source: 'MDS2', clause: 'TXIG' },
    { source: 'MDS2', clause: 'IGAU' },
  ],
  rationale:
    'Vital signs, images, plans or dose data changed on the way are taken as true: a clinician misreads the patient state, or a plan, dose or setting computed from altered data is delivered to the patient.',
  recommendations: [
    {
      category: 'code-data-execution-integrity',
      text: 'Protect the data end to end with a MAC, a signature or authenticated encryption (TLS, DICOM TLS, signed objects) and reject data that fails the check',
    },
    {
      category: 'code-data-execution-integrity',
      text: 'Check incoming clinical data for format and plausible ranges before use',
    },
  ],
  subjectKind: 'data flow',
  evaluate: (context) =>
    context.model.dataFlows.flatMap((flow) => {
      if (flow.integrity !== 'none' || !isDeviceCommunicationPath(context, flow)) return []
      const assets = clinicalAssetsOn(context, flow)
      if (assets.length === 0) return []
      return [
        {
          subject: flow.id,
          detail: `${describeFlow(flow)} carries ${assets.join(', ')} with no integrity protection`,
          multiPatient: touchesManyPatients(context, flow),
        },
      ]
    }),
}
