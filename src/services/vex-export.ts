import { exportVex, type DeviceModel, type VexExport, type VexFormat } from '../core/index.js'
import { mediaTypeOf } from './documents.js'

/** A VEX document's date: a calendar day, or an RFC 3339 date-time. */
export const VEX_AT_PATTERN = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/

/** The file name endings tools recognise each format by. */
const EXTENSIONS: Readonly<Record<VexFormat, string>> = {
  cyclonedx: 'cdx.json',
  csaf: 'csaf.json',
  openvex: 'openvex.json',
}

export interface VexExportRequest {
  readonly format: VexFormat
  /** The document date, YYYY-MM-DD or a date-time (VEX_AT_PATTERN). */
  readonly at: string
  /** Only this release; absent: every release. */
  readonly release?: string
}

/** A VEX export as the file `medcyber vex export` writes, with a name and a media type. */
export interface VexFile extends VexExport {
  readonly text: string
  /** `vex-<product>-<release or all>.<format ending>`, as the report's VEX deliverable names it. */
  readonly fileName: string
  readonly mediaType: string
}

/**
 * The model's finding triage (per release, with carry-over) as one VEX document: the same bytes
 * for the same model, format, date and release wherever it is asked for.
 */
export const vexFile = (model: DeviceModel, request: VexExportRequest): VexFile => {
  const exported = exportVex(model, request)
  const fileName = `vex-${model.product.id}-${request.release ?? 'all'}.${EXTENSIONS[request.format]}`
  return {
    ...exported,
    text: `${JSON.stringify(exported.document, null, 2)}\n`,
    fileName,
    mediaType: mediaTypeOf(fileName),
  }
}
