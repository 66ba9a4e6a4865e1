import { parseRiskPolicy, type RiskPolicy, type SeverityLevel } from '../../core/index.js'
import type { FileReader } from '../files/file-reader.js'
import { readYamlFile } from '../files/read-yaml-file.js'
import type { LocatedIssue } from '../located-issue.js'
import { placeOf } from '../model-yaml/place-of.js'

const MAX_POLICY_FILE_BYTES = 1024 * 1024

/** Reads a manufacturer's risk policy file, checked against the model's severity scale. */
export const loadRiskPolicy = async (
  file: string,
  reader: FileReader,
  severityScale: readonly SeverityLevel[],
): Promise<{ policy?: RiskPolicy; issues: LocatedIssue[] }> => {
  const read = await readYamlFile(file, reader, MAX_POLICY_FILE_BYTES, 'policy')
  if (read.parsed === undefined) return { issues: read.issues }
  const { parsed } = read
  const outcome = parseRiskPolicy(read.content, severityScale)
  const issues = outcome.issues.map((issue): LocatedIssue => ({
    ...placeOf(file, parsed, issue.path),
    severity: issue.severity,
    code: issue.code,
    message: issue.message,
  }))
  return outcome.policy === undefined ? { issues } : { policy: outcome.policy, issues }
}
