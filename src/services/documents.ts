import {
  availableViews,
  buildDeliverable,
  createReportContext,
  DELIVERABLE_LANGUAGES,
  err,
  ok,
  selectView,
  type ApprovalRecord,
  type DeliverableKind,
  type DeviceModel,
  type DocumentLanguage,
  type ReportContext,
  type Result,
  type ViewFigure,
} from '../core/index.js'
import type { LocatedIssue } from '../formats/index.js'
import { createPdfPrinter, type PdfPrinter } from '../render/documents/index.js'
import { renderArchitectureViewSvg } from '../render/index.js'
import { DEFAULT_FORMATS, renderDeliverable, type ReportFormat } from '../render/reports/index.js'
import {
  allApprovals,
  listEvaluatedFindings,
  readInstalledBase,
  saveGeneratedDeliverable,
  type Approval,
  type GeneratedDocumentInfo,
  type Store,
} from '../store/index.js'
import { loadProductModel, type ProductModel } from './product-model.js'

/** One output file of a deliverable: its name in the deliverable's folder and its content. */
export type ReportFile = Awaited<ReturnType<typeof renderDeliverable>>[number]

/** Every FDA architecture view of the model, drawn once for all documents that show them. */
export const drawViews = async (model: DeviceModel): Promise<ViewFigure[]> => {
  const figures: ViewFigure[] = []
  for (const view of availableViews(model)) {
    const selected = selectView(model, view.spec)
    if (!selected.ok) continue
    figures.push({
      id: view.id,
      title: view.title,
      svg: await renderArchitectureViewSvg(selected.value),
    })
  }
  return figures
}

/** A render failure a user can fix (no browser for PDF); anything else thrown is a bug. */
export const isRenderError = (error: unknown): error is Error & { code: string } =>
  error instanceof Error &&
  'code' in error &&
  typeof error.code === 'string' &&
  error.code.startsWith('render/')

/** A PDF printer started on first use only, so runs without PDF never launch a browser. */
export interface LazyPdfPrinter {
  readonly printer: () => Promise<PdfPrinter>
  readonly close: () => Promise<void>
}

export const lazyPdfPrinter = (chromiumPath: string | undefined): LazyPdfPrinter => {
  let started: Promise<PdfPrinter> | undefined
  return {
    printer: () =>
      (started ??= createPdfPrinter(chromiumPath === undefined ? {} : { chromiumPath })),
    close: async () => {
      if (started === undefined) return
      const printer = await started.catch(() => undefined)
      await printer?.close()
    },
  }
}

/** The files of one deliverable in the formats asked for (else its usual ones); [] if none. */
export const renderDeliverableFiles = async (
  kind: DeliverableKind,
  context: ReportContext,
  formats: readonly ReportFormat[] | undefined,
  pdf: LazyPdfPrinter,
): Promise<ReportFile[]> => {
  const parts = buildDeliverable(kind, context)
  if (parts.length === 0) return []
  return renderDeliverable(parts, formats ?? DEFAULT_FORMATS[kind], { pdfPrinter: pdf.printer })
}

