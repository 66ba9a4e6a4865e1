/** The disclosure API's shapes, as the server declares them (types only). */
import type { Static } from '@sinclair/typebox'

import type {
  DisclosureDetailSchema,
  DisclosureReportSchema,
  FormAnswer,
  IntakeAnswer,
} from '../../../../src/server/disclosure/schemas.js'

export type DisclosureReport = Static<typeof DisclosureReportSchema>
export type DisclosureDetail = Static<typeof DisclosureDetailSchema>
export type ReportForm = Static<typeof FormAnswer>
export type ReportReceipt = Static<typeof IntakeAnswer>
