import path from 'node:path'

import { modelJsonSchema } from '../../core/index.js'
import type { CliIo } from '../cli-io.js'
import { EXIT_CODES, type ExitCode } from '../exit-codes.js'
import { STARTER_MODEL, STARTER_SBOM, STARTER_SECURITY } from './starter-model.js'

/** `medcyber init <dir>`: a commented starter model that validates, never over existing files. */
export const initCommand = async (io: CliIo, directory: string): Promise<ExitCode> => {
  const files: readonly [string, string][] = [
    ['medcyber.yaml', STARTER_MODEL],
    ['security.yaml', STARTER_SECURITY],
    [path.join('sbom', 'wearable.cdx.json'), STARTER_SBOM],
    ['medcyber.schema.json', `${JSON.stringify(modelJsonSchema(), null, 2)}\n`],
  ]
  if ((await io.files.kindOf(directory)) === 'file') {
    io.stderr(`medcyber: ${directory} is a file; give a folder for the new model\n`)
    return EXIT_CODES.invalidInput
  }
  for (const [name] of files) {
    const target = path.join(directory, name)
    if ((await io.files.kindOf(target)) !== 'missing') {
      io.stderr(`medcyber: ${target} already exists; init never overwrites files\n`)
      return EXIT_CODES.invalidInput
    }
  }
  await io.files.makeDirectory(path.join(directory, 'sbom'))
  for (const [name, content] of files) await io.files.writeNew(path.join(directory, name), content)
  io.stdout(
    `Created a starter model in ${directory}:\n` +
      files.map(([name]) => `  ${path.join(directory, name)}\n`).join('') +
      `Next: edit medcyber.yaml, then run: medcyber validate ${directory}\n`,
  )
  return EXIT_CODES.ok
}
