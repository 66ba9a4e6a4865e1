import {
  createReportContext,
  err,
  ok,
  type CalendarDate,
  type DeviceModel,
  type Result,
} from '../core/index.js'
import { lazyPdfPrinter, mediaTypeOf, renderDeliverableFiles } from './documents.js'
import type { ProductModel } from './product-model.js'

export const SBOM_FORMATS = ['cyclonedx-json', 'spdx-json'] as const
export type SbomFormat = (typeof SBOM_FORMATS)[number]

const ENDINGS: Readonly<Record<SbomFormat, string>> = {
  'cyclonedx-json': '.cdx.json',
  'spdx-json': '.spdx.json',
}

export interface SbomRequest {
  readonly format: SbomFormat
  /** The release; absent: the latest by date, as documents choose it. */
  readonly release?: string
  /** The day the SBOM is issued as of (its timestamp). */
  readonly date: CalendarDate
}

export interface SbomFile {
  readonly release: string
  readonly fileName: string
  readonly mediaType: string
  readonly text: string
}

export type SbomProblem =
  | { readonly code: 'unknown-release'; readonly release: string; readonly releases: string[] }
  | { readonly code: 'no-sbom'; readonly message: string }

/**
 * A release's SBOM exactly as `medcyber report --kind sbom` writes it: the same file name and
 * bytes for the same model, release and day.
 */
export const releaseSbom = async (
  product: Pick<ProductModel, 'policy' | 'policyIsExample'> & { readonly model: DeviceModel },
  request: SbomRequest,
): Promise<Result<SbomFile, SbomProblem>> => {
  const { model } = product
  const releases = model.releases.map((item) => item.version)
  if (request.release !== undefined && !releases.includes(request.release)) {
    return err({ code: 'unknown-release', release: request.release, releases })
  }
  const context = createReportContext({
    model,
    policy: product.policy,
    policyIsExample: product.policyIsExample,
    date: request.date,
    language: 'en',
    ...(request.release === undefined ? {} : { release: request.release }),
  })
  // SBOMs are data only: no document is rendered, so no browser is ever started.
  const pdf = lazyPdfPrinter(undefined)
  const files = await renderDeliverableFiles('sbom', context, undefined, pdf).finally(pdf.close)
  const file = files.find((item) => item.name.endsWith(ENDINGS[request.format]))
  if (file === undefined || context.release === undefined || typeof file.content !== 'string') {
    return err({
      code: 'no-sbom',
      message: `the model of ${model.product.id} lists no release, so there is no SBOM to give`,
    })
  }
  return ok({
    release: context.release,
    fileName: file.name,
    mediaType: mediaTypeOf(file.name),
    text: file.content,
  })
}
