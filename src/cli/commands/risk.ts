import {
  computeFdaMetrics,
  computeUpdateOversight,
  DEFAULT_RISK_POLICY,
  evaluateRiskRegister,
  generateThreats,
  safetyRiskTable,
  type DataTable,
  type RiskPolicy,
  type RiskRegister,
} from '../../core/index.js'
import { loadRiskPolicy } from '../../formats/index.js'
import { tableCsv, tableXlsx } from '../../render/tables/index.js'
import { riskJson } from '../../services/index.js'
import type { CliIo } from '../cli-io.js'
import type { RiskGate } from '../command-choices.js'
import { EXIT_CODES, type ExitCode } from '../exit-codes.js'
import { formatIssue } from '../format-issues.js'
import { loadRuleSet } from '../load-rule-set.js'
import { loadValidModel, type ValidModel } from '../load-valid-model.js'
import { riskText } from './risk-text.js'

export interface RiskOptions {
  readonly json: boolean
  readonly failOn?: RiskGate
  readonly policy?: string
  readonly at?: string
  readonly release?: string
  readonly rules: readonly string[]
  readonly showUnevaluated: boolean
  readonly safetyExport?: string
}

/** `medcyber risk <model>`: the security risk register, with a release gate for CI. */
export const riskCommand = async (
  io: CliIo,
  argument: string,
  options: RiskOptions,
): Promise<ExitCode> => {
  const set = await loadRuleSet(io, options.rules)
  if (set === undefined) return EXIT_CODES.invalidInput
  const loaded = await loadValidModel(io, argument, new Set(set.rules.map((rule) => rule.id)))
  if (loaded === undefined) return EXIT_CODES.invalidInput
  const policy = await policyFor(io, loaded, options.policy)
  if (policy === undefined) return EXIT_CODES.invalidInput

  const today = options.at ?? io.today()
  const { model } = loaded
  const release = options.release
  if (release !== undefined && !model.releases.some((item) => item.version === release)) {
    io.stderr(
      `medcyber: the model has no release '${release}' (${model.releases.map((item) => item.version).join(', ')})\n`,
    )
    return EXIT_CODES.invalidInput
  }
  const threats = generateThreats(model, set.rules, {
    date: today,
    ...(release === undefined ? {} : { release }),
  })
  const register = evaluateRiskRegister(model, threats, policy, {
    today,
    ...(release === undefined ? {} : { release }),
  })
  // N60 levels compare releases, so they need the risks of every release, not one.
  const allReleases =
    release === undefined
      ? register
      : evaluateRiskRegister(model, generateThreats(model, set.rules, { date: today }), policy, {
          today,
        })
  const oversight = computeUpdateOversight(model, allReleases)
  const metrics = computeFdaMetrics(model)
  const issues = register.issues.map(loaded.locate)
  for (const issue of issues) io.stderr(`${formatIssue(issue)}\n`)

  if (options.safetyExport !== undefined) {
    const written = await writeSafetyExport(
      io,
      options.safetyExport,
      safetyRiskTable(register, model),
      today,
    )
    if (!written) return EXIT_CODES.invalidInput
  }
  const report = { register, oversight, metrics, productName: model.product.name }
  io.stdout(
    options.json
      ? `${JSON.stringify(riskJson(report, issues), null, 2)}\n`
      : riskText(report, options.showUnevaluated),
  )
  return gateFails(register, options.failOn, io) ? EXIT_CODES.findings : EXIT_CODES.ok
}

/** The policy named on the command line, else the model's own, else the example policy. */
const policyFor = async (
  io: CliIo,
  loaded: ValidModel,
  override: string | undefined,
): Promise<RiskPolicy | undefined> => {
  if (override === undefined) return loaded.riskPolicy ?? DEFAULT_RISK_POLICY
  const read = await loadRiskPolicy(override, io.reader, loaded.model.severityScale)
  for (const issue of read.issues) io.stderr(`${formatIssue(issue)}\n`)
  if (read.policy === undefined) {
    io.stderr(`medcyber: ${override} is not a usable risk policy; fix the errors above\n`)
  }
  return read.policy
}

const writeSafetyExport = async (
  io: CliIo,
  file: string,
  table: DataTable,
  today: string,
): Promise<boolean> => {
  const extension = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase()
  if (extension === 'csv') {
    await io.files.writeFile(file, tableCsv(table))
  } else if (extension === 'xlsx') {
    await io.files.writeFile(file, await tableXlsx([table], { date: today }))
  } else if (extension === 'json') {
    const json = { title: table.title, notes: table.notes ?? [], entries: table.rows }
    await io.files.writeFile(file, `${JSON.stringify(json, null, 2)}\n`)
  } else {
    io.stderr(`medcyber: --safety-export ${file}: give a file ending in .csv, .xlsx or .json\n`)
    return false
  }
  io.stderr(
    `medcyber: wrote ${String(table.rows.length)} security-caused safety risk entries to ${file}\n`,
  )
  return true
}

const gateFails = (register: RiskRegister, gate: RiskGate | undefined, io: CliIo): boolean => {
  if (gate === undefined) return false
  const { summary } = register
  const reasons: string[] = []
  if (summary.uncontrolled > 0) reasons.push(`${String(summary.uncontrolled)} uncontrolled`)
  if (gate !== 'uncontrolled' && summary.unacceptable > 0) {
    reasons.push(`${String(summary.unacceptable)} not acceptable`)
  }
  if (gate === 'unevaluated' && summary.unevaluated > 0) {
    reasons.push(`${String(summary.unevaluated)} not yet evaluated`)
  }
  if (reasons.length === 0) return false
  io.stderr(`medcyber: risk gate '${gate}' failed: ${reasons.join(', ')}\n`)
  return true
}
