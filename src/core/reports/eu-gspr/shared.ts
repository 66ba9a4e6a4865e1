import { documentFrame, type DocumentFrame } from '../document-frame.js'
import type { ReportContext } from '../report-context.js'

export const MINIMUM_IT_ID = 'eu-minimum-it-requirements'
export const IFU_SECURITY_ID = 'eu-ifu-security'

/** Title-page fields every EU document shares; EU documents are in English. */
export const documentHeader = (ctx: ReportContext): DocumentFrame => documentFrame(ctx, 'en')
