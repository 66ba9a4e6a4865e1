import { err, ok, type CalendarDate, type DeviceModel, type Result } from '../core/index.js'
import type { LocatedIssue } from '../formats/index.js'
import { importModel, type ModelFile, type Store } from '../store/index.js'
import { putAssessment, type AssessmentEdit } from './assessment-files.js'
import { loadModelFromFiles } from './model-files.js'
import { analyseProduct } from './product-analysis.js'
import { loadProductModel } from './product-model.js'

/** Who writes, why, and the revision their copy was based on (0 for a new product). */
export interface ModelWrite {
  readonly expectedRevision: number
  readonly actor: string
  readonly reason: string | null
}

export interface SavedModel {
  readonly revision: number
  /** Paths added, changed or removed, sorted. */
  readonly changed: readonly string[]
}

export type ModelSaveProblem =
  | { readonly code: 'not-found'; readonly productId: string }
  | { readonly code: 'invalid-model'; readonly issues: readonly LocatedIssue[] }
  | {
      readonly code: 'stale-revision'
      readonly expectedRevision: number
      readonly actualRevision: number
    }
  | { readonly code: 'bad-files'; readonly path: string; readonly message: string }
  | { readonly code: 'unknown-threat'; readonly threat: string }

const errorsOf = (issues: readonly LocatedIssue[]): LocatedIssue[] =>
  issues.filter((issue) => issue.severity === 'error')

const factsOf = (model: DeviceModel) => ({
  name: model.product.name,
  releases: model.releases.map((release) => ({
    version: release.version,
    releasedAt: release.date,
    supportEnds: release.milestones?.endOfSupport ?? null,
  })),
})

/**
 * Stores a model's files as the product's next revision, only if they form a valid model and
 * the product is still at the revision the writer started from; the product takes the model's
 * name and releases. The import writes the audit event.
 */
export const saveProductModel = async (
  store: Store,
  productId: string,
  files: readonly ModelFile[],
  write: ModelWrite,
): Promise<Result<SavedModel, ModelSaveProblem>> => {
  const loaded = await loadModelFromFiles(files)
  if (loaded.model === undefined) {
    return err({ code: 'invalid-model', issues: errorsOf(loaded.issues) })
  }
  const imported = await importModel(store, productId, files, {
    ...write,
    facts: factsOf(loaded.model),
  })
  if (!imported.ok) {
    const problem = imported.error
    return problem.code === 'store/conflict'
      ? err({
          code: 'stale-revision',
          expectedRevision: problem.expectedRevision,
          actualRevision: problem.actualRevision,
        })
      : err({ code: 'bad-files', path: problem.path, message: problem.message })
  }
  return ok(imported.value)
}

/**
 * Records one threat assessment or one VEX triage decision in the model's files: the entry for
 * the same threat (or finding) and the same releases is replaced, else the entry is added (see
 * `putAssessment` for which file). Only that entry's text changes; the whole model is checked
 * again before it is stored as the next revision.
 */
export const saveAssessment = async (
  store: Store,
  productId: string,
  edit: AssessmentEdit,
  write: ModelWrite & { readonly today: CalendarDate },
): Promise<Result<SavedModel, ModelSaveProblem>> => {
  const stored = await loadProductModel(store, productId)
  if (stored === undefined) return err({ code: 'not-found', productId })
  if (stored.revision !== write.expectedRevision) {
    return err({
      code: 'stale-revision',
      expectedRevision: write.expectedRevision,
      actualRevision: stored.revision,
    })
  }
  if (stored.model === undefined) {
    return err({ code: 'invalid-model', issues: errorsOf(stored.issues) })
  }
  if (edit.list === 'threatAssessments') {
    const analysis = await analyseProduct(store, productId, { date: write.today })
    const known = analysis.ok && analysis.value.threats.some((t) => t.id === edit.entry.threat)
    if (!known) return err({ code: 'unknown-threat', threat: edit.entry.threat })
  }
  const order = (await loadModelFromFiles(stored.files)).files
  const files = putAssessment(stored.files, order, edit)
  return saveProductModel(store, productId, files, write)
}
