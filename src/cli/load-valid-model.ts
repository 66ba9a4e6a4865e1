import { formatPath, type DeviceModel, type Issue, type RiskPolicy } from '../core/index.js'
import { loadDeviceModel, type LocatedIssue } from '../formats/index.js'
import type { CliIo } from './cli-io.js'
import { formatIssue } from './format-issues.js'
import { resolveModelEntry } from './resolve-model-entry.js'

export interface ValidModel {
  readonly model: DeviceModel
  /** The root model file. */
  readonly file: string
  /** Places an issue found later (at a path of the merged model) in its file. */
  readonly locate: (issue: Issue) => LocatedIssue
  /** The model's own risk policy, when it names one (already checked). */
  readonly riskPolicy?: RiskPolicy
}

/**
 * Loads a model for commands that need a valid one: on errors it prints them and returns
 * undefined, so the command exits 2 with the same messages `validate` gives.
 */
export const loadValidModel = async (
  io: CliIo,
  argument: string,
  ruleIds?: ReadonlySet<string>,
): Promise<ValidModel | undefined> => {
  const entry = await resolveModelEntry(io.files, argument)
  if ('problem' in entry) {
    io.stderr(`medcyber: ${entry.problem}\n`)
    return undefined
  }
  const loaded = await loadDeviceModel(
    entry.file,
    io.reader,
    undefined,
    ruleIds === undefined ? {} : { ruleIds },
  )
  if (loaded.model === undefined) {
    for (const issue of loaded.issues) io.stderr(`${formatIssue(issue)}\n`)
    io.stderr(
      `medcyber: ${entry.file} is not a valid model; fix the errors above (medcyber validate ${argument})\n`,
    )
    return undefined
  }
  return {
    model: loaded.model,
    file: entry.file,
    locate:
      loaded.locate ??
      ((issue) => ({
        severity: issue.severity,
        code: issue.code,
        message: issue.message,
        file: entry.file,
        line: 0,
        column: 0,
        path: formatPath(issue.path),
      })),
    ...(loaded.riskPolicy === undefined ? {} : { riskPolicy: loaded.riskPolicy }),
  }
}
