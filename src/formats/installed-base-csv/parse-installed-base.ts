import { CsvError, parse } from 'csv-parse/sync'

import { isCalendarDate, type InstalledBaseEntry } from '../../core/index.js'
import {
  INSTALLED_BASE_COLUMNS,
  INSTALLED_BASE_LIMITS,
  type InstalledBaseColumn,
} from './installed-base-columns.js'

/** One thing wrong with the file: the line (1 = the header) and the column's header, if any. */
export interface InstalledBaseCsvProblem {
  readonly line: number
  readonly column: string | null
  readonly message: string
}

/** `line 14, column release: 9.9.9 is not a release of this product` */
export const formatCsvProblem = (problem: InstalledBaseCsvProblem): string =>
  `line ${String(problem.line)}${problem.column === null ? '' : `, column ${problem.column}`}: ${problem.message}`

/** An entry of the file and the line it is on. */
export interface InstalledBaseLine {
  readonly line: number
  readonly entry: InstalledBaseEntry
}

export type InstalledBaseCsvResult =
  | { readonly ok: true; readonly entries: readonly InstalledBaseLine[] }
  | { readonly ok: false; readonly problems: readonly InstalledBaseCsvProblem[] }

/** Enough problems to fix a file in one go without echoing a whole wrong file back. */
const MAX_PROBLEMS = 50

// A plain shape check, not RFC 5322: it catches a name or a phone number in the e-mail column.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

const HEADERS = new Map<string, InstalledBaseColumn>(
  INSTALLED_BASE_COLUMNS.flatMap((column) => [
    [column.header, column.key],
    [column.ja, column.key],
  ]),
)

type Record = readonly string[]
interface ParsedLine {
  readonly record: Record
  readonly line: number
}

const readRecords = (text: string): ParsedLine[] | InstalledBaseCsvProblem => {
  try {
    const rows = parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      // A short or long row is reported with its line below, not as a failure of the whole file.
      relax_column_count: true,
      trim: true,
      max_record_size: INSTALLED_BASE_LIMITS.maxFieldLength * INSTALLED_BASE_COLUMNS.length * 4,
    }) as unknown as { record: string[]; info: { lines: number } }[]
    return rows.map((row) => ({ record: row.record, line: row.info.lines }))
  } catch (error) {
    if (!(error instanceof CsvError)) throw error
    const lines = (error as CsvError & { lines?: number }).lines
    return { line: lines ?? 1, column: null, message: `not valid CSV (${error.message})` }
  }
}

type Header = readonly { readonly key: InstalledBaseColumn; readonly header: string }[]

const readHeader = (
  record: Record,
): { readonly header: Header } | { readonly problems: InstalledBaseCsvProblem[] } => {
  const problems: InstalledBaseCsvProblem[] = []
  const header = record.flatMap((title) => {
    const key = HEADERS.get(title.toLowerCase()) ?? HEADERS.get(title)
    if (key !== undefined) return [{ key, header: title }]
    problems.push({
      line: 1,
      column: title,
      message: `unknown column; the columns are ${INSTALLED_BASE_COLUMNS.map((c) => c.header).join(', ')}`,
    })
    return []
  })
  for (const column of INSTALLED_BASE_COLUMNS) {
    const count = header.filter((item) => item.key === column.key).length
    if (column.required && count === 0) {
      problems.push({ line: 1, column: column.header, message: 'required column missing' })
    }
    if (count > 1) problems.push({ line: 1, column: column.header, message: 'column given twice' })
  }
  return problems.length > 0 ? { problems } : { header }
}

interface Context {
  readonly line: number
  readonly releases: ReadonlySet<string>
  readonly problems: InstalledBaseCsvProblem[]
}

const fieldOf = (
  fields: ReadonlyMap<InstalledBaseColumn, { value: string; header: string }>,
  key: InstalledBaseColumn,
  ctx: Context,
): string | undefined => {
  const field = fields.get(key)
  const spec = INSTALLED_BASE_COLUMNS.find((column) => column.key === key)
  const header = field?.header ?? spec?.header ?? key
  if (field === undefined || field.value === '') {
    if (spec?.required === true)
      ctx.problems.push({ line: ctx.line, column: header, message: 'empty' })
    return undefined
  }
  if (field.value.length > INSTALLED_BASE_LIMITS.maxFieldLength) {
    ctx.problems.push({
      line: ctx.line,
      column: header,
      message: `longer than ${String(INSTALLED_BASE_LIMITS.maxFieldLength)} characters`,
    })
    return undefined
  }
  return field.value
}

const checked = (
  ctx: Context,
  header: string,
  value: string | undefined,
  test: (value: string) => string | undefined,
): string | undefined => {
  if (value === undefined) return undefined
  const problem = test(value)
  if (problem === undefined) return value
  ctx.problems.push({ line: ctx.line, column: header, message: problem })
  return undefined
}

