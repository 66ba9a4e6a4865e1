import type { DeliverableKind } from '../../core/index.js'

export const REPORT_FORMATS = ['docx', 'xlsx', 'pdf', 'html', 'md', 'json'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

/**
 * What `--kind all` writes when no `--format` is given: the format each deliverable is usually
 * handed over in. Regulatory staff edit Word and Excel; the tables-only deliverables are
 * spreadsheets. Machine-readable parts (SBOM, VEX, CSAF, MDS2 JSON) are always written as JSON.
 */
export const DEFAULT_FORMATS: Readonly<Record<DeliverableKind, readonly ReportFormat[]>> = {
  'fda-premarket': ['docx', 'pdf'],
  mds2: ['xlsx'],
  'jp-checklist': ['docx', 'xlsx'],
  'eu-gspr': ['docx'],
  labeling: ['docx', 'pdf'],
  'lifecycle-notice': ['docx'],
  'eos-transfer-package': ['docx', 'pdf'],
  sbom: ['json'],
  vex: ['json'],
  'csaf-advisory': ['json'],
  traceability: ['xlsx'],
  'pma-annual-report': ['docx', 'pdf'],
}
