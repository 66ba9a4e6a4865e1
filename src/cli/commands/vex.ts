import { stringify } from 'yaml'

import type { VexFormat } from '../../core/index.js'
import { decodeText } from '../../formats/index.js'
import { MAX_VEX_BYTES, readSupplierVex } from '../../formats/index.js'
import { VEX_AT_PATTERN, vexFile } from '../../services/vex-export.js'
import type { CliIo } from '../cli-io.js'
import { EXIT_CODES, type ExitCode } from '../exit-codes.js'
import { formatIssue } from '../format-issues.js'
import { loadValidModel } from '../load-valid-model.js'

export interface VexExportCommandOptions {
  readonly format: VexFormat
  readonly release?: string
  readonly out?: string
  /** Not read yet: export covers the model's assessed findings only (see the report). */
  readonly dataDir?: string
  /** Document date, YYYY-MM-DD or an RFC 3339 date-time; defaults to today. */
  readonly at?: string
}

/**
 * `medcyber vex export <model> --format cyclonedx|csaf|openvex`: the model's triage of its
 * findings, per release with carry-over, as a VEX document; byte-identical for the same inputs.
 */
export const vexExportCommand = async (
  io: CliIo,
  model: string,
  options: VexExportCommandOptions,
): Promise<ExitCode> => {
  const at = options.at ?? io.today()
  if (!VEX_AT_PATTERN.test(at)) {
    io.stderr(`medcyber: --at '${at}' is not a date (YYYY-MM-DD) or an RFC 3339 date-time\n`)
    return EXIT_CODES.invalidInput
  }
  const loaded = await loadValidModel(io, model)
  if (loaded === undefined) return EXIT_CODES.invalidInput
  const release = options.release
  if (release !== undefined && !loaded.model.releases.some((item) => item.version === release)) {
    io.stderr(`medcyber: the model has no release '${release}'\n`)
    return EXIT_CODES.invalidInput
  }
  const result = vexFile(loaded.model, {
    format: options.format,
    at,
    ...(release === undefined ? {} : { release }),
  })
  for (const issue of result.issues) io.stderr(`${formatIssue(loaded.locate(issue))}\n`)
  for (const statement of result.statements) {
    if (statement.triage.carriedFrom !== undefined) {
      io.stderr(
        `medcyber: ${statement.triage.finding} in ${statement.triage.release}: carriedFrom: ${statement.triage.carriedFrom}\n`,
      )
    }
  }
  if (options.out === undefined) io.stdout(result.text)
  else {
    await io.files.writeFile(options.out, result.text)
    io.stderr(`medcyber: wrote ${options.out} (${String(result.statements.length)} statements)\n`)
  }
  return EXIT_CODES.ok
}

export interface VexImportCommandOptions {
  readonly json?: boolean
}

/**
 * `medcyber vex import <model> <file>`: the finding assessments a supplier's VEX suggests for the
 * model's components, printed for a person to review and paste; the model files stay untouched.
 */
export const vexImportCommand = async (
  io: CliIo,
  model: string,
  file: string,
  options: VexImportCommandOptions,
): Promise<ExitCode> => {
  const loaded = await loadValidModel(io, model)
  if (loaded === undefined) return EXIT_CODES.invalidInput
  const bytes = await io.reader.read(file, MAX_VEX_BYTES)
  const text = bytes.ok ? decodeText(bytes.value) : undefined
  if (text === undefined || !text.ok) {
    io.stderr(
      `medcyber: ${bytes.ok ? `${file}: ${text?.ok === false ? text.error : ''}` : bytes.error.message}\n`,
    )
    return EXIT_CODES.invalidInput
  }
  const report = readSupplierVex(text.value, file, loaded.model.components)
  for (const issue of report.issues) io.stderr(`${formatIssue(issue)}\n`)
  if (report.format === undefined) return EXIT_CODES.invalidInput
  io.stdout(
    options.json === true
      ? `${JSON.stringify({ format: report.format, findingAssessments: report.suggestions, issues: report.issues }, null, 2)}\n`
      : stringify({ findingAssessments: report.suggestions }, { lineWidth: 100 }),
  )
  return EXIT_CODES.ok
}
