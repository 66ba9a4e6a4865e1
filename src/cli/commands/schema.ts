import { modelJsonSchema, modelReferenceMarkdown, riskPolicyJsonSchema } from '../../core/index.js'
import type { CliIo } from '../cli-io.js'
import type { SchemaKind } from '../command-choices.js'
import { EXIT_CODES, type ExitCode } from '../exit-codes.js'

/** `medcyber schema`: the JSON Schema of a model or risk policy file, for editors and tools. */
export const schemaCommand = (
  io: CliIo,
  format: 'json' | 'markdown',
  kind: SchemaKind = 'model',
): ExitCode => {
  if (kind === 'risk-policy') {
    if (format === 'markdown') {
      io.stderr(
        'medcyber: the field reference exists for models only; docs/risk.md describes the policy file\n',
      )
      return EXIT_CODES.invalidInput
    }
    io.stdout(`${JSON.stringify(riskPolicyJsonSchema(), null, 2)}\n`)
    return EXIT_CODES.ok
  }
  io.stdout(
    format === 'markdown'
      ? modelReferenceMarkdown()
      : `${JSON.stringify(modelJsonSchema(), null, 2)}\n`,
  )
  return EXIT_CODES.ok
}
