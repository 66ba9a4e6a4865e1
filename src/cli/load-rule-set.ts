import { BUILT_IN_RULES, type CustomRules, type ThreatRule } from '../core/index.js'
import { loadCustomRules } from '../formats/index.js'
import type { CliIo } from './cli-io.js'
import { formatIssue } from './format-issues.js'

const BUILT_IN_IDS: ReadonlySet<string> = new Set(BUILT_IN_RULES.map((rule) => rule.id))

/**
 * The built-in rules plus a manufacturer's own rule files; undefined (after printing why) when a
 * file has errors.
 */
export const loadRuleSet = async (
  io: CliIo,
  files: readonly string[],
): Promise<{ rules: ThreatRule[]; custom: CustomRules[] } | undefined> => {
  const custom: CustomRules[] = []
  let failed = false
  for (const file of files) {
    const loaded = await loadCustomRules(file, io.reader, BUILT_IN_IDS)
    for (const issue of loaded.issues) io.stderr(`${formatIssue(issue)}\n`)
    if (loaded.rules === undefined) failed = true
    else custom.push(loaded.rules)
  }
  if (failed) return undefined
  return { rules: [...BUILT_IN_RULES, ...custom.flatMap((set) => set.rules)], custom }
}
