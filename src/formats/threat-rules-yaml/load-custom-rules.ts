import { parseCustomRules, type CustomRules } from '../../core/index.js'
import { decodeText } from '../files/decode-text.js'
import type { FileReader } from '../files/file-reader.js'
import type { LocatedIssue } from '../located-issue.js'
import { placeOf } from '../model-yaml/load-device-model.js'
import { parseYamlText } from '../model-yaml/parse-yaml-text.js'

const MAX_RULES_FILE_BYTES = 4 * 1024 * 1024

/** Reads a manufacturer's threat rules file, placing every problem at its line and column. */
export const loadCustomRules = async (
  file: string,
  reader: FileReader,
  builtInIds: ReadonlySet<string>,
): Promise<{ rules?: CustomRules; issues: LocatedIssue[] }> => {
  const whole = { file, line: 0, column: 0, path: '$' }
  const bytes = await reader.read(file, MAX_RULES_FILE_BYTES)
  if (!bytes.ok) {
    return {
      issues: [
        {
          ...whole,
          severity: 'error',
          code: `rules/${bytes.error.code}`,
          message: bytes.error.message,
        },
      ],
    }
  }
  const text = decodeText(bytes.value)
  if (!text.ok)
    return {
      issues: [{ ...whole, severity: 'error', code: 'rules/not-text', message: text.error }],
    }
  const parsed = parseYamlText(text.value, file)
  if (parsed.content === undefined) return { issues: parsed.issues }
  const outcome = parseCustomRules(parsed.content, file, builtInIds)
  const issues = outcome.issues.map((issue): LocatedIssue => ({
    ...placeOf(file, parsed, issue.path),
    severity: issue.severity,
    code: issue.code,
    message: issue.message,
  }))
  return outcome.rules === undefined ? { issues } : { rules: outcome.rules, issues }
}
