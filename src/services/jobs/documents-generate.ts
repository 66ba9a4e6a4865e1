import { Type, type Static, type TLiteral, type TUnion } from '@sinclair/typebox'
import { Value } from '@sinclair/typebox/value'

import { DELIVERABLE_KINDS, DOCUMENT_LANGUAGES } from '../../core/index.js'
import type { JobHandler } from '../../jobs/index.js'
import { REPORT_FORMATS } from '../../render/reports/index.js'
import type { Store } from '../../store/index.js'
import { generateProductDocuments, type GeneratedDocuments } from '../documents.js'

type LiteralTuple<T extends readonly string[]> = { -readonly [K in keyof T]: TLiteral<T[K]> }

/**
 * One of a closed set of words. Typed as a tuple of literals: the route's type provider (on
 * TypeBox 1) reads a union over an array of literals as `never` and `Type.Unsafe` as `unknown`.
 */
const oneOf = <const T extends readonly string[]>(
  values: T,
  description: string,
): TUnion<LiteralTuple<T>> =>
  Type.Union(
    values.map((value) => Type.Literal(value)),
    { description },
  ) as TUnion<LiteralTuple<T>>

/** The input of a `documents-generate` job, as the documents route queues it. */
export const DocumentsJobData = Type.Object(
  {
    productId: Type.String({ minLength: 1 }),
    kind: oneOf(DELIVERABLE_KINDS, 'The deliverable, as medcyber report --kind names it'),
    formats: Type.Optional(
      Type.Array(oneOf(REPORT_FORMATS, 'A file format'), {
        minItems: 1,
        uniqueItems: true,
        description:
          "Absent: the deliverable's usual formats. pdf needs Chromium on the server; SBOM, VEX, CSAF and MDS2 data are JSON in any case",
      }),
    ),
    language: Type.Optional(
      oneOf(
        DOCUMENT_LANGUAGES,
        'ja where the deliverable has it (JIS checklist, labeling, notices)',
      ),
    ),
    release: Type.Optional(Type.String({ minLength: 1 })),
    date: Type.Optional(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' })),
    /** Username of whoever asked; recorded as the documents' creator and in the audit trail. */
    requestedBy: Type.String({ minLength: 1 }),
  },
  { additionalProperties: false },
)
export type DocumentsJobData = Static<typeof DocumentsJobData>

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
