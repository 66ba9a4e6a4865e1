import {
  advisoryDraftGaps,
  buildAdvisoryDraft,
  buildCustomerNotice,
  type DisclosureReport,
} from '../core/disclosure/index.js'
import { err, ok, type DocumentLanguage, type Result } from '../core/index.js'
import { documentHtml, documentMarkdown } from '../render/documents/index.js'
import { listDisclosureEvents, type Store } from '../store/index.js'
import { loadProductModel } from './product-model.js'

/** Why a draft cannot be made: the report lacks decisions, or its product's model is not valid. */
export type DraftProblem =
  | { readonly code: 'not-ready'; readonly gaps: readonly string[] }
  | { readonly code: 'invalid-model'; readonly productId: string }

const modelOf = async (store: Store, report: DisclosureReport) => {
  const gaps = advisoryDraftGaps(report)
  if (gaps.length > 0 || report.productId === null) return err({ code: 'not-ready', gaps } as const)
  const stored = await loadProductModel(store, report.productId)
  if (stored?.model === undefined) {
    return err({ code: 'invalid-model', productId: report.productId } as const)
  }
  return ok(stored.model)
}

/** The CSAF 2.0 security advisory drafted from the report's decisions, as of now. */
export const disclosureAdvisoryDraft = async (
  store: Store,
  report: DisclosureReport,
): Promise<Result<Record<string, unknown>, DraftProblem>> => {
  const model = await modelOf(store, report)
  if (!model.ok) return model
  const events = await listDisclosureEvents(store, report.id)
  return ok(
    buildAdvisoryDraft({ report, events, model: model.value, now: store.now().toISOString() }),
  )
}

/** The customer notice in the language asked for, as markdown or a self-contained HTML page. */
export const disclosureNotice = async (
  store: Store,
  report: DisclosureReport,
  language: DocumentLanguage,
  format: 'md' | 'html',
): Promise<Result<string, DraftProblem>> => {
  const model = await modelOf(store, report)
  if (!model.ok) return model
  const tree = buildCustomerNotice({
    report,
    model: model.value,
    language,
    date: store.now().toISOString().slice(0, 10),
  })
  return ok(format === 'html' ? documentHtml(tree) : documentMarkdown(tree))
}
