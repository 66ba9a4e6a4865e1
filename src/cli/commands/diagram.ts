import { availableViews, parseViewId, selectView } from '../../core/index.js'
import { renderArchitectureViewSvg } from '../../render/index.js'
import type { CliIo } from '../cli-io.js'
import { EXIT_CODES, type ExitCode } from '../exit-codes.js'
import { loadValidModel } from '../load-valid-model.js'

export interface DiagramOptions {
  readonly view?: string
  readonly out?: string
  readonly list: boolean
}

/** `medcyber diagram <model> --view <id> [--out file.svg]`: one FDA architecture view as SVG. */
export const diagramCommand = async (
  io: CliIo,
  argument: string,
  options: DiagramOptions,
): Promise<ExitCode> => {
  const loaded = await loadValidModel(io, argument)
  if (loaded === undefined) return EXIT_CODES.invalidInput
  const views = availableViews(loaded.model)
  if (options.list || options.view === undefined) {
    if (!options.list)
      io.stderr('medcyber: choose a view with --view; the views of this model are:\n')
    for (const view of views)
      (options.list ? io.stdout : io.stderr)(`  ${view.id.padEnd(40)} ${view.title}\n`)
    return options.list ? EXIT_CODES.ok : EXIT_CODES.invalidInput
  }
  const spec = parseViewId(options.view)
  const selected = spec === undefined ? undefined : selectView(loaded.model, spec)
  if (selected === undefined || !selected.ok) {
    const why =
      selected === undefined ? `'${options.view}' is not a view name` : selected.error.message
    io.stderr(`medcyber: ${why}; the views are: ${views.map((view) => view.id).join(', ')}\n`)
    return EXIT_CODES.invalidInput
  }
  const svg = await renderArchitectureViewSvg(selected.value)
  if (options.out === undefined) {
    io.stdout(svg)
  } else {
    await io.files.writeFile(options.out, svg)
    io.stdout(`Wrote ${selected.value.title} to ${options.out}\n`)
  }
  return EXIT_CODES.ok
}
