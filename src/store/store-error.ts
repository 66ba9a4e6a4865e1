/** Codes of the store's expected failures; callers map them to HTTP statuses or exit codes. */
export const STORE_ERROR_CODES = ['store/conflict', 'store/invalid-model'] as const
export type StoreErrorCode = (typeof STORE_ERROR_CODES)[number]

/** Someone else changed the product's model since the caller read it. */
export interface StoreConflict {
  readonly code: 'store/conflict'
  readonly message: string
  readonly productId: string
  readonly expectedRevision: number
  readonly actualRevision: number
}

/** The files handed to an import do not form a model folder (bad or duplicate paths). */
export interface InvalidModel {
  readonly code: 'store/invalid-model'
  readonly message: string
  readonly path: string
}

export type StoreError = StoreConflict | InvalidModel
