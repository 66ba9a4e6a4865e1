import type { DocumentSection } from '../../documents/index.js'
import type { DeliverablePart } from '../deliverable.js'
import { documentFrame } from '../document-frame.js'
import type { ReportContext } from '../report-context.js'

export const FDA_SUBTITLE = 'FDA premarket cybersecurity documentation'

/**
 * The documents of the FDA premarket set by file stem, with the titles they cite each other by.
 * Labeling is its own deliverable; the set refers to it by title only.
 */
export const FDA_DOCUMENT_TITLES = {
  'security-risk-management-report': 'Security risk management report',
  'threat-model': 'Threat model',
  'cybersecurity-risk-assessment': 'Cybersecurity risk assessment',
  'sbom-support': 'Software bill of materials and component support',
  'known-vulnerabilities': 'Assessment of known vulnerabilities',
  'unresolved-anomalies': 'Assessment of unresolved anomalies',
  'architecture-views': 'Security architecture views',
  'security-testing-summary': 'Cybersecurity testing summary',
  'cybersecurity-management-plan': 'Cybersecurity management plan',
  'cybersecurity-metrics': 'Cybersecurity metrics',
} as const
export type FdaDocumentId = keyof typeof FDA_DOCUMENT_TITLES

export const LABELING_TITLE = 'Labeling: cybersecurity information for users'

/** "Threat model (threat-model)": how one document of the set names another. */
export const cite = (id: FdaDocumentId): string => `${FDA_DOCUMENT_TITLES[id]} (${id})`

/** The release phrase used in sentences: "release 4.1.2" or "all releases". */
export const releasePhrase = (ctx: ReportContext): string =>
  ctx.release === undefined ? 'all releases' : `release ${ctx.release}`

/** One document of the set, always in English: FDA reviews in English whatever --lang says. */
export const fdaDocument = (
  ctx: ReportContext,
  id: FdaDocumentId,
  sections: readonly DocumentSection[],
): DeliverablePart => ({
  kind: 'document',
  tree: {
    id,
    title: FDA_DOCUMENT_TITLES[id],
    subtitle: FDA_SUBTITLE,
    ...documentFrame(ctx, 'en'),
    sections,
  },
})