const MEDIA_TYPES: readonly (readonly [suffix: string, mediaType: string])[] = [
  ['.cdx.json', 'application/vnd.cyclonedx+json'],
  ['.spdx.json', 'application/spdx+json'],
  ['.json', 'application/json'],
  ['.md', 'text/markdown; charset=utf-8'],
  ['.html', 'text/html; charset=utf-8'],
  ['.pdf', 'application/pdf'],
  ['.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
]

/** The media type of a generated file, by its extension (CSAF is plain JSON by its spec). */
export const mediaTypeOf = (name: string): string =>
  MEDIA_TYPES.find(([suffix]) => name.endsWith(suffix))?.[1] ?? 'application/octet-stream'

export interface DocumentsRequest {
  readonly productId: string
  readonly kind: DeliverableKind
  /** Absent: the deliverable's usual formats. */
  readonly formats?: readonly ReportFormat[]
  readonly language?: DocumentLanguage
  /** The release documented; absent: the latest by date. */
  readonly release?: string
  /** YYYY-MM-DD the documents are issued as of; absent: today (UTC). */
  readonly date?: string
}

export type DocumentsProblem =
  | { readonly code: 'documents/unknown-product'; readonly message: string }
  | {
      readonly code: 'documents/invalid-model'
      readonly message: string
      readonly issues: readonly LocatedIssue[]
    }
  | { readonly code: 'documents/unknown-release'; readonly message: string }
  | { readonly code: 'documents/render-failed'; readonly message: string }

/** The product's valid model, or why documents cannot be generated for this request. */
export const checkDocumentsRequest = (
  product: ProductModel | undefined,
  request: Pick<DocumentsRequest, 'productId' | 'release'>,
): Result<{ readonly product: ProductModel; readonly model: DeviceModel }, DocumentsProblem> => {
  if (product === undefined) {
    return err({
      code: 'documents/unknown-product',
      message: `product ${request.productId} not found`,
    })
  }
  const { model } = product
  if (model === undefined) {
    return err({
      code: 'documents/invalid-model',
      message: `the model of product ${request.productId} at revision ${String(product.revision)} is not valid; fix it before generating documents`,
      issues: product.issues.filter((issue) => issue.severity === 'error'),
    })
  }
  if (request.release !== undefined && !model.releases.some((r) => r.version === request.release)) {
    return err({
      code: 'documents/unknown-release',
      message: `the model has no release '${request.release}'; its releases are ${model.releases.map((r) => r.version).join(', ') || 'none'}`,
    })
  }
  return ok({ product, model })
}

/** A product's approvals as documents show them, against the revision they are generated from. */
export const approvalRecord = (
  product: ProductModel,
  approvals: readonly Approval[],
): ApprovalRecord => ({
  modelRevision: product.revision,
  contentHash: product.contentHash,
  signatures: approvals.map((approval) => ({
    signerName: approval.signerName,
    meaning: approval.meaning,
    signedAt: approval.signedAt,
    subject: approval.subject,
    modelRevision: approval.modelRevision,
    contentHash: approval.contentHash,
    ...(approval.release === undefined ? {} : { release: approval.release }),
    ...(approval.reason === undefined ? {} : { reason: approval.reason }),
  })),
})

export interface GeneratedDocuments {
  readonly productId: string
  readonly kind: DeliverableKind
  /** The language written: the one asked for when the deliverable has it, else English. */
  readonly language: DocumentLanguage
  readonly release: string | undefined
  readonly modelRevision: number
  readonly documents: readonly GeneratedDocumentInfo[]
}

export interface GenerateOptions {
  /** Chromium for PDF output; else MEDCYBER_CHROMIUM, else /usr/bin/chromium. */
  readonly chromiumPath?: string
}

/**
 * One deliverable for a stored product, from its current model with its signatures, rendered
 * and kept in the store with who asked for it. The revision it came from is recorded beside
 * each file, so a document always names the content it shows.
 */
export const generateProductDocuments = async (
  store: Store,
  request: DocumentsRequest & { readonly createdBy: string },
  options: GenerateOptions = {},
): Promise<Result<GeneratedDocuments, DocumentsProblem>> => {
  const checked = checkDocumentsRequest(await loadProductModel(store, request.productId), request)
  if (!checked.ok) return checked
  const { product, model } = checked.value
  const language =
    request.language !== undefined && DELIVERABLE_LANGUAGES[request.kind].includes(request.language)
      ? request.language
      : 'en'
  const context = createReportContext({
    model,
    policy: product.policy,
    policyIsExample: product.policyIsExample,
    date: request.date ?? store.now().toISOString().slice(0, 10),
    language,
    figures: await drawViews(model),
    approvals: approvalRecord(product, await allApprovals(store, request.productId)),
    ...(request.release === undefined ? {} : { release: request.release }),
    // The notices' recipients, the transfer package's sites and the metrics' deployment.
    installedBase: (await readInstalledBase(store, request.productId)).entries,
    evaluatedFindings: await listEvaluatedFindings(store, request.productId),
  })
  const pdf = lazyPdfPrinter(options.chromiumPath)
  let files: ReportFile[]
  try {
    files = await renderDeliverableFiles(request.kind, context, request.formats, pdf)
  } catch (error) {
    if (!isRenderError(error)) throw error
    return err({ code: 'documents/render-failed', message: error.message })
  } finally {
    await pdf.close()
  }
  const { release } = context
  const documents = await saveGeneratedDeliverable(store, {
    productId: request.productId,
    kind: request.kind,
    language,
    release,
    modelRevision: product.revision,
    createdBy: request.createdBy,
    files: files.map((file) => ({
      name: file.name,
      mediaType: mediaTypeOf(file.name),
      content:
        typeof file.content === 'string' ? new TextEncoder().encode(file.content) : file.content,
    })),
  })
  return ok({
    productId: request.productId,
    kind: request.kind,
    language,
    release,
    modelRevision: product.revision,
    documents,
  })
}