const headerOf = (key: InstalledBaseColumn, header: Header): string =>
  header.find((item) => item.key === key)?.header ??
  INSTALLED_BASE_COLUMNS.find((column) => column.key === key)?.header ??
  key

const readEntry = (
  record: Record,
  header: Header,
  ctx: Context,
): InstalledBaseEntry | undefined => {
  if (record.length !== header.length) {
    ctx.problems.push({
      line: ctx.line,
      column: null,
      message: `${String(record.length)} fields where the header has ${String(header.length)}`,
    })
    return undefined
  }
  const fields = new Map(
    header.map((column, index) => [
      column.key,
      { value: record[index] ?? '', header: column.header },
    ]),
  )
  const get = (key: InstalledBaseColumn) => fieldOf(fields, key, ctx)
  const at = (key: InstalledBaseColumn) => headerOf(key, header)
  const date = (value: string) =>
    isCalendarDate(value) ? undefined : `${value} is not a date as YYYY-MM-DD`
  const customer = get('customer')
  const site = get('site')
  const release = checked(ctx, at('release'), get('release'), (value) =>
    ctx.releases.has(value) ? undefined : `${value} is not a release of this product`,
  )
  const units = checked(ctx, at('units'), get('units'), (value) =>
    /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= INSTALLED_BASE_LIMITS.maxUnits
      ? undefined
      : `${value} is not a whole number of units from 1 to ${String(INSTALLED_BASE_LIMITS.maxUnits)}`,
  )
  const contactName = get('contactName')
  const contactEmail = checked(ctx, at('contactEmail'), get('contactEmail'), (value) =>
    EMAIL.test(value) ? undefined : `${value} is not an e-mail address`,
  )
  const deployedOn = checked(ctx, at('deployedOn'), get('deployedOn'), date)
  const retiredOn = checked(
    ctx,
    at('retiredOn'),
    get('retiredOn'),
    (value) =>
      date(value) ??
      (deployedOn !== undefined && value < deployedOn
        ? `${value} is before the deployment on ${deployedOn}`
        : undefined),
  )
  if (
    customer === undefined ||
    site === undefined ||
    release === undefined ||
    units === undefined ||
    deployedOn === undefined
  ) {
    return undefined
  }
  return {
    customer,
    site,
    release,
    units: Number(units),
    ...(contactName === undefined ? {} : { contactName }),
    ...(contactEmail === undefined ? {} : { contactEmail }),
    deployedOn,
    ...(retiredOn === undefined ? {} : { retiredOn }),
  }
}

/**
 * An installed-base CSV file (UTF-8, a header row of the documented column names in English or
 * Japanese, one row per release in service at a customer's site) checked whole: every problem
 * with its line and column, and no entries at all when there is any, so an import is all or
 * nothing. `releases` are the product's release versions.
 */
export const parseInstalledBaseCsv = (
  text: string,
  releases: ReadonlySet<string>,
): InstalledBaseCsvResult => {
  const bytes = new TextEncoder().encode(text).length
  if (bytes > INSTALLED_BASE_LIMITS.maxBytes) {
    const limit = String(INSTALLED_BASE_LIMITS.maxBytes)
    return fail({
      line: 1,
      column: null,
      message: `the file has ${String(bytes)} bytes; at most ${limit}`,
    })
  }
  const records = readRecords(text)
  if (!Array.isArray(records)) return fail(records)
  const [first, ...rows] = records
  if (first === undefined) return fail({ line: 1, column: null, message: 'the file is empty' })
  if (rows.length > INSTALLED_BASE_LIMITS.maxRows) {
    const limit = String(INSTALLED_BASE_LIMITS.maxRows)
    return fail({
      line: first.line,
      column: null,
      message: `${String(rows.length)} rows; at most ${limit}`,
    })
  }
  const read = readHeader(first.record)
  if ('problems' in read) return fail(...read.problems)
  const { header } = read
  const problems: InstalledBaseCsvProblem[] = []
  const entries: InstalledBaseLine[] = []
  const seen = new Map<string, number>()
  for (const { record, line } of rows) {
    const ctx = { line, releases, problems }
    const entry = readEntry(record, header, ctx)
    if (entry === undefined) continue
    const key = JSON.stringify([entry.customer, entry.site, entry.release, entry.deployedOn])
    const earlier = seen.get(key)
    if (earlier !== undefined) {
      problems.push({
        line,
        column: null,
        message: `the same customer, site, release and deployment day as line ${String(earlier)}`,
      })
    }
    seen.set(key, line)
    entries.push({ line, entry })
  }
  if (problems.length > 0) return fail(...problems)
  return { ok: true, entries }
}

const fail = (...problems: InstalledBaseCsvProblem[]): InstalledBaseCsvResult => ({
  ok: false,
  problems: problems.slice(0, MAX_PROBLEMS),
})
