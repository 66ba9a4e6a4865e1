import { Command, CommanderError, Option } from 'commander'

import type { CliIo } from './cli-io.js'
import { initCommand } from './commands/init.js'
import { schemaCommand } from './commands/schema.js'
import { validateCommand } from './commands/validate.js'
import { EXIT_CODES, type ExitCode } from './exit-codes.js'

const DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * Runs one CLI invocation and returns its exit code. Never throws: usage errors exit 2, bugs
 * exit 70 with a one-line message (the stack only with MEDCYBER_DEBUG=1).
 */
export const run = async (argv: readonly string[], io: CliIo): Promise<ExitCode> => {
  let code: ExitCode = EXIT_CODES.ok
  const program = new Command('medcyber')
    .description('Medical device cybersecurity risk management: device security models as code')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => {
        io.stdout(text)
      },
      writeErr: (text) => {
        io.stderr(text)
      },
    })
    .showSuggestionAfterError(true)

  program
    .command('validate')
    .description('check a device model: syntax, schema, references and likely mistakes')
    .argument('<model>', 'model folder (holding medcyber.yaml) or root model file')
    .option('--json', 'print { valid, issues } as JSON')
    .action(async (model: string, options: { json?: boolean }) => {
      code = await validateCommand(io, model, { json: options.json === true })
    })

  program
    .command('init')
    .description('create a commented starter model in a folder')
    .argument('<dir>', 'folder for the new model (created if missing)')
    .action(async (directory: string) => {
      code = await initCommand(io, directory)
    })

  program
    .command('schema')
    .description('print the JSON Schema of a medcyber/v1 model file')
    .action(() => {
      code = schemaCommand(io)
    })

  try {
    await program.parseAsync([...argv], { from: 'user' })
    return code
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.invalidInput
    }
    io.stderr(
      `medcyber: internal error: ${error instanceof Error ? error.message : String(error)}\n` +
        'This is a bug in medcyber; please report it with the command you ran.\n',
    )
    if (process.env['MEDCYBER_DEBUG'] === '1' && error instanceof Error)
      io.stderr(`${error.stack ?? ''}\n`)
    return EXIT_CODES.internalError
  }
}

export const dateOption = (flags: string, description: string): Option =>
  new Option(flags, description).argParser((value: string) => {
    if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
      throw new CommanderError(2, 'medcyber.invalidDate', `invalid date '${value}': use YYYY-MM-DD`)
    }
    return value
  })
