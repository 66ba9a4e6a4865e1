import path from 'node:path'

import {
  BUILT_IN_RULES,
  DEFAULT_RISK_POLICY,
  evaluateRiskRegister,
  generateThreats,
  type DeviceModel,
  type RiskPolicy,
} from '../../core/index.js'
import { loadDeviceModel } from '../../formats/index.js'
import type { CliIo } from '../cli-io.js'
import { EXIT_CODES, type ExitCode } from '../exit-codes.js'
import { countIssues, formatIssue } from '../format-issues.js'
import { resolveModelEntry } from '../resolve-model-entry.js'
import { computeFacts, formatFacts } from './info.js'

export interface AnalyzeOptions {
  readonly at?: string
}

/**
 * `medcyber analyze <folder>...`: the full analysis of one or more models; a folder without a
 * model of its own is searched one level down, so `medcyber analyze examples` runs them all.
 */
export const analyzeCommand = async (
  io: CliIo,
  folders: readonly string[],
  options: AnalyzeOptions,
): Promise<ExitCode> => {
  const targets: string[] = []
  for (const folder of folders) {
    const entry = await resolveModelEntry(io.files, folder)
    targets.push(...('file' in entry ? [folder] : await io.files.subfolders(folder)))
  }
  if (targets.length === 0) {
    io.stderr(`medcyber: no models found in ${folders.join(', ')}\n`)
    return EXIT_CODES.invalidInput
  }
  const date = options.at ?? io.today()
  let code: ExitCode = EXIT_CODES.ok
  for (const target of targets.sort()) {
    const entry = await resolveModelEntry(io.files, target)
    if ('problem' in entry) continue
    const loaded = await loadDeviceModel(entry.file, io.reader)
    io.stdout(`=== ${path.dirname(entry.file)} ===\n`)
    io.stdout(
      `Validation: ${loaded.model === undefined ? 'invalid' : 'valid'} (${String(loaded.files.length)} files, ${countIssues(loaded.issues)})\n`,
    )
    for (const issue of loaded.issues) io.stdout(`${formatIssue(issue)}\n`)
    if (loaded.model === undefined) {
      code = EXIT_CODES.invalidInput
      continue
    }
    io.stdout(`\n${formatFacts(computeFacts(loaded.model, date))}\n`)
    io.stdout(`${riskSummary(loaded.model, loaded.riskPolicy ?? DEFAULT_RISK_POLICY, date)}\n`)
  }
  return code
}

/** The register in three lines; `medcyber risk` gives the whole of it. */
const riskSummary = (model: DeviceModel, policy: RiskPolicy, date: string): string => {
  const threats = generateThreats(model, BUILT_IN_RULES, { date })
  const register = evaluateRiskRegister(model, threats, policy, { today: date })
  const { summary } = register
  const uncontrolled = register.entries
    .filter((entry) => entry.controlStatus === 'uncontrolled')
    .map((entry) => {
      const next = entry.deadlines.find((deadline) => deadline.status.state !== 'met')
      return `  uncontrolled: ${entry.id}${next === undefined ? '' : ` (${next.title.split(',')[0] ?? ''} by ${next.due})`}`
    })
  return [
    `Security risk (policy ${policy.id} v${policy.version}): ${String(summary.evaluated)} evaluated, ${String(summary.uncontrolled)} uncontrolled, ${String(summary.unacceptable)} not acceptable, ${String(summary.accepted)} accepted, ${String(summary.unevaluated)} not yet evaluated`,
    ...uncontrolled,
  ].join('\n')
}
