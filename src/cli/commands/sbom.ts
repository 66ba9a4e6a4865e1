import { fileURLToPath } from 'node:url'

import { formatPath } from '../../core/index.js'
import {
  checkMinimumElements,
  type MinimumElementIssue,
  type MinimumElementsReport,
  type SbomDocument,
} from '../../core/sbom/index.js'
import type { LocatedIssue } from '../../formats/index.js'
import {
  createSbomSchemas,
  locateProblem,
  placesInSbomFile,
  readSbomFile,
  toCycloneDx16,
  type SbomReport,
  type SbomSchemas,
} from '../../formats/sbom/index.js'
import type { CliIo } from '../cli-io.js'
import { SBOM_TARGETS, type SbomTarget } from '../command-choices.js'
import { EXIT_CODES, type ExitCode } from '../exit-codes.js'
import { countIssues, formatIssue } from '../format-issues.js'

export const SBOM_ACTIONS = ['validate', 'check', 'convert'] as const
export type SbomAction = (typeof SBOM_ACTIONS)[number]

export interface SbomOptions {
  readonly json: boolean
  /** convert: the format to write. */
  readonly to?: SbomTarget
  /** convert: the file to write (default: standard output). */
  readonly out?: string
}

/** The official schemas shipped with the package: `schema/vendor`, beside `src/` and `dist/`. */
export const SBOM_SCHEMA_DIRECTORY = fileURLToPath(
  new URL('../../../schema/vendor/', import.meta.url),
)

const FORMAT_NAMES = { cyclonedx: 'CycloneDX', spdx: 'SPDX' } as const
const ENCODING_NAMES = { json: 'JSON', xml: 'XML', 'tag-value': 'tag-value', 'json-ld': 'JSON-LD' }

const describeFormat = (report: SbomReport): string =>
  report.format === undefined
    ? 'not a recognised SBOM'
    : `${FORMAT_NAMES[report.format]} ${report.specVersion ?? ''} ${report.encoding === undefined ? '' : ENCODING_NAMES[report.encoding]}`

const errorsIn = (issues: readonly LocatedIssue[]): number =>
  issues.filter((issue) => issue.severity === 'error').length

const printIssues = (write: (text: string) => void, issues: readonly LocatedIssue[]): void => {
  for (const issue of issues) write(`${formatIssue(issue)}\n`)
}

/** 0 valid, 1 read but invalid, 2 not readable as a supported SBOM. */
const validate = (io: CliIo, report: SbomReport, options: SbomOptions): ExitCode => {
  const valid = report.readable && errorsIn(report.issues) === 0
  if (options.json) {
    io.stdout(
      `${JSON.stringify(
        {
          valid,
          format: report.format ?? null,
          encoding: report.encoding ?? null,
          specVersion: report.specVersion ?? null,
          issues: report.issues,
        },
        null,
        2,
      )}\n`,
    )
  } else {
    printIssues(io.stdout, report.issues)
    const components =
      report.document === undefined
        ? ''
        : `, ${String(report.document.components.length)} components`
    io.stdout(
      `${report.file}: ${valid ? 'valid' : 'invalid'} ${describeFormat(report)}${components} (${countIssues(report.issues)})\n`,
    )
  }
  if (!report.readable) return EXIT_CODES.invalidInput
  return valid ? EXIT_CODES.ok : EXIT_CODES.findings
}

const ELEMENT_NAMES: Readonly<Record<string, string>> = {
  supplier: 'supplier name',
  name: 'component name',
  version: 'version',
  identifier: 'other unique identifier',
  dependency: 'dependency relationship',
  author: 'author of SBOM data',
  timestamp: 'timestamp',
  supportLevel: 'level of support',
  endOfSupport: 'end-of-support date',
}

/** How many issues of one code the text report lists before it summarises the rest. */
const SHOWN_PER_CODE = 10

const locateMinimum = (
  file: string,
  issue: MinimumElementIssue,
  place: { readonly line: number; readonly column: number } | undefined,
): LocatedIssue => ({
  file,
  line: issue.line ?? place?.line ?? 0,
  column: issue.line === undefined ? (place?.column ?? 0) : 0,
  path: formatPath(issue.path),
  severity: issue.severity,
  code: issue.code,
  message: issue.message,
})

/**
 * The minimum-element issues at their lines. XML and tag-value components carry their line; in
 * JSON the issue's path is looked up in the text, a missing element at the component lacking it.
 */
const locateMinimumIssues = async (
  io: CliIo,
  report: SbomReport,
  issues: readonly MinimumElementIssue[],
): Promise<LocatedIssue[]> => {
  const unplaced = issues.filter((issue) => issue.line === undefined && issue.path.length > 0)
  const placeOf =
    report.encoding === 'json' && unplaced.length > 0
      ? await placesInSbomFile(
          report.file,
          io.reader,
          unplaced.map((issue) => issue.path),
        )
      : undefined
  return issues.map((issue) =>
    locateMinimum(report.file, issue, issue.path.length === 0 ? undefined : placeOf?.(issue.path)),
  )
}

