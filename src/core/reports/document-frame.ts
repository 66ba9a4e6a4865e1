import type { DocumentLanguage, DocumentTree } from '../documents/index.js'
import type { ReportContext } from './report-context.js'

export type DocumentFrame = Pick<
  DocumentTree,
  'language' | 'date' | 'product' | 'modelNumbers' | 'manufacturer' | 'release'
>

/**
 * The title-page facts every deliverable shares: product, model numbers, manufacturer, the
 * release documented and the issue date. `language` is the document's own: FDA and EU documents
 * stay English whatever the context asks.
 */
export const documentFrame = (
  ctx: ReportContext,
  language: DocumentLanguage = ctx.language,
  release: string | undefined = ctx.release,
): DocumentFrame => ({
  language,
  date: ctx.date,
  product: ctx.model.product.name,
  modelNumbers: ctx.model.product.modelNumbers,
  manufacturer: ctx.model.product.manufacturer.name,
  ...(release === undefined ? {} : { release }),
})
