import path from 'node:path'

import { stringify } from 'yaml'

import { formatPath } from '../../core/index.js'
import {
  decodeText,
  exportOtm,
  importOtm,
  importThreagile,
  importThreatDragon,
  includeReader,
  type ThreatModelImportResult,
} from '../../formats/index.js'
import type { CliIo } from '../cli-io.js'
import type { ImportFormat } from '../command-choices.js'
import { EXIT_CODES, type ExitCode } from '../exit-codes.js'
import { loadValidModel } from '../load-valid-model.js'

const MAX_IMPORT_BYTES = 16 * 1024 * 1024

const importers: Readonly<
  Record<ImportFormat, (text: string, file: string, io: CliIo) => Promise<ThreatModelImportResult>>
> = {
  threagile: (text, file, io) => importThreagile(text, file, includeReader(io.reader)),
  'threat-dragon': (text, file) => Promise.resolve(importThreatDragon(text, file)),
  otm: (text, file) => Promise.resolve(importOtm(text, file)),
}

const list = (io: CliIo, title: string, items: readonly string[]): void => {
  if (items.length === 0) return
  io.stderr(`${title} (${String(items.length)}):\n${items.map((item) => `  - ${item}\n`).join('')}`)
}

/**
 * `medcyber import --from <format> <file> --out <dir>`: another tool's threat model as a
 * medcyber model, with what was dropped and what needs review said item by item.
 */
export const importCommand = async (
  io: CliIo,
  file: string,
  options: { from: ImportFormat; out: string },
): Promise<ExitCode> => {
  const bytes = await io.reader.read(file, MAX_IMPORT_BYTES)
  const text = bytes.ok ? decodeText(bytes.value) : undefined
  if (text === undefined || !text.ok) {
    io.stderr(
      `medcyber: ${bytes.ok ? `${file}: ${text?.ok === false ? text.error : ''}` : bytes.error.message}\n`,
    )
    return EXIT_CODES.invalidInput
  }
  const result = await importers[options.from](text.value, file, io)
  if (!result.ok) {
    for (const issue of result.error) {
      const where =
        issue.line === undefined
          ? file
          : `${file}:${String(issue.line)}:${String(issue.column ?? 1)}`
      io.stderr(
        `${where}: error: ${issue.message} [${issue.code}]\n    at ${formatPath(issue.path)}\n`,
      )
    }
    return EXIT_CODES.invalidInput
  }
  const target = path.join(options.out, 'medcyber.yaml')
  if ((await io.files.kindOf(target)) !== 'missing') {
    io.stderr(`medcyber: ${target} already exists; import never overwrites files\n`)
    return EXIT_CODES.invalidInput
  }
  await io.files.makeDirectory(options.out)
  const header = `# Imported from ${path.basename(file)} (${options.from}) by medcyber; review the placeholders listed on import.\n`
  await io.files.writeNew(target, header + stringify(result.value.document, { lineWidth: 100 }))
  list(io, 'Dropped', result.value.dropped)
  list(io, 'Needs review', result.value.review)
  io.stdout(`Wrote ${target}; next: medcyber validate ${options.out}\n`)
  return EXIT_CODES.ok
}

/** `medcyber export --to otm <model> [--out file]`: the model as Open Threat Model JSON. */
export const exportCommand = async (
  io: CliIo,
  argument: string,
  options: { out?: string },
): Promise<ExitCode> => {
  const loaded = await loadValidModel(io, argument)
  if (loaded === undefined) return EXIT_CODES.invalidInput
  const exported = exportOtm(loaded.model)
  const json = `${JSON.stringify(exported.document, null, 2)}\n`
  list(io, 'Not representable in OTM', exported.dropped)
  list(io, 'Placeholders', exported.review)
  if (options.out === undefined) {
    io.stdout(json)
  } else {
    await io.files.writeFile(options.out, json)
    io.stdout(`Wrote ${options.out}\n`)
  }
  return EXIT_CODES.ok
}
