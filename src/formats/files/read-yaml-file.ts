import type { LocatedIssue } from '../located-issue.js'
import { parseYamlText, type ParsedYaml } from '../model-yaml/parse-yaml-text.js'
import { decodeText } from './decode-text.js'
import type { FileReader } from './file-reader.js'

/**
 * Reads one YAML (or JSON) file that is not part of a model, such as a rules or policy file,
 * with a size limit; every problem comes back placed and coded under `codePrefix`.
 */
export const readYamlFile = async (
  file: string,
  reader: FileReader,
  maxBytes: number,
  codePrefix: string,
): Promise<{ parsed?: ParsedYaml; content?: unknown; issues: LocatedIssue[] }> => {
  const whole = { file, line: 0, column: 0, path: '$' }
  const bytes = await reader.read(file, maxBytes)
  if (!bytes.ok) {
    return {
      issues: [
        {
          ...whole,
          severity: 'error',
          code: `${codePrefix}/${bytes.error.code}`,
          message: bytes.error.message,
        },
      ],
    }
  }
  const text = decodeText(bytes.value)
  if (!text.ok) {
    return {
      issues: [
        { ...whole, severity: 'error', code: `${codePrefix}/not-text`, message: text.error },
      ],
    }
  }
  const parsed = parseYamlText(text.value, file)
  return parsed.content === undefined
    ? { issues: parsed.issues }
    : { parsed, content: parsed.content, issues: parsed.issues }
}
