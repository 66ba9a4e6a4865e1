import { BUILT_IN_RULES, ruleCatalogueMarkdown } from '../../core/index.js'
import type { CliIo } from '../cli-io.js'
import { EXIT_CODES, type ExitCode } from '../exit-codes.js'
import { loadRuleSet } from '../load-rule-set.js'

/** `medcyber rules test <file>...`: runs the test cases written beside custom rules. */
export const rulesTestCommand = async (io: CliIo, files: readonly string[]): Promise<ExitCode> => {
  const set = await loadRuleSet(io, files)
  if (set === undefined) return EXIT_CODES.invalidInput
  const results = set.custom.flatMap((rules) => rules.runTests())
  for (const result of results) {
    io.stdout(
      `${result.passed ? 'ok  ' : 'FAIL'} ${result.rule}: ${result.name} (expected ${result.expected})\n`,
    )
  }
  const failed = results.filter((result) => !result.passed).length
  io.stdout(`${String(results.length - failed)} passed, ${String(failed)} failed\n`)
  return failed === 0 ? EXIT_CODES.ok : EXIT_CODES.findings
}

/** `medcyber rules list`: the built-in rules (and any custom ones given), as text, Markdown or JSON. */
export const rulesListCommand = async (
  io: CliIo,
  files: readonly string[],
  format: 'text' | 'md' | 'json',
): Promise<ExitCode> => {
  const set = files.length === 0 ? { rules: [...BUILT_IN_RULES] } : await loadRuleSet(io, files)
  if (set === undefined) return EXIT_CODES.invalidInput
  if (format === 'md') {
    io.stdout(ruleCatalogueMarkdown(set.rules))
  } else if (format === 'json') {
    const rules = set.rules.map(({ evaluate: _evaluate, ...metadata }) => metadata)
    io.stdout(`${JSON.stringify({ rules }, null, 2)}\n`)
  } else {
    for (const rule of set.rules) io.stdout(`${rule.id.padEnd(52)} ${rule.title}\n`)
  }
  return EXIT_CODES.ok
}
