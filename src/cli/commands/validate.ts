import { loadDeviceModel } from '../../formats/index.js'
import type { CliIo } from '../cli-io.js'
import { EXIT_CODES, type ExitCode } from '../exit-codes.js'
import { countIssues, formatIssue } from '../format-issues.js'
import { loadRuleSet } from '../load-rule-set.js'
import { resolveModelEntry } from '../resolve-model-entry.js'

export interface ValidateOptions {
  readonly json: boolean
  /** Custom rule files whose rule ids generated-threat references may name. */
  readonly rules: readonly string[]
}

/** `medcyber validate <model>`: syntax, schema, references and likely mistakes. */
export const validateCommand = async (
  io: CliIo,
  argument: string,
  options: ValidateOptions,
): Promise<ExitCode> => {
  const entry = await resolveModelEntry(io.files, argument)
  if ('problem' in entry) {
    if (options.json) {
      const issue = {
        severity: 'error',
        code: 'model/not-found',
        message: entry.problem,
        file: argument,
        line: 0,
        column: 0,
        path: '$',
      }
      io.stdout(`${JSON.stringify({ valid: false, issues: [issue] }, null, 2)}\n`)
    } else {
      io.stderr(`medcyber: ${entry.problem}\n`)
    }
    return EXIT_CODES.invalidInput
  }
  const set = await loadRuleSet(io, options.rules)
  if (set === undefined) return EXIT_CODES.invalidInput
  const loaded = await loadDeviceModel(entry.file, io.reader, undefined, {
    ruleIds: new Set(set.rules.map((rule) => rule.id)),
  })
  const valid = loaded.model !== undefined
  if (options.json) {
    io.stdout(`${JSON.stringify({ valid, issues: loaded.issues }, null, 2)}\n`)
  } else {
    for (const issue of loaded.issues) io.stdout(`${formatIssue(issue)}\n`)
    const files = `${String(loaded.files.length)} file${loaded.files.length === 1 ? '' : 's'}`
    io.stdout(
      `${entry.file}: ${valid ? 'valid' : 'invalid'} (${files}, ${countIssues(loaded.issues)})\n`,
    )
  }
  return valid ? EXIT_CODES.ok : EXIT_CODES.invalidInput
}
