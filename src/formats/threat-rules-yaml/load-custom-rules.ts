import { parseCustomRules, type CustomRules } from '../../core/index.js'
import type { FileReader } from '../files/file-reader.js'
import { readYamlFile } from '../files/read-yaml-file.js'
import type { LocatedIssue } from '../located-issue.js'
import { placeOf } from '../model-yaml/place-of.js'

const MAX_RULES_FILE_BYTES = 4 * 1024 * 1024

/** Reads a manufacturer's threat rules file, placing every problem at its line and column. */
export const loadCustomRules = async (
  file: string,
  reader: FileReader,
  builtInIds: ReadonlySet<string>,
): Promise<{ rules?: CustomRules; issues: LocatedIssue[] }> => {
  const read = await readYamlFile(file, reader, MAX_RULES_FILE_BYTES, 'rules')
  if (read.parsed === undefined) return { issues: read.issues }
  const { parsed } = read
  const outcome = parseCustomRules(read.content, file, builtInIds)
  const issues = outcome.issues.map((issue): LocatedIssue => ({
    ...placeOf(file, parsed, issue.path),
    severity: issue.severity,
    code: issue.code,
    message: issue.message,
  }))
  return outcome.rules === undefined ? { issues } : { rules: outcome.rules, issues }
}
