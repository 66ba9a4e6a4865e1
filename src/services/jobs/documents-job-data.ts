import { Type, type Static, type TLiteral, type TUnion } from '@sinclair/typebox'

import { DOCUMENT_LANGUAGES } from '../../core/documents/document-tree.js'
import { DELIVERABLE_KINDS } from '../../core/reports/deliverable.js'
import { REPORT_FORMATS } from '../../render/reports/report-formats.js'

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
