import type { DocumentTree } from '../documents/index.js'

/** The deliverables `medcyber report --kind` produces, in the order `all` writes them. */
export const DELIVERABLE_KINDS = [
  'fda-premarket',
  'mds2',
  'jp-checklist',
  'eu-gspr',
  'labeling',
  'lifecycle-notice',
  'eos-transfer-package',
  'sbom',
  'vex',
  'csaf-advisory',
  'traceability',
  'pma-annual-report',
] as const
export type DeliverableKind = (typeof DELIVERABLE_KINDS)[number]

/**
 * One file-to-be of a deliverable: a document tree for the document renderers, or a
 * machine-readable object written as JSON as it is (SBOM, VEX, CSAF, MDS2 answers).
 */
export type DeliverablePart =
  | { readonly kind: 'document'; readonly tree: DocumentTree }
  | {
      readonly kind: 'data'
      /** File name without extension. */
      readonly id: string
      /** e.g. `cdx.json`, `spdx.json`, `csaf.json`, `json`. */
      readonly extension: string
      readonly data: unknown
    }
