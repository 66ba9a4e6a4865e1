import { computeControlCoverage, coverageMarkdown, generateThreats } from '../../core/index.js'
import type { CliIo } from '../cli-io.js'
import { EXIT_CODES, type ExitCode } from '../exit-codes.js'
import { loadRuleSet } from '../load-rule-set.js'
import { loadValidModel } from '../load-valid-model.js'

export interface CoverageOptions {
  readonly json: boolean
  readonly at?: string
  readonly rules: readonly string[]
}

/**
 * `medcyber coverage <model>`: threats without a control, controls without a verification or
 * failing one, FDA categories and MDS2 capabilities with nothing in them.
 */
export const coverageCommand = async (
  io: CliIo,
  argument: string,
  options: CoverageOptions,
): Promise<ExitCode> => {
  const set = await loadRuleSet(io, options.rules)
  if (set === undefined) return EXIT_CODES.invalidInput
  const loaded = await loadValidModel(io, argument, new Set(set.rules.map((rule) => rule.id)))
  if (loaded === undefined) return EXIT_CODES.invalidInput
  const threats = generateThreats(loaded.model, set.rules, { date: options.at ?? io.today() })
  const report = computeControlCoverage(loaded.model, threats)
  io.stdout(options.json ? `${JSON.stringify(report, null, 2)}\n` : coverageMarkdown(report))
  return EXIT_CODES.ok
}
