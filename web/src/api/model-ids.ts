import type { ControlCoverage } from './types.js'

/** A model id offered for linking, with a name to show beside it when the API gives one. */
export interface IdOption {
  readonly id: string
  readonly name?: string
}

/**
 * The model's controls: coverage lists every control in `controlThreats`; names come with the
 * controls it reports on (not every control), so the id is what a person always sees.
 */
export const controlOptions = (coverage: ControlCoverage): readonly IdOption[] => {
  const names = new Map<string, string>()
  for (const item of coverage.controlsWithoutVerification) names.set(item.control, item.name)
  for (const item of coverage.controlsFailingVerification) names.set(item.control, item.name)
  return coverage.controlThreats.map(({ control }) => {
    const name = names.get(control)
    return name === undefined ? { id: control } : { id: control, name }
  })
}
