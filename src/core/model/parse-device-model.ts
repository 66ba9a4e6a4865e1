import { hasErrors, type Issue } from '../issue.js'
import { checkConsistency } from './check-consistency.js'
import { checkDocumentSchema } from './check-document-schema.js'
import { checkLikelyMistakes } from './check-likely-mistakes.js'
import { checkReferences, type ReferenceCheckOptions } from './check-references.js'
import { mergeDocuments, type MergedModel, type SourcedDocument } from './merge-documents.js'
import type { DeviceModel, ModelDocument } from './model-document-schema.js'
import { indexModel } from './model-index.js'

/** One file of a model as read from disk or received over HTTP: not yet checked. */
export interface ModelFragment {
  readonly source: string
  readonly content: unknown
}

export interface ModelParseOutcome {
  /** Present when the model has no errors (it may have warnings). */
  readonly model?: DeviceModel
  /** Every error and warning, each placed in the file and at the path where it was written. */
  readonly issues: readonly Issue[]
  /** Places an issue found later on the merged model (e.g. by SBOM link checks) in its file. */
  readonly place?: (issue: Issue) => Issue
}

/**
 * Checks and joins the files of one device model, root file first. Schema errors are reported
 * per file before anything is merged, because references cannot be followed through items of the
 * wrong shape; after that, every error of the merged model is reported at once.
 */
export const parseDeviceModel = (
  fragments: readonly ModelFragment[],
  options: ReferenceCheckOptions = {},
): ModelParseOutcome => {
  const schemaIssues = fragments.flatMap((fragment) =>
    checkDocumentSchema(fragment.content, fragment.source),
  )
  if (hasErrors(schemaIssues)) return { issues: schemaIssues }

  const documents: SourcedDocument[] = fragments.map((fragment) => ({
    source: fragment.source,
    document: fragment.content as ModelDocument,
  }))
  const { merged, issues: mergeIssues } = mergeDocuments(documents)
  if (merged === undefined) return { issues: mergeIssues }

  const { index, issues: indexIssues } = indexModel(merged.model)
  const issues = [
    ...indexIssues,
    ...checkReferences(merged.model, index, options),
    ...checkConsistency(merged.model),
  ]
  if (!hasErrors(issues)) issues.push(...checkLikelyMistakes(merged.model))
  const placed = issues.map((issue) => placeIssue(issue, merged))
  return hasErrors(placed)
    ? { issues: placed }
    : { model: merged.model, issues: placed, place: (issue) => placeIssue(issue, merged) }
}

/** Moves an issue from the merged model's paths to the file and path where it was written. */
const placeIssue = (issue: Issue, merged: MergedModel): Issue => {
  const origin = merged.originOf(issue.path)
  const related =
    issue.related === undefined
      ? undefined
      : (() => {
          const place = merged.originOf(issue.related.path)
          return {
            path: place.path,
            ...(place.source === undefined ? {} : { source: place.source }),
          }
        })()
  return {
    ...issue,
    path: origin.path,
    ...(origin.source === undefined ? {} : { source: origin.source }),
    ...(related === undefined ? {} : { related }),
  }
}
