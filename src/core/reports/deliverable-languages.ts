import type { DocumentLanguage } from '../documents/document-tree.js'
import type { DeliverableKind } from './deliverable.js'

/**
 * The languages each deliverable is written in. FDA and EU submissions are English; Japan's
 * checklist and the customer documents (labeling, lifecycle notices) also come in Japanese.
 */
export const DELIVERABLE_LANGUAGES: Readonly<Record<DeliverableKind, readonly DocumentLanguage[]>> =
  {
    'fda-premarket': ['en'],
    mds2: ['en'],
    'jp-checklist': ['en', 'ja'],
    'eu-gspr': ['en'],
    labeling: ['en', 'ja'],
    'lifecycle-notice': ['en', 'ja'],
    'eos-transfer-package': ['en', 'ja'],
    sbom: ['en'],
    vex: ['en'],
    'csaf-advisory': ['en'],
    traceability: ['en'],
    'pma-annual-report': ['en'],
  }