const printMinimum = (
  io: CliIo,
  report: SbomReport,
  minimum: MinimumElementsReport,
  issues: readonly LocatedIssue[],
): void => {
  io.stdout(
    `Minimum elements of ${report.file} (${describeFormat(report)}): ${String(minimum.components)} components, ${String(minimum.checked)} software components checked\n\n`,
  )
  io.stdout('| element | required by | present | coverage |\n|---|---|---|---|\n')
  for (const row of minimum.coverage) {
    io.stdout(
      `| ${ELEMENT_NAMES[row.element] ?? row.element} | ${row.source.toUpperCase()} | ${String(row.present)}/${String(row.total)} | ${row.percent.toFixed(1)} % |\n`,
    )
  }
  io.stdout('\n')
  const shown = new Map<string, number>()
  for (const issue of issues) {
    const count = (shown.get(issue.code) ?? 0) + 1
    shown.set(issue.code, count)
    if (count <= SHOWN_PER_CODE) io.stdout(`${formatIssue(issue)}\n`)
  }
  for (const [code, count] of shown) {
    if (count > SHOWN_PER_CODE) {
      io.stdout(
        `... and ${String(count - SHOWN_PER_CODE)} more [${code}] (all of them with --json)\n`,
      )
    }
  }
  io.stdout(
    minimum.ntiaComplete
      ? 'Every NTIA minimum element is present.\n'
      : 'NTIA minimum elements are missing (see the errors above).\n',
  )
}

/** 0 every NTIA element present, 1 some missing, 2 the SBOM cannot be read or is invalid. */
const check = async (
  io: CliIo,
  report: SbomReport,
  document: SbomDocument,
  options: SbomOptions,
): Promise<ExitCode> => {
  const minimum = checkMinimumElements(document)
  const issues = await locateMinimumIssues(io, report, minimum.issues)
  if (options.json) {
    const { issues: _placedByPath, ...summary } = minimum
    io.stdout(
      `${JSON.stringify(
        {
          file: report.file,
          format: report.format,
          encoding: report.encoding,
          specVersion: report.specVersion,
          ...summary,
          issues,
        },
        null,
        2,
      )}\n`,
    )
  } else {
    printIssues(io.stderr, report.issues)
    printMinimum(io, report, minimum, issues)
  }
  return minimum.ntiaComplete ? EXIT_CODES.ok : EXIT_CODES.findings
}

const convert = async (
  io: CliIo,
  schemas: SbomSchemas,
  report: SbomReport,
  document: SbomDocument,
  options: SbomOptions,
): Promise<ExitCode> => {
  if (options.to !== 'cyclonedx-json') {
    io.stderr(`medcyber sbom convert: say the target format with --to ${SBOM_TARGETS.join('|')}\n`)
    return EXIT_CODES.invalidInput
  }
  const { bom, problems } = toCycloneDx16(document)
  printIssues(io.stderr, [
    ...report.issues,
    ...problems.map((found) => locateProblem(report.file, found)),
  ])
  // What we write must pass the official schema; if not, that is our bug, not the input's.
  const invalid = await schemas.json.check('cyclonedx-1.6', bom, 20)
  if (invalid.length > 0) {
    io.stderr(
      `medcyber: internal error: the converted SBOM does not validate against CycloneDX 1.6:\n${invalid
        .map((found) => `  ${formatPath(found.path)}: ${found.message}\n`)
        .join('')}`,
    )
    return EXIT_CODES.internalError
  }
  const text = `${JSON.stringify(bom, null, 2)}\n`
  if (options.out === undefined) io.stdout(text)
  else {
    await io.files.writeFile(options.out, text)
    io.stderr(
      `wrote ${options.out}: CycloneDX 1.6 JSON, ${String(document.components.length)} components\n`,
    )
  }
  return EXIT_CODES.ok
}

/**
 * `medcyber sbom validate|check|convert <file>`: validate against the official schema of the
 * file's format; check the NTIA minimum elements and the FDA additions; convert to CycloneDX 1.6
 * JSON. The format is detected from the content.
 */
export const sbomCommand = async (
  io: CliIo,
  action: SbomAction,
  file: string,
  options: SbomOptions,
): Promise<ExitCode> => {
  const schemas = createSbomSchemas(io.reader, SBOM_SCHEMA_DIRECTORY)
  const report = await readSbomFile(file, io.reader, schemas)
  if (action === 'validate') return validate(io, report, options)
  const document = report.document
  if (document === undefined) {
    printIssues(io.stderr, report.issues)
    io.stderr(
      `${file}: ${report.readable ? 'invalid' : 'cannot read'} ${describeFormat(report)} (${countIssues(report.issues)}); nothing to ${action}\n`,
    )
    return EXIT_CODES.invalidInput
  }
  return action === 'check'
    ? check(io, report, document, options)
    : convert(io, schemas, report, document, options)
}
