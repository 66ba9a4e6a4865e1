import { Value } from '@sinclair/typebox/value'

import type { JobHandler } from '../../jobs/index.js'
import type { Store } from '../../store/index.js'
import { generateProductDocuments, type GeneratedDocuments } from '../documents.js'
import { DocumentsJobData } from './documents-job-data.js'

export interface DocumentsGenerateDeps {
  readonly store: Store
  readonly chromiumPath?: string
}

/** A failed generation: the message is what the job's status shows to the person who asked. */
export class DocumentsJobError extends Error {
  readonly code: string

  constructor(code: string, message: string) {
    super(message)
    this.name = 'DocumentsJobError'
    this.code = code
  }
}

/**
 * Runs a `documents-generate` job: one deliverable from the product's current model with its
 * signatures, kept in the store. The job's output lists the files (ids, names, hashes).
 */
export const documentsGenerateHandler =
  (deps: DocumentsGenerateDeps): JobHandler =>
  async (data): Promise<GeneratedDocuments> => {
    // Job data crosses a process boundary (pg-boss), so it is checked again here.
    if (!Value.Check(DocumentsJobData, data)) {
      const first = Value.Errors(DocumentsJobData, data).First()
      throw new DocumentsJobError(
        'documents/bad-job',
        `not a documents-generate job: ${first === undefined ? 'invalid data' : `${first.path || '/'} ${first.message}`}`,
      )
    }
    const { requestedBy, ...request } = data
    const generated = await generateProductDocuments(
      deps.store,
      { ...request, createdBy: requestedBy },
      deps.chromiumPath === undefined ? {} : { chromiumPath: deps.chromiumPath },
    )
    if (!generated.ok) throw new DocumentsJobError(generated.error.code, generated.error.message)
    return generated.value
  }
