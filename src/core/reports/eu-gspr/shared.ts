import type { DocumentTree } from '../../documents/index.js'
import type { ReportContext } from '../report-context.js'

export const MINIMUM_IT_ID = 'eu-minimum-it-requirements'
export const IFU_SECURITY_ID = 'eu-ifu-security'

/** Title-page fields every EU document shares; EU documents are in English. */
export const documentHeader = (
  ctx: ReportContext,
): Pick<
  DocumentTree,
  'language' | 'date' | 'product' | 'modelNumbers' | 'manufacturer' | 'release'
> => ({
  language: 'en',
  date: ctx.date,
  product: ctx.model.product.name,
  modelNumbers: ctx.model.product.modelNumbers,
  manufacturer: ctx.model.product.manufacturer.name,
  ...(ctx.release === undefined ? {} : { release: ctx.release }),
})
