import { ApiError } from '../../api/client.js'
import type { ArchitectureIssue } from '../../api/types.js'
import { ARCHITECTURE_LISTS, type ArchitectureList } from './model-entries.js'

/**
 * A problem of the model shown in the editor: an issue of the saved model (from GET), or a
 * reason a save was refused (422 details). Both name the entry and field when they can, so the
 * editor marks that node or edge and can open the form at that field.
 */
export interface Problem {
  readonly key: string
  readonly severity: 'error' | 'warning'
  readonly message: string
  /** file:line:column in the model files, when known. */
  readonly location: string | undefined
  readonly list: ArchitectureList | undefined
  readonly entry: string | undefined
  readonly field: string | undefined
}

const isList = (value: unknown): value is ArchitectureList =>
  typeof value === 'string' && (ARCHITECTURE_LISTS as readonly string[]).includes(value)

const optionalText = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined

export const problemsFromIssues = (issues: readonly ArchitectureIssue[]): readonly Problem[] =>
  issues.map((issue, index) => ({
    key: `model:${String(index)}`,
    severity: issue.severity === 'warning' ? 'warning' : 'error',
    message: issue.message,
    location: optionalText(issue.location),
    list: issue.list ?? undefined,
    entry: issue.entry ?? undefined,
    field: issue.field ?? undefined,
  }))

/**
 * The details of a refused save (422 invalid-model): each `{path, message, entry?}` where
 * `entry` is `{list, id, field}` when the server could place it. Anything else gives none.
 */
export const problemsFromSaveError = (error: unknown): readonly Problem[] => {
  if (!(error instanceof ApiError) || error.status !== 422) return []
  return error.details.map((detail, index) => {
    const placed: unknown = (detail as { entry?: unknown }).entry
    const entry =
      placed !== null && typeof placed === 'object' ? (placed as Record<string, unknown>) : {}
    const list = isList(entry.list) ? entry.list : undefined
    const id = list === undefined ? undefined : optionalText(entry.id)
    return {
      key: `save:${String(index)}`,
      severity: 'error' as const,
      message: detail.message,
      location: optionalText(detail.path),
      list: id === undefined ? undefined : list,
      entry: id,
      field: id === undefined ? undefined : optionalText(entry.field),
    }
  })
}

export const entryKey = (list: ArchitectureList, id: string): string => `${list}/${id}`

/** Problems by the entry they are about (`list/id`); problems about no entry are left out. */
export const problemsByEntry = (
  problems: readonly Problem[],
): ReadonlyMap<string, readonly Problem[]> => {
  const byEntry = new Map<string, Problem[]>()
  for (const problem of problems) {
    if (problem.list === undefined || problem.entry === undefined) continue
    const key = entryKey(problem.list, problem.entry)
    byEntry.set(key, [...(byEntry.get(key) ?? []), problem])
  }
  return byEntry
}

/**
 * The form controls a problem's field may name, most precise first: `authentication.type`,
 * then `authentication`. Fields come as `to`, `authentication.type`, `/authentication/type`
 * or `payload[0]`; array positions are dropped because the forms edit a list as one control.
 */
export const fieldCandidates = (field: string | undefined): readonly string[] => {
  if (field === undefined) return []
  const parts = field
    .replace(/^\$\.?/, '')
    .split(/[./[\]]+/)
    .filter((part) => part !== '' && !/^\d+$/.test(part))
  return parts.map((_, index) => parts.slice(0, parts.length - index).join('.'))
}

/**
 * The form control a field belongs to, among a form's `controls`: the most precise one named,
 * else the first control inside the field (`authentication` → `authentication.type`); undefined
 * when the form has none (the problem is then shown above the form's fields).
 */
export const controlOf = (
  field: string | undefined,
  controls: readonly string[],
): string | undefined => {
  const candidates = fieldCandidates(field)
  const named = candidates.find((candidate) => controls.includes(candidate))
  if (named !== undefined) return named
  const widest = candidates.at(-1)
  return widest === undefined
    ? undefined
    : controls.find((control) => control.startsWith(`${widest}.`))
}

export const worstSeverity = (problems: readonly Problem[]): 'error' | 'warning' | undefined =>
  problems.length === 0
    ? undefined
    : problems.some((problem) => problem.severity === 'error')
      ? 'error'
      : 'warning'

/** An entry's problems placed on a form's controls; those no control takes are `unplaced`. */
export const problemsByControl = (
  problems: readonly Problem[],
  controls: readonly string[],
): {
  readonly byControl: ReadonlyMap<string, readonly Problem[]>
  readonly unplaced: readonly Problem[]
} => {
  const byControl = new Map<string, Problem[]>()
  const unplaced: Problem[] = []
  for (const problem of problems) {
    const control = controlOf(problem.field, controls)
    if (control === undefined) unplaced.push(problem)
    else byControl.set(control, [...(byControl.get(control) ?? []), problem])
  }
  return { byControl, unplaced }
}
