import path from 'node:path'

import {
  createReportContext,
  DEFAULT_RISK_POLICY,
  DELIVERABLE_KINDS,
  DELIVERABLE_LANGUAGES,
  documentedRelease,
  type DeliverableKind,
  type DeviceModel,
  type DocumentLanguage,
  type KnownVulnerabilities,
  type ReportContext,
} from '../../core/index.js'
import type { ReportFormat } from '../../render/reports/index.js'
import { findingsFor, scanTargetsOfRelease } from '../../services/advisory-scan.js'
import {
  drawViews,
  isRenderError,
  lazyPdfPrinter,
  renderDeliverableFiles,
} from '../../services/index.js'
import type { CliIo } from '../cli-io.js'
import type { ReportKind } from '../command-choices.js'
import { EXIT_CODES, type ExitCode } from '../exit-codes.js'
import { loadValidModel } from '../load-valid-model.js'
import { openAdvisoryIndex } from './scan.js'

export interface ReportOptions {
  readonly kind: ReportKind
  /** Absent: each deliverable in its usual formats (DEFAULT_FORMATS). */
  readonly formats?: readonly ReportFormat[]
  readonly out: string
  readonly language: DocumentLanguage
  readonly date?: string
  readonly release?: string
  /** Scan the release against this advisory store for the known-vulnerability documents. */
  readonly dataDir?: string
  readonly chromium?: string
  readonly env?: Readonly<Record<string, string | undefined>>
}

const scanRelease = async (
  io: CliIo,
  model: DeviceModel,
  release: string | undefined,
  options: ReportOptions,
): Promise<KnownVulnerabilities | undefined> => {
  const loaded = await openAdvisoryIndex(io, {
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    ...(options.env === undefined ? {} : { env: options.env }),
  })
  if (loaded === undefined) return undefined
  try {
    const findings = findingsFor(loaded, scanTargetsOfRelease(model, release), model, release)
    return { generation: loaded.generation, findings }
  } finally {
    loaded.close()
  }
}

/** Builds, renders and writes each deliverable; the number of files, or undefined on a render error. */
const writeDeliverables = async (
  io: CliIo,
  kinds: readonly DeliverableKind[],
  context: ReportContext,
  options: ReportOptions,
): Promise<number | undefined> => {
  const pdf = lazyPdfPrinter(options.chromium ?? options.env?.MEDCYBER_CHROMIUM)
  let written = 0
  try {
    for (const [position, kind] of kinds.entries()) {
      const step = `[${String(position + 1)}/${String(kinds.length)}] ${kind}`
      if (kinds.length > 1) io.stderr(`${step} ...\n`)
      if (!DELIVERABLE_LANGUAGES[kind].includes(options.language)) {
        io.stderr(
          `medcyber: ${kind} is written in English only; --lang ${options.language} does not apply\n`,
        )
      }
      const files = await renderDeliverableFiles(kind, context, options.formats, pdf)
      if (files.length === 0) {
        io.stderr(`medcyber: ${kind}: nothing to write for this model and release\n`)
        continue
      }
      const folder = path.join(options.out, kind)
      await io.files.makeDirectory(folder)
      for (const file of files) {
        await io.files.writeFile(path.join(folder, file.name), file.content)
        io.stdout(`${path.join(folder, file.name)}\n`)
      }
      written += files.length
    }
  } catch (error) {
    // A missing browser is the one failure a user can fix; anything else is a bug.
    if (!isRenderError(error)) throw error
    io.stderr(`medcyber: ${error.message}\n`)
    return undefined
  } finally {
    await pdf.close()
  }
  return written
}

/**
 * `medcyber report <model> --kind <kind> --out <dir>`: the regulatory and customer documents,
 * generated from the model as it is on `--date`, each deliverable in its own folder.
 */
export const reportCommand = async (
  io: CliIo,
  argument: string,
  options: ReportOptions,
): Promise<ExitCode> => {
  const loaded = await loadValidModel(io, argument)
  if (loaded === undefined) return EXIT_CODES.invalidInput
  const { model } = loaded
  if (options.release !== undefined && !model.releases.some((r) => r.version === options.release)) {
    io.stderr(
      `medcyber: the model has no release '${options.release}'; its releases are ${model.releases.map((r) => r.version).join(', ') || 'none'}\n`,
    )
    return EXIT_CODES.invalidInput
  }
  const kinds: readonly DeliverableKind[] =
    options.kind === 'all' ? DELIVERABLE_KINDS : [options.kind]
  const date = options.date ?? io.today()
  const knownVulnerabilities =
    options.dataDir === undefined
      ? undefined
      : await scanRelease(io, model, documentedRelease(model, options.release), options)
  if (options.dataDir !== undefined && knownVulnerabilities === undefined) {
    return EXIT_CODES.invalidInput
  }
  const context = createReportContext({
    model,
    policy: loaded.riskPolicy ?? DEFAULT_RISK_POLICY,
    policyIsExample: loaded.riskPolicy === undefined,
    date,
    language: options.language,
    figures: await drawViews(model),
    ...(options.release === undefined ? {} : { release: options.release }),
    ...(knownVulnerabilities === undefined ? {} : { knownVulnerabilities }),
  })

  const written = await writeDeliverables(io, kinds, context, options)
  if (written === undefined) return EXIT_CODES.invalidInput
  io.stderr(
    `Wrote ${String(written)} files for ${model.product.name}${context.release === undefined ? '' : ` ${context.release}`} as of ${date} to ${options.out}\n`,
  )
  return EXIT_CODES.ok
}
