import { err, ok, type Result } from '../core/index.js'
import type { ModelFile, Store } from '../store/index.js'
import { loadModelFromFiles } from './model-files.js'
import { saveProductModel, type ModelSaveProblem } from './model-edits.js'

/**
 * Adds a product from a model folder's files, as its first revision: the id is the model's
 * `product.id` unless one is given; `stale-revision` means a product with that id exists.
 */
export const createProductFromFiles = async (
  store: Store,
  files: readonly ModelFile[],
  by: { readonly actor: string; readonly reason: string | null; readonly productId?: string },
): Promise<Result<{ readonly productId: string; readonly revision: number }, ModelSaveProblem>> => {
  const loaded = await loadModelFromFiles(files)
  if (loaded.model === undefined) {
    return err({
      code: 'invalid-model',
      issues: loaded.issues.filter((issue) => issue.severity === 'error'),
    })
  }
  const productId = by.productId ?? loaded.model.product.id
  const saved = await saveProductModel(store, productId, files, {
    expectedRevision: 0,
    actor: by.actor,
    reason: by.reason,
  })
  return saved.ok ? ok({ productId, revision: saved.value.revision }) : saved
}
