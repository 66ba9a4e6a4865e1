import { Command, CommanderError, InvalidArgumentError, Option } from 'commander'

import { isCalendarDate } from '../core/index.js'

import type { CliIo } from './cli-io.js'
import { analyzeCommand } from './commands/analyze.js'
import { infoCommand } from './commands/info.js'
import { initCommand } from './commands/init.js'
import { schemaCommand } from './commands/schema.js'
import { validateCommand } from './commands/validate.js'
import { EXIT_CODES, type ExitCode } from './exit-codes.js'

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
    .command('info')
    .description('derived facts: 524B cyber-device status, documents expected, support phases')
    .argument('<model>', 'model folder or root model file')
    .addOption(dateOption('--at <date>', 'evaluate support phases on this date (YYYY-MM-DD)'))
    .option('--json', 'print the facts as JSON')
    .action(async (model: string, options: { json?: boolean; at?: string }) => {
      code = await infoCommand(io, model, {
        json: options.json === true,
        ...(options.at === undefined ? {} : { at: options.at }),
      })
    })

  program
    .command('analyze')
    .description('validate and analyse every model in the given folders (e.g. examples)')
    .argument('<folders...>', 'model folders, or folders of model folders')
    .addOption(dateOption('--at <date>', 'evaluate on this date (YYYY-MM-DD)'))
    .action(async (folders: string[], options: { at?: string }) => {
      code = await analyzeCommand(io, folders, options.at === undefined ? {} : { at: options.at })
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
    .addOption(
      new Option('--format <format>', 'json (the schema) or markdown (the field reference)')
        .choices(['json', 'markdown'])
        .default('json'),
    )
    .action((options: { format: 'json' | 'markdown' }) => {
      code = schemaCommand(io, options.format)
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
    if (!isCalendarDate(value))
      throw new InvalidArgumentError('expected a calendar date as YYYY-MM-DD.')
    return value
  })
