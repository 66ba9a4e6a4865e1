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
