import {
  needsInput,
  paragraph,
  section,
  tableBlock,
  type DocumentSection,
} from '../../documents/index.js'
import { noticeRecipients } from '../../installed-base/index.js'
import type { ReportContext } from '../report-context.js'
import { TRANSFER_TEXT } from './transfer-text.js'

/**
 * Who must receive a release's lifecycle notice: the customers and contacts still running it on
 * the document date, from the installed base; asks for it when none was given.
 */
export const recipientsSection = (ctx: ReportContext, version: string): DocumentSection => {
  const text = TRANSFER_TEXT[ctx.language]
  if (ctx.installedBase === undefined || ctx.installedBase.length === 0) {
    return section('recipients', text.recipientsTitle, [needsInput(text.recipientsUnknown)])
  }
  const recipients = noticeRecipients(ctx.installedBase, version, ctx.date)
  if (recipients.length === 0) {
    return section('recipients', text.recipientsTitle, [paragraph(text.recipientsNone)])
  }
  const c = text.recipientColumns
  return section('recipients', text.recipientsTitle, [
    paragraph(text.recipientsIntro(ctx.date)),
    tableBlock(
      {
        title: text.recipientsTitle,
        columns: [
          { key: 'customer', title: c.customer, type: 'text', width: 28 },
          { key: 'contact', title: c.contact, type: 'text', width: 22 },
          { key: 'email', title: c.email, type: 'text', width: 28 },
          { key: 'sites', title: c.sites, type: 'text', width: 28 },
          { key: 'units', title: c.units, type: 'number', width: 10 },
        ],
        rows: recipients.map((item) => ({
          customer: item.customer,
          contact: item.contactName ?? text.noContact,
          email: item.contactEmail ?? null,
          sites: item.sites.join(', '),
          units: item.units,
        })),
      },
      {
        caption: text.recipientsTitle,
        highlights: recipients.flatMap((item, row) =>
          item.contactEmail === null ? [{ row, column: 'email', tone: 'gap' as const }] : [],
        ),
      },
    ),
  ])
}
