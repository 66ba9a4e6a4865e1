import { modelJsonSchema, modelReferenceMarkdown } from '../../core/index.js'
import type { CliIo } from '../cli-io.js'
import { EXIT_CODES, type ExitCode } from '../exit-codes.js'

/** `medcyber schema`: the JSON Schema of a model file, for editors and other tools. */
export const schemaCommand = (io: CliIo, format: 'json' | 'markdown'): ExitCode => {
  io.stdout(
    format === 'markdown'
      ? modelReferenceMarkdown()
      : `${JSON.stringify(modelJsonSchema(), null, 2)}\n`,
  )
  return EXIT_CODES.ok
}
