import {
  DOCUMENT_LANGUAGES,
  type DocumentLanguage,
} from '../../../../src/core/documents/document-tree.js'
import {
  DELIVERABLE_KINDS,
  type DeliverableKind,
} from '../../../../src/core/reports/deliverable.js'
import { DELIVERABLE_LANGUAGES } from '../../../../src/core/reports/deliverable-languages.js'
import type { ReportFormat } from '../../../../src/render/reports/report-formats.js'
import type { GeneratedDocument, GenerateRequest } from '../../api/types.js'

export { DELIVERABLE_KINDS, DOCUMENT_LANGUAGES, type DeliverableKind, type DocumentLanguage }

export type DocumentFormat = ReportFormat

/**
 * The file formats the documents route accepts, in the order offered. The list lives in
 * src/render, which the browser does not load, so it is repeated here as a record over the
 * server's type: a format added or removed there fails the type-check until it is here too.
 */
const OFFERED_FORMATS: Readonly<Record<DocumentFormat, true>> = {
  docx: true,
  xlsx: true,
  pdf: true,
  html: true,
  md: true,
  json: true,
}
export const DOCUMENT_FORMATS = Object.keys(OFFERED_FORMATS) as readonly DocumentFormat[]

/** Deliverables that are machine-readable data only: their files are JSON whatever is asked. */
const DATA_ONLY: ReadonlySet<DeliverableKind> = new Set(['sbom', 'vex', 'csaf-advisory'])

export const isDataOnly = (kind: DeliverableKind): boolean => DATA_ONLY.has(kind)

/** Whether the deliverable is written in the language; otherwise the server writes English. */
export const hasLanguage = (kind: DeliverableKind, language: DocumentLanguage): boolean =>
  DELIVERABLE_LANGUAGES[kind].includes(language)

export interface GenerateForm {
  readonly kind: DeliverableKind
  /** None: the deliverable's usual formats. */
  readonly formats: readonly DocumentFormat[]
  readonly language: DocumentLanguage
  /** '' for the latest release. */
  readonly release: string
  /** '' for today. */
  readonly date: string
}

/** The body of POST .../documents: only what the form says differently from the defaults. */
export const generateBody = (form: GenerateForm): GenerateRequest => ({
  kind: form.kind,
  ...(form.formats.length === 0
    ? {}
    : { formats: DOCUMENT_FORMATS.filter((f) => form.formats.includes(f)) }),
  // A language the deliverable lacks would be ignored; English is what it gets, so say so.
  language: hasLanguage(form.kind, form.language) ? form.language : 'en',
  ...(form.release === '' ? {} : { release: form.release }),
  ...(form.date === '' ? {} : { date: form.date }),
})

/** Bytes as people read them (1 kB = 1000 bytes). */
export const formatSize = (bytes: number): string => {
  if (bytes < 1000) return `${String(bytes)} B`
  const units = ['kB', 'MB', 'GB']
  let value = bytes / 1000
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit += 1
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit] ?? 'GB'}`
}

/** A file from an earlier model revision no longer shows the model as it is now. */
export const isOutdated = (document: GeneratedDocument, currentRevision: number): boolean =>
  document.modelRevision < currentRevision

export const documentHref = (productId: string, documentId: string): string =>
  `/api/products/${encodeURIComponent(productId)}/documents/${encodeURIComponent(documentId)}`
